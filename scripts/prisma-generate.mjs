// Generates the Prisma client without internet access. `prisma generate` needs no native engine,
// but the CLI tries to download one unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file.
// Migrations use the WebAssembly schema engine instead (server/src/db/schemaEngine.ts).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const result = spawnSync("pnpm", ["--filter", "@keel/server", "exec", "prisma", "generate", "--schema", path.join(root, "prisma/schema.prisma")], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
