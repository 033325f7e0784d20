// `pnpm start`: build what is missing (Prisma client, web app), then become `keel start` in this
// same process, so signals (Ctrl-C, SIGTERM, kill -9) reach the server itself.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Keel needs Node.js 20.19 or newer (this is ${process.version}).`);
  process.exit(1);
}

function run(what, command, args) {
  console.log(`keel: ${what}...`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`keel: ${what} failed.`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(path.join(root, "server/src/generated/prisma/client.ts"))) {
  run("generating the database client", process.execPath, [path.join(root, "scripts/prisma-generate.mjs")]);
}
if (!existsSync(path.join(root, "web/dist/index.html"))) {
  run("building the web app (first start only)", "pnpm", ["--filter", "@keel/web", "build"]);
}
process.argv.splice(2, Infinity, "start");
await import("../server/bin/keel.mjs");
