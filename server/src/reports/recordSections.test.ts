import { expect, test } from "vitest";
import type { ReportIncident, WeeklyReport } from "../services/getWeeklyReport.ts";
import { incidentsTable } from "./recordSections.ts";

const incident: ReportIncident = {
  id: "inc-1",
  title: "Checkout errors",
  severity: "sev2",
  service: "checkout",
  openedAt: "2026-10-05T22:30:00.000Z",
  resolvedAt: null,
  recoveryHours: null,
  responders: 2,
  respondersFromModel: false,
  changeFailure: false,
  counted: false,
  hoursLost: 0,
  costUsd: 0,
};

// The incidents table is read by the people of the organisation: its times are in its time zone,
// as the report's week and every other date in it ("Monday … (Europe/Berlin)").
test.each([
  ["UTC", "5 Oct 2026, 22:30", "6 Oct 2026, 01:15"],
  ["Europe/Berlin", "6 Oct 2026, 00:30", "6 Oct 2026, 03:15"],
  ["America/New_York", "5 Oct 2026, 18:30", "5 Oct 2026, 21:15"],
])("in %s an incident opened at 22:30 UTC reads %s, resolved %s", (timeZone, opened, resolved) => {
  const report = { timeZone, incidents: [incident, { ...incident, id: "inc-2", resolvedAt: "2026-10-06T01:15:00.000Z" }] } as unknown as WeeklyReport;
  const table = incidentsTable(report);
  if (table.kind !== "table") throw new Error(`expected a table, got ${table.kind}`);
  const head = table.head;
  const cell = (row: number, column: string) => table.rows[row]?.cells[head.indexOf(column)];
  expect([cell(0, "opened"), cell(0, "resolved")]).toEqual([opened, "open"]);
  expect([cell(1, "opened"), cell(1, "resolved")]).toEqual([opened, resolved]);
});
