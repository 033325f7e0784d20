import { defineConfig } from "vitest/config";

// Browser tests: one Keel process with the demo data, Debian's Chromium driven by playwright-core.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
