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
// as the report's week and every other date in it ("Monday … (Europe/Berlin)"), from opening to
// resolution in one cell, the day said once when both fall on it.
test.each([
  ["UTC", "5 Oct 2026, 22:30 – open", "5 Oct 2026, 22:30 – 6 Oct 2026, 01:15"],
  ["Europe/Berlin", "6 Oct 2026, 00:30 – open", "6 Oct 2026, 00:30 – 03:15"],
  ["America/New_York", "5 Oct 2026, 18:30 – open", "5 Oct 2026, 18:30 – 21:15"],
])("in %s an incident opened at 22:30 UTC reads %s, or once resolved at 01:15 UTC %s", (timeZone, open, resolved) => {
  const report = { timeZone, incidents: [incident, { ...incident, id: "inc-2", resolvedAt: "2026-10-06T01:15:00.000Z" }] } as unknown as WeeklyReport;
  const table = incidentsTable(report);
  if (table.kind !== "table") throw new Error(`expected a table, got ${table.kind}`);
  const cell = (row: number, column: string) => table.rows[row]?.cells[table.head.indexOf(column)];
  expect(cell(0, "open")).toBe(open);
  expect(cell(1, "open")).toBe(resolved);
  expect([cell(0, "incident"), cell(0, "service")]).toEqual(["Checkout errors (inc-1)", "checkout, sev2"]);
});
