// Where a webhook delivery waits, durably, when the embedded database is busy with a long write
// (a large JUnit upload holds its one connection for the length of its transaction): vendors want
// an answer within seconds and Keel promises one within one second (api.md "Webhooks"). A delivery
// the database has not taken within ACK_WAIT_MS is written to a file and fsynced, then answered;
// the database write already queued completes later and removes the file. If it never does (a
// crash, an outage), the queue moves spooled files into RawEvent on its next run, at the latest on
// the next start; the dedupe key makes that a no-op for one stored meanwhile.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export const ACK_WAIT_MS = 150;

export interface DeliveryRow {
  source: string;
  kind: string;
  dedupeKey: string;
  payload: Prisma.InputJsonObject;
  processedAt: Date | null;
  note: string | null;
  /** When the request came in, not when the row was written (a spooled delivery is written later). */
  receivedAt?: Date;
}

export interface WebhookSpool {
  put(row: DeliveryRow): Promise<string>;
  remove(handle: string): Promise<void>;
  /** Moves every spooled delivery into RawEvent (duplicates skipped); returns how many it moved. */
  flush(db: Db): Promise<number>;
}

const toRow = (text: string): DeliveryRow => {
  const row = JSON.parse(text) as Omit<DeliveryRow, "processedAt" | "receivedAt"> & { processedAt: string | null; receivedAt?: string };
  // Files spooled before receivedAt was written have none: the insert's default (now) stands in.
  const { receivedAt, ...rest } = row;
  return { ...rest, processedAt: row.processedAt ? new Date(row.processedAt) : null, ...(receivedAt ? { receivedAt: new Date(receivedAt) } : {}) };
};

/** A directory of fsynced files; "memory" for an in-memory database, which is not durable either. */
export function createWebhookSpool(where: string | "memory"): WebhookSpool {
  if (where === "memory") {
    const rows = new Map<string, DeliveryRow>();
    return {
      put: async (row) => {
        const handle = randomBytes(8).toString("hex");
        rows.set(handle, row);
        return handle;
      },
      remove: async (handle) => void rows.delete(handle),
      async flush(db) {
        let moved = 0;
        for (const [handle, row] of rows) {
          await db.rawEvent.createMany({ data: [row], skipDuplicates: true });
          rows.delete(handle);
          moved++;
        }
        return moved;
      },
    };
  }
  const dir = where;
  const ready = mkdir(dir, { recursive: true });
  return {
    async put(row) {
      await ready;
      const handle = `${Date.now()}-${randomBytes(6).toString("hex")}.json`;
      const temp = path.join(dir, `${handle}.tmp`);
      const file = await open(temp, "w");
      try {
        await file.writeFile(JSON.stringify(row));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, path.join(dir, handle));
      const directory = await open(dir, "r");
      try {
        await directory.sync(); // the rename itself survives a crash
      } finally {
        await directory.close();
      }
      return handle;
    },
    async remove(handle) {
      await unlink(path.join(dir, handle)).catch(() => undefined); // flushed meanwhile
    },
    async flush(db) {
      await ready;
      let moved = 0;
      for (const handle of (await readdir(dir)).filter((name) => name.endsWith(".json")).sort()) {
        const text = await readFile(path.join(dir, handle), "utf8").catch(() => undefined);
        if (text === undefined) continue; // removed meanwhile
        await db.rawEvent.createMany({ data: [toRow(text)], skipDuplicates: true });
        await unlink(path.join(dir, handle)).catch(() => undefined);
        moved++;
      }
      return moved;
    },
  };
}

/**
 * Stores a delivery: in RawEvent when the database takes it within ACK_WAIT_MS (or at all, with no
 * spool), else in the spool. "duplicate": the dedupe key was already stored.
 */
export async function storeDelivery(db: Db, row: DeliveryRow, spool: WebhookSpool | undefined): Promise<"stored" | "duplicate" | "spooled"> {
  const insert = db.rawEvent.createMany({ data: [row], skipDuplicates: true }).then(({ count }) => (count > 0 ? ("stored" as const) : ("duplicate" as const)));
  if (!spool) return insert;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ACK_WAIT_MS);
  });
  const first = await Promise.race([insert, late]).finally(() => clearTimeout(timer));
  if (first !== "late") return first;
  const handle = await spool.put(row);
  // Stored after all: the file is not needed. Failed: it stays, and the queue's next run moves it.
  insert.then(
    () => spool.remove(handle),
    () => undefined,
  );
  return "spooled";
}
