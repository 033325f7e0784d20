import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { localDate } from "@keel/shared/calendar";

/**
 * Today as the organisation's calendar says (its time zone is a setting): windows and weeks are
 * the organisation's, not the browser's.
 */
export function useOrgCalendar() {
  const trpc = useTRPC();
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), staleTime: 10 * 60_000 });
  const timeZone = settings.data?.timeZone;
  return { settings, timeZone, today: timeZone ? localDate(new Date(), timeZone) : undefined };
}
