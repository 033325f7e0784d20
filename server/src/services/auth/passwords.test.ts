import { describe, expect, test } from "vitest";
import { hashPassword, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  test("a hash verifies its own password and no other, and is salted", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
  });

  test.each([["plain"], ["bcrypt$1$2$3$4$5"], ["scrypt$1$8$1$$"]])("a stored value that is not ours (%s) never verifies", async (stored) => {
    expect(await verifyPassword("anything", stored)).toBe(false);
  });

  test("composed and decomposed accents are the same password", async () => {
    const hash = await hashPassword("caf\u00e9-au-lait-1234");
    expect(await verifyPassword("cafe\u0301-au-lait-1234", hash)).toBe(true);
  });
});
