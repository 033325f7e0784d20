#!/usr/bin/env node
// The keel command. Runs the TypeScript sources through tsx, so the server has no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/run.ts");
