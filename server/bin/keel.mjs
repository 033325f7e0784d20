#!/usr/bin/env node
// The keel command. Runs the TypeScript sources through tsx, so there is no server build step.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
