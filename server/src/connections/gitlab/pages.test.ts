import { describe, expect, test } from "vitest";
import { nextPage } from "./client.ts";
import { isPast } from "./sync.ts";

const base = "https://gitlab.example.com/api/v4";
const current = `${base}/projects/42/pipelines?per_page=100&page=1`;

describe("nextPage", () => {
  test.each([
    [
      "Link rel=next",
      { link: `<${base}/projects/42/pipelines?page=2&per_page=100>; rel="next", <${base}/projects/42/pipelines?page=1>; rel="first"` },
      `${base}/projects/42/pipelines?page=2&per_page=100`,
    ],
    ["x-next-page alone", { "x-next-page": "3" }, `${base}/projects/42/pipelines?per_page=100&page=3`],
    ["the last page: x-next-page empty", { "x-next-page": "", link: `<${base}/x?page=1>; rel="first"` }, undefined],
    ["no pagination headers: one page", {}, undefined],
  ])("%s", (_name, headers, expected) => {
    expect(nextPage(current, new Headers(headers), base)).toBe(expected);
  });

  test("a Link to another host is refused: the token goes only to the connection's API", () => {
    expect(() => nextPage(current, new Headers({ link: '<https://evil.example/api/v4/x?page=2>; rel="next"' }), base)).toThrow(/another host/);
  });
});

describe("isPast", () => {
  const cursor = { updatedAt: "2026-11-04T10:00:00.000Z", lastId: 5 };
  test.each([
    ["no cursor: everything", null, { updated_at: "2020-01-01T00:00:00Z", id: 1 }, true],
    ["updated later", cursor, { updated_at: "2026-11-04T10:00:01Z", id: 1 }, true],
    ["same instant, later id", cursor, { updated_at: "2026-11-04T10:00:00Z", id: 6 }, true],
    ["the cursor's own record", cursor, { updated_at: "2026-11-04T10:00:00.000Z", id: 5 }, false],
    ["same instant, earlier id", cursor, { updated_at: "2026-11-04T10:00:00Z", id: 4 }, false],
    ["updated earlier", cursor, { updated_at: "2026-11-04T09:59:59Z", id: 9 }, false],
  ])("%s", (_name, c, record, expected) => {
    expect(isPast(c, record)).toBe(expected);
  });
});
