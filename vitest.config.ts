import { defineConfig } from "vitest/config";

// Unit tests live beside the code; integration tests in test/integration run against a real
// database: PGlite by default, PostgreSQL when KEEL_TEST_DB=postgres (see test/support/database.ts).
export default defineConfig({
  test: {
    include: ["shared/src/**/*.test.ts", "server/src/**/*.test.ts", "web/src/**/*.test.ts", "test/integration/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
