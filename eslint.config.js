// One lint setup for the whole workspace.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "server/src/generated/**", "test-results/**", ".keel-data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Node's globals for the .mjs scripts (TypeScript files get them from @types/node).
    languageOptions: {
      globals: Object.fromEntries(
        ["process", "console", "URL", "Buffer", "fetch", "performance", "setTimeout", "clearTimeout", "setInterval", "clearInterval"].map((name) => [
          name,
          "readonly",
        ]),
      ),
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The layers (docs/architecture.md): data flows one way, and these rules keep it so.
  {
    // The web app knows the server only by the router's type: no server code reaches the bundle.
    // (A test may read the server, e.g. to check a CI snippet against the CLI's real flags.)
    files: ["web/src/**/*.{ts,tsx}"],
    ignores: ["web/src/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@keel/server/**", "**/server/src/**", "!@keel/server/src/trpc/router.ts"],
              message: "The web app imports only `type AppRouter` from @keel/server/src/trpc/router.ts (derive answer types with inferOutput).",
            },
            {
              group: ["@keel/server/src/trpc/router.ts"],
              allowTypeImports: true,
              message: "Only `import type { AppRouter }`: server code must not reach the bundle.",
            },
            { group: ["@prisma/*", "**/generated/prisma/**", "node:*"], message: "The browser has no database and no Node." },
          ],
        },
      ],
    },
  },
  {
    // shared/ is browser-safe: zod and plain TypeScript only.
    files: ["shared/src/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@keel/server/**", "@keel/web/**", "**/server/src/**", "**/web/src/**", "@prisma/*", "node:*"],
              message: "shared/ is imported by the browser: no server, web, database or Node code.",
            },
          ],
        },
      ],
    },
  },
  {
    // Pure layers: metric arithmetic and vendor mappings take data and return data.
    files: ["server/src/metrics/**/*.ts", "server/src/ingest/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/**", "**/services/**", "**/http/**", "**/trpc/**", "**/cli/**", "**/generated/prisma/**", "@prisma/*"],
              message: "metrics/ and ingest/ are pure: no database, services or transport (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
  {
    // Queries compose SQL; they do not call services or transport.
    files: ["server/src/db/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/services/**", "**/http/**", "**/trpc/**", "**/cli/**"], message: "db/ is below services: it never calls up (docs/architecture.md)." },
          ],
        },
      ],
    },
  },
  {
    // Services are below the transports.
    files: ["server/src/services/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/http/**", "**/trpc/**", "**/cli/**"],
              message: "services/ are called by http/, trpc/ and cli/, never the other way (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
);
