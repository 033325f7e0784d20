// A running sync's figures: what the connection's `progress` shows and the CLI's bar reads.
import type { ConnectionCounts, ConnectionProgress } from "@keel/shared";
import type { RecordType } from "./types.ts";

export class SyncProgress {
  readonly startedAt: string;
  resource: string | null = null;
  pages = 0;
  records = 0;
  rateLimitWaits = 0;
  walk: { from: string; reached: string; startedAt: string } | null = null;
  /** New records stored by this sync, by type. */
  readonly created: Record<RecordType, number> = { deployments: 0, changes: 0, incidents: 0, builds: 0 };

  constructor(now: Date) {
    this.startedAt = now.toISOString();
  }

  view(): ConnectionProgress {
    return {
      resource: this.resource,
      pages: this.pages,
      records: this.records,
      rateLimitWaits: this.rateLimitWaits,
      startedAt: this.startedAt,
      walk: this.walk,
    };
  }

  /** The connection's counts after this sync: new records added to what earlier syncs brought. */
  countsAfter(before: ConnectionCounts): ConnectionCounts {
    const sum = (key: RecordType) => (before[key] ?? 0) + this.created[key];
    return { deployments: sum("deployments"), changes: sum("changes"), incidents: sum("incidents"), builds: sum("builds") };
  }
}
