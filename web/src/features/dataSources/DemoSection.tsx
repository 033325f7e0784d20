// Settings → Data sources: the demo data (admins only). While it is loaded: what removing it takes
// away and keeps, and a button with a confirmation step; afterwards, when it was removed. Nothing
// at all on a Keel that never had the demo.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferOutput, TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { useState } from "react";
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { ErrorState } from "../../components/StateMessage.tsx";
import { formatDateTimeIn } from "@keel/shared/calendar";
import { countOf } from "@keel/shared/numbers";

type Removed = inferOutput<TRPCOptionsProxy<AppRouter>["demo"]["remove"]>["removed"];

function removedWords(r: Removed): string {
  return [
    countOf(r.deployments, "deployment"),
    countOf(r.changes, "change"),
    countOf(r.incidents, "incident"),
    countOf(r.builds, "build"),
    countOf(r.testResults, "test result"),
  ].join(", ");
}

export function DemoSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const status = useQuery(trpc.demo.status.queryOptions());
  const remove = useMutation(
    trpc.demo.remove.mutationOptions({
      // Every view's numbers change: read them all again.
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  if (status.isError) {
    return (
      <section id="demo" className="panel" aria-labelledby="demo-heading">
        <h2 id="demo-heading">Demo data</h2>
        <ErrorState title="The demo data's status could not be loaded." detail={describeApiError(status.error)} onRetry={() => void status.refetch()} />
      </section>
    );
  }
  const demo = status.data;
  if (!demo || (!demo.loaded && !demo.removedAt && !remove.data)) return null;
  return (
    <section id="demo" className="panel" aria-labelledby="demo-heading" data-testid="demo-section">
      <h2 id="demo-heading">Demo data</h2>
      {demo.loaded && !remove.data ? (
        <>
          <p className="section-intro">
            Keel loaded a demo organisation{demo.loadedAt ? ` on ${formatDateTimeIn(demo.loadedAt, timeZone)}` : ""} so that every view has something to show.
            Remove it to keep only your own data, in the same database.
          </p>
          <ul className="demo-list">
            <li>
              <strong>Removed:</strong> the demo&rsquo;s deployments, changes, incidents, CI builds and test reports, and its teams and services (Payments,
              Checkout, Platform; checkout-web, payments-api…) that nothing of yours uses.
            </li>
            <li>
              <strong>Kept:</strong> everything you sent, even to a demo service, and the demo teams and services your records, goals or subscriptions use.
              Users, tokens, settings and connections are not touched.
            </li>
            <li>Keel will not load the demo again, even after a restart. This cannot be undone.</li>
          </ul>
          {confirming ? (
            <div role="group" aria-label="Remove the demo data?" className="form-actions">
              <span>Remove the demo data now?</span>
              <button type="button" className="button button-danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
                {remove.isPending ? "Removing…" : "Yes, remove the demo data"}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)} disabled={remove.isPending}>
                Cancel
              </button>
            </div>
          ) : (
            <div className="form-actions">
              <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
                Remove the demo data…
              </button>
            </div>
          )}
          {remove.isError ? (
            <p className="field-error" role="alert">
              Nothing was removed: {describeApiError(remove.error)}
            </p>
          ) : null}
        </>
      ) : (
        <p className="section-intro" role="status" data-testid="demo-removed">
          The demo data was removed
          {demo.removedAt ? ` on ${formatDateTimeIn(demo.removedAt, timeZone)}` : ""}
          {remove.data ? ` (${removedWords(remove.data.removed)})` : ""}. Keel shows only your own data and will not load the demo again.
        </p>
      )}
    </section>
  );
}
