// The Flaky tests view for one window and team: the ranking (sortable), one test's details, and
// what detection left out. The chosen test is in the URL (`test`), so a link opens it.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { API_DOCS_URL } from "../../api/links.ts";
import { useTRPC } from "../../api/trpc.ts";
import { EmptyState } from "../../components/StateMessage.tsx";
import { countOf, formatHours, formatUsdCents } from "@keel/shared/numbers";
import { costQueryInput, type CostFilters } from "../costs/costFilters.ts";
import { QueryView } from "../../components/QueryView.tsx";
import { FlakyDetail } from "./FlakyDetail.tsx";
import { DEFAULT_SORT, type FlakySort } from "./flakySort.ts";
import { FlakyTable, flakyRowButtonId } from "./FlakyTable.tsx";
import { OutagesPanel } from "./OutagesPanel.tsx";

const FIRST_PAGE = 50;
const MAX_LIMIT = 500;

function readTestId(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

export function FlakyTestsView({ filters, today }: { filters: CostFilters; today: string }) {
  const trpc = useTRPC();
  const [limit, setLimit] = useState(FIRST_PAGE);
  const [sort, setSort] = useState<FlakySort>(DEFAULT_SORT);
  const [params, setParams] = useSearchParams();
  const selectedId = readTestId(params.get("test"));
  const input = costQueryInput(filters, today);
  // Showing more keeps the current rows on screen until the longer list arrives.
  const list = useQuery({ ...trpc.flaky.list.queryOptions({ filters: input, limit }), placeholderData: (previous) => previous });
  // What fixed tests saved comes with hours lost (the Executive's answer for the same filters).
  const hoursLost = useQuery(trpc.costs.hoursLost.queryOptions(input));
  const avoided = useMemo(
    () => new Map(hoursLost.data?.costAvoided.fixedTests.tests.map((t) => [t.test.id, { hours: t.hours, costUsd: t.costUsd }]) ?? []),
    [hoursLost.data],
  );

  function select(id: number | null) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id === null) next.delete("test");
      else next.set("test", String(id));
      return next;
    });
  }

  function close() {
    const id = selectedId;
    select(null);
    // Back to the row the details came from.
    if (id !== null) requestAnimationFrame(() => document.getElementById(flakyRowButtonId(id))?.focus());
  }

  return (
    <QueryView query={list} loadingLabel="Loading flaky tests…" lines={6} errorTitle="Flaky tests could not be loaded.">
      {(data) => {
        const selected = data.tests.find((t) => t.id === selectedId) ?? null;
        const hours = data.tests.reduce((s, t) => s + t.hoursLost, 0);
        const cost = data.tests.reduce((s, t) => s + t.costUsd, 0);
        return (
          <>
            <section className="panel" aria-labelledby="flaky-ranking-heading" aria-busy={list.isPlaceholderData}>
              <h2 id="flaky-ranking-heading">Ranked by hours lost</h2>
              {data.tests.length === 0 ? (
                <EmptyState>
                  No flaky test in these weeks: no test both failed and passed on the same commit. Flaky tests show up here once CI sends JUnit reports (see the{" "}
                  <a href={API_DOCS_URL}>API docs</a>).
                </EmptyState>
              ) : (
                <>
                  <p className="lead" data-testid="flaky-total">
                    {data.total > data.tests.length
                      ? `The top ${data.tests.length} of ${countOf(data.total, "flaky test")} in these weeks lost ${formatHours(hours)} (${formatUsdCents(cost)}).`
                      : `${countOf(data.total, "test")} had flaky failures in these weeks; together they lost ${formatHours(hours)} (${formatUsdCents(cost)}).`}
                  </p>
                  <FlakyTable
                    tests={data.tests}
                    timeZone={data.timeZone}
                    sort={sort}
                    onSort={setSort}
                    selectedId={selectedId}
                    onSelect={select}
                    avoided={avoided}
                  />
                  {data.total > data.tests.length && limit < MAX_LIMIT ? (
                    <button type="button" className="button button-quiet show-more" onClick={() => setLimit(MAX_LIMIT)} disabled={list.isFetching}>
                      {data.total > MAX_LIMIT ? `Show the top ${MAX_LIMIT}` : `Show all ${data.total}`}
                    </button>
                  ) : null}
                  <p className="muted table-note">
                    Cost model {data.costModel.label}. Hours: each blocking failure costs a context switch plus part of the rerun's duration.
                  </p>
                </>
              )}
            </section>
            {selected ? <FlakyDetail test={selected} filters={input} timeZone={data.timeZone} onClose={close} avoided={avoided.get(selected.id)} /> : null}
            {selectedId !== null && !selected ? (
              <EmptyState>
                The test chosen in the address is not among these flaky tests for this period and team.{" "}
                <button type="button" className="link-button" onClick={() => select(null)}>
                  Clear the choice
                </button>
              </EmptyState>
            ) : null}
            <OutagesPanel data={data} />
          </>
        );
      }}
    </QueryView>
  );
}
