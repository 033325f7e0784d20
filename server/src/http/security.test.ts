import type { Request } from "express";
import { describe, expect, test } from "vitest";
import { fromOwnOrigin, hostAllowed, hostnameOf } from "./security.ts";

describe("hostnameOf", () => {
  test.each([
    ["localhost:3000", "localhost"],
    ["Keel.Example.COM:443", "keel.example.com"],
    ["[::1]:3000", "[::1]"],
    ["[::1]", "[::1]"],
    ["10.0.0.5", "10.0.0.5"],
  ])("%s → %s", (host, expected) => expect(hostnameOf(host)).toBe(expected));
});

describe("hostAllowed", () => {
  const options = { publicUrl: "https://keel.acme.example", allowedHosts: ["keel.internal", "10.0.0.5"] };
  test.each([
    ["localhost:3000", true],
    ["127.0.0.1:3000", true],
    ["[::1]:3000", true],
    ["grafana.localhost", true],
    ["keel.acme.example", true],
    ["KEEL.ACME.EXAMPLE:443", true],
    ["keel.internal:3000", true],
    ["10.0.0.5:3000", true],
    ["attacker.example", false],
    ["keel.acme.example.attacker.example", false],
    ["localhost.attacker.example", false],
    ["10.0.0.6:3000", false],
    [undefined, false],
  ])("%s → %s", (host, expected) => expect(hostAllowed(host, options)).toBe(expected));

  test("without KEEL_PUBLIC_URL or KEEL_ALLOWED_HOSTS only loopback names", () => {
    expect(hostAllowed("keel.acme.example", { allowedHosts: [] })).toBe(false);
    expect(hostAllowed("localhost", { allowedHosts: [] })).toBe(true);
  });
});

describe("fromOwnOrigin", () => {
  const request = (headers: Record<string, string>, protocol = "http") =>
    ({ protocol, get: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;
  const options = { publicUrl: "https://keel.acme.example", allowedHosts: [] };
  test.each([
    [{ host: "localhost:3000", origin: "http://localhost:3000" }, true],
    [{ host: "keel-1.internal:3000", origin: "https://keel.acme.example" }, true],
    [{ host: "localhost:3000", origin: "http://localhost:3001" }, false],
    [{ host: "localhost:3000", origin: "https://localhost:3000" }, false],
    [{ host: "localhost:3000", origin: "null" }, false],
    [{ host: "localhost:3000", "sec-fetch-site": "cross-site" }, false],
    [{ host: "localhost:3000", "sec-fetch-site": "same-site" }, false],
    [{ host: "localhost:3000", "sec-fetch-site": "same-origin" }, true],
    // Neither header: a program (curl, a script), not a page in a browser.
    [{ host: "localhost:3000" }, true],
  ])("%j → %s", (headers, expected) => expect(fromOwnOrigin(request(headers), options)).toBe(expected));
});
