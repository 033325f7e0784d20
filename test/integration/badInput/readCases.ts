// Malformed reads: filters with text PostgreSQL cannot compare, and the last-deployment read.
import { type Case } from "./requests.ts";

const lastDeployment = (query = "") => `/api/v1/services/web/last-deployment${query}`;

export const readCases: Case[] = [
  // Reading: filters with text PostgreSQL cannot compare
  {
    name: "DORA metrics: a NUL in the team",
    method: "GET",
    path: "/api/v1/metrics/dora?from=2026-11-02&to=2026-11-16&team=a%00b",
    status: 400,
    code: "VALIDATION_FAILED",
    field: "team",
  },
  {
    name: "hours lost: a NUL in the environment",
    method: "GET",
    path: "/api/v1/metrics/hours-lost?environment=prod%00",
    status: 400,
    code: "VALIDATION_FAILED",
    field: "environment",
  },
  {
    name: "flaky tests: a NUL in the team",
    method: "GET",
    path: "/api/v1/metrics/flaky-tests?team=a%00b",
    status: 400,
    code: "VALIDATION_FAILED",
    field: "team",
  },
  {
    name: "weekly report: a NUL in the team",
    method: "GET",
    path: "/api/v1/reports/weekly?week=2026-W46&team=a%00b",
    status: 400,
    code: "VALIDATION_FAILED",
    field: "team",
  },

  // The last-deployment read
  { name: "last deployment: a NUL in the slug", path: "/api/v1/services/w%00b/last-deployment", status: 400, code: "VALIDATION_FAILED", field: "slug" },
  { name: "last deployment: broken percent-encoding", path: "/api/v1/services/%E0%A4%A/last-deployment", status: 400, code: "VALIDATION_FAILED" },
  { name: "last deployment: an empty environment", path: lastDeployment("?environment="), status: 400, code: "VALIDATION_FAILED", field: "environment" },
  {
    name: "last deployment: environment given twice",
    path: lastDeployment("?environment=a&environment=b"),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "environment",
  },
  { name: "last deployment: an unknown parameter", path: lastDeployment("?env=prod"), status: 400, code: "VALIDATION_FAILED", field: "env" },
  { name: "last deployment: an ingest-only call without a token", path: lastDeployment(), token: null, status: 401, code: "UNAUTHORIZED" },
];
