// Entry point of the keel command (bin/keel.mjs, `pnpm dev`).
import { runCli } from "./main.ts";

process.exitCode = await runCli(process.argv.slice(2));
