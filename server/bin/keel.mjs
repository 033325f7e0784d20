#!/usr/bin/env node
// The keel command. Runs the TypeScript sources through tsx, so the server has no build step.
import { register } from "tsx/esm/api";

// `pnpm keel ...` runs this script in the server package's directory. Relative paths (reports to
// upload, a file to import, the git checkout of `keel deploy`, KEEL_DATA_DIR) mean the directory
// the command was typed in, as they do when keel is called directly.
if (process.env.npm_lifecycle_event === "keel" && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

register();
await import("../src/cli/run.ts");
