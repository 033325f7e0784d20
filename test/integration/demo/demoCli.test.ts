// `keel demo status|remove` as a user runs it, through a running app: it asks before removing (and
// refuses to guess when it cannot ask), removes only the demo's records, and a second time nothing.
// A small demo is enough: what makes a record the demo's is the source it was sent with.
import { afterAll, beforeAll, expect, test } from "vitest";
import { AnyEvent } from "@keel/shared";
import { recordEvents } from "../../../server/src/services/recordEvents.ts";
import { startTestApp, TEST_ADMIN_TOKEN, type TestApp } from "../../support/httpApp.ts";
import { runKeel } from "../../support/keelCli.ts";

let app: TestApp;
const keel = (args: string[]) => runKeel(args, { env: { KEEL_URL: app.url, KEEL_TOKEN: TEST_ADMIN_TOKEN } });
const deployment = (id: string, service: string) =>
  AnyEvent.parse({ type: "deployment", id, service, environment: "production", status: "success", finishedAt: "2026-11-20T10:00:00Z" });

beforeAll(async () => {
  app = await startTestApp();
  await recordEvents({ db: app.database.prisma, events: [deployment("dep-checkout-web-0001", "checkout-web")], source: "demo" });
  await recordEvents({ db: app.database.prisma, events: [deployment("ours-1", "ours")], source: "rest" });
}, 120_000);
afterAll(() => app?.close());

test("status, a refusal without --yes, a removal, and a second removal that finds nothing", async () => {
  expect((await keel(["demo", "status"])).stdout).toContain("The demo data is loaded");

  // No terminal to ask on: it says what to add and removes nothing.
  const unasked = await keel(["demo", "remove"]);
  expect(unasked.code).toBe(2);
  expect(unasked.stderr).toContain("remove needs --yes");
  expect(await app.database.prisma.deployment.count()).toBe(2);

  const removed = await keel(["demo", "remove", "--yes"]);
  expect(removed).toMatchObject({ code: 0, stderr: "" });
  expect(removed.stdout).toContain("Removed the demo data: 1 deployment, 1 raw event, 1 service");
  expect((await app.database.prisma.deployment.findMany()).map((d) => d.id)).toEqual(["ours-1"]);

  expect((await keel(["demo", "remove", "--yes"])).stdout).toContain("Nothing to remove");
  expect((await keel(["demo", "status"])).stdout).toMatch(/The demo data was removed at \d{4}-/);
  expect((await keel(["demo", "frobnicate"])).code).toBe(2);
});
