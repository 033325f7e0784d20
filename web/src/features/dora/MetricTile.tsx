import type { ReactNode } from "react";
import { GoalStatusBadge } from "../goals/GoalStatusBadge.tsx";
import { goalTargetText } from "../goals/goalText.ts";
import type { GoalView } from "../goals/useGoals.ts";
import { Sparkline } from "./Sparkline.tsx";
import { unitGap, type Tile } from "./doraView.ts";

const LEVEL_WORDS = { elite: "Elite", high: "High", medium: "Medium", low: "Low" } as const;

interface MetricTileProps {
  tile: Tile;
  color: string;
  thresholdsYear: number;
  /** A link to the records behind the figure. */
  footer?: ReactNode;
  /** A goal on this metric and scope: its target and status. */
  goal?: GoalView | undefined;
}

/** One DORA metric: its value in plain units, its level, the change against the previous period, its weekly trend. */
export function MetricTile({ tile, color, thresholdsYear, footer, goal }: MetricTileProps) {
  const headingId = `tile-${tile.key}`;
  return (
    <article className="panel tile" aria-labelledby={headingId} data-metric={tile.key}>
      <h3 id={headingId} className="tile-title">
        {tile.title}
      </h3>
      <div className="tile-figure">
        <p className="tile-value" data-testid="tile-value">
          {tile.value ? (
            <>
              <span className="tile-number">{tile.value.figure}</span>
              {unitGap(tile.value.unit)}
              <span className="tile-unit">{tile.value.unit}</span>
            </>
          ) : (
            <span className="tile-none">No data</span>
          )}
        </p>
        {tile.hasLevel && tile.level ? (
          <span className={`level level-${tile.level}`} title={`Level by the DORA ${thresholdsYear} report`}>
            <span className="visually-hidden">DORA level: </span>
            {LEVEL_WORDS[tile.level]}
          </span>
        ) : null}
      </div>
      <p className={`tile-change tone-${tile.change.tone}`} title={tile.change.sentence}>
        {tile.change.tone === "better" || tile.change.tone === "worse" ? (
          <>
            <span className="delta" aria-hidden="true">
              {tile.change.text}
            </span>
            <span className="delta-word" aria-hidden="true">
              {tile.change.tone}
            </span>
            {tile.change.previous ? (
              <span className="muted" aria-hidden="true">
                {" "}
                from {tile.change.previous}
              </span>
            ) : null}
            <span className="visually-hidden">{tile.change.sentence}</span>
          </>
        ) : tile.change.tone === "same" ? (
          <>
            <span aria-hidden="true">No change from {tile.change.previous}</span>
            <span className="visually-hidden">{tile.change.sentence}</span>
          </>
        ) : (
          <span className="muted">{tile.change.text || "\u00a0"}</span>
        )}
      </p>
      <Sparkline values={tile.spark} color={color} lastPartial={tile.lastWeekPartial} />
      <p className="tile-detail">{tile.detail}</p>
      {goal ? (
        <p className="tile-goal" data-testid="tile-goal" title={`${goal.title}: ${goal.status} (last 4 full weeks)`}>
          Goal {goalTargetText(goal)} by {goal.by} <GoalStatusBadge status={goal.status} />
        </p>
      ) : null}
      {footer ? <p className="tile-footer">{footer}</p> : null}
    </article>
  );
}
