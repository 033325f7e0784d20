import { useSearchParams } from "react-router";
import { writeScope, type ScopeFilters } from "../filters/urlFilters.ts";
import { writeListParams, type ListView } from "./recordFilters.ts";

/** A records page's state, all in the URL: the scope and the page's own filters, the page, the open record. */
export function useRecordView<F extends ScopeFilters>(read: (params: URLSearchParams) => ListView<F>) {
  const [params, setParams] = useSearchParams();
  return {
    ...read(params),
    setScope: (filters: ScopeFilters) => setParams((current) => writeListParams(writeScope(current, filters), { page: 1 })),
    setFilters: (values: Partial<Record<Exclude<keyof F, keyof ScopeFilters> & string, string>>) =>
      setParams((current) => writeListParams(current, { ...values, page: 1 })),
    setPage: (page: number) => setParams((current) => writeListParams(current, { page })),
    select: (id: string | undefined) => setParams((current) => writeListParams(current, { selected: id })),
  };
}
