// "Runs by commit" in a flaky test's details: for each recent sha, every build attempt that ran the
// test as a strip of marks (one per execution), with the commit flagged when the test both failed
// and passed on it, or when an attempt was an infrastructure outage. Shaping is in runsByCommit.ts.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { okabeIto } from "../../charts/palette.ts";
import { EmptyState } from "../../components/StateMessage.tsx";
import type { CostFiltersQuery } from "../costs/apiTypes.ts";
import { QueryView } from "../../components/QueryView.tsx";
import { BADGE_TEXT, commitRows, historyCaption, MARKS, type CommitBadge, type MarkKind, type RunMark } from "./runsByCommit.ts";
import "./runsByCommit.css";

// Okabe–Ito colours; the symbol's ink is picked for contrast on each fill (white on the two dark
// ones, black on reddish purple, and skipped is an outline: it did not run).
const MARK_STYLE: Record<MarkKind, { background: string; color: string; borderColor: string }> = {
  pass: { background: okabeIto.bluishGreen, color: "#ffffff", borderColor: okabeIto.bluishGreen },
  fail: { background: okabeIto.vermillion, color: "#ffffff", borderColor: okabeIto.vermillion },
  error: { background: okabeIto.reddishPurple, color: okabeIto.black, borderColor: okabeIto.reddishPurple },
  skip: { background: "#ffffff", color: okabeIto.black, borderColor: okabeIto.skyBlue },
};

const BADGE_CLASS: Record<CommitBadge, string> = {
  flaky: "badge badge-state-flaky",
  broken: "badge badge-state-broken",
  outage: "badge badge-neutral",
};

function Mark({ mark }: { mark: RunMark }) {
  return (
    <span className="run-mark" style={MARK_STYLE[mark.kind]} aria-hidden="true">
      {mark.symbol}
    </span>
  );
}

export function RunsByCommit({ testId, filters, timeZone }: { testId: number; filters: CostFiltersQuery; timeZone: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.flaky.history.queryOptions({ testId, filters }));
  return (
    <QueryView query={history} loadingLabel="Loading runs by commit…" lines={4} errorTitle="The test's runs could not be loaded.">
      {(data) => {
        if (data.shas.length === 0) return <EmptyState>This test did not run in these weeks.</EmptyState>;
        const rows = commitRows(data, timeZone);
        return (
          <>
            <p className="muted" data-testid="runs-caption">
              {historyCaption(data)}
            </p>
            <p className="run-legend muted" aria-hidden="true">
              {Object.values(MARKS).map((m) => (
                <span key={m.kind}>
                  <Mark mark={m} /> {m.label}
                </span>
              ))}
              <span>
                <span className="attempt-note">blocked</span>: a flaky failure made the build fail
              </span>
            </p>
            <ol className="runs-by-commit" aria-label="Runs by commit, newest first">
              {rows.map((row) => (
                <li key={row.sha} className="commit-row" data-sha={row.sha} data-attempts={row.attempts.length}>
                  <div className="commit-head">
                    <code className="commit-sha" title={row.sha}>
                      {row.shortSha}
                    </code>
                    <span className="commit-meta muted">{[row.branch, row.date].filter(Boolean).join(" · ")}</span>
                    {row.badges.map((b) => (
                      <span key={b} className={BADGE_CLASS[b]} data-badge={b}>
                        {BADGE_TEXT[b]}
                      </span>
                    ))}
                  </div>
                  <ul className="attempt-strip" aria-label={`${row.summary} on ${row.shortSha}`}>
                    {row.attempts.map((a) => (
                      <li key={a.key} className={`attempt-chip${a.note ? ` attempt-${a.note}` : ""}`} title={a.label} data-runs={a.marks.length}>
                        <span className="visually-hidden">{a.label}</span>
                        <span className="attempt-title" aria-hidden="true">
                          {a.title}
                        </span>
                        {a.marks.map((m, i) => (
                          <Mark key={i} mark={m} />
                        ))}
                        {a.note ? (
                          <span className="attempt-note" aria-hidden="true">
                            {a.note}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </>
        );
      }}
    </QueryView>
  );
}
