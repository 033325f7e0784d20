import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// One Keel process serves the API, webhooks and tRPC; in development Vite forwards to it.
const keelServer = "http://127.0.0.1:3000";
const proxy = Object.fromEntries(["/trpc", "/api", "/auth", "/webhooks", "/healthz"].map((prefix) => [prefix, keelServer]));

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each page imports, for `pnpm measure:web`.
    manifest: true,
  },
  server: { proxy },
  preview: { proxy },
});
