import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";

/**
 * Where the cost model's editor is. The cost views own the cost model (tRPC costModel.get, update,
 * history); until their editor is in the web app, this section shows the organisation's inputs as
 * they are and links to the view that uses them. Point this at the editor when it lands.
 */
export const COST_MODEL_VIEW = { to: "/executive", label: "See the hours and money it gives, in the Executive view" } as const;

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/** The organisation's cost model inputs, read-only, with their units. */
export function CostModelSection() {
  const trpc = useTRPC();
  const model = useQuery(trpc.costModel.get.queryOptions());
  if (model.isPending) return <LoadingState label="Loading the cost model…" lines={3} />;
  if (model.isError) return <ErrorState title="The cost model could not be loaded." detail={describeApiError(model.error)} onRetry={() => void model.refetch()} retrying={model.isFetching} />;
  const { organisation, definitions } = model.data;
  const overridden = model.data.teams.filter((t) => Object.keys(t.overrides).length > 0);
  return (
    <>
      <p>
        Version {organisation.version} for the organisation
        {overridden.length > 0 ? `, with overrides for ${overridden.map((t) => t.name).join(", ")}` : ""}. Editing it from the web app is not available yet.
      </p>
      <dl className="cost-inputs" data-testid="cost-model-inputs">
        {Object.entries(definitions).map(([name, definition]) => (
          <div key={name}>
            <dt>{definition.label}</dt>
            <dd>
              {number.format(organisation.inputs[name as keyof typeof organisation.inputs])} <span className="muted">{definition.unit}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to={COST_MODEL_VIEW.to}>{COST_MODEL_VIEW.label}</Link>
      </p>
    </>
  );
}
