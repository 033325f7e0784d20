// The demo data set's answers (api.md "Administration": GET and DELETE /api/v1/demo, tRPC demo.*;
// docs/demo.md): whether it is stored, and what removing it removed.
import { z } from "zod";

export const DemoStatus = z.strictObject({
  /** Whether demo records are stored now. */
  loaded: z.boolean(),
  loadedAt: z.string().nullable(),
  removedAt: z.string().nullable(),
});
export type DemoStatusData = z.infer<typeof DemoStatus>;

export const DemoRemoval = z.strictObject({
  removed: z.strictObject({
    deployments: z.number(),
    changes: z.number(),
    incidents: z.number(),
    builds: z.number(),
    testReports: z.number(),
    testResults: z.number(),
    testCases: z.number(),
    rawEvents: z.number(),
    services: z.number(),
    teams: z.number(),
    environments: z.number(),
  }),
});
export type DemoRemovalData = z.infer<typeof DemoRemoval>;
