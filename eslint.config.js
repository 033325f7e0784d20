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
        ["process", "console", "URL", "Buffer", "fetch", "performance", "setTimeout", "clearTimeout", "setInterval", "clearInterval"].map((name) => [name, "readonly"]),
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
);
