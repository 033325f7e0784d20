// Every route an Express app serves, read from its router stack (Express 5 / router 2), with
// nested routers' mount paths joined on: what the app really answers, not what anyone says.
import type { createApp } from "../../server/src/http/app.ts";

type App = ReturnType<typeof createApp>;

export interface RouteInfo {
  method: string;
  /** Express syntax, e.g. /api/v1/builds/:buildId/junit */
  path: string;
}

interface Layer {
  rawPath?: string | string[] | RegExp;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function walk(stack: Layer[], prefix: string, out: RouteInfo[]): void {
  for (const layer of stack) {
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) if (on) out.push({ method, path: prefix + layer.route.path });
    } else if (layer.handle?.stack) {
      const mounts = Array.isArray(layer.rawPath) ? layer.rawPath : [layer.rawPath];
      for (const mount of mounts) {
        if (typeof mount !== "string") throw new Error("a router mounted on a RegExp cannot be listed");
        walk(layer.handle.stack, prefix + (mount === "/" ? "" : mount), out);
      }
    }
  }
}

export function listRoutes(app: App): RouteInfo[] {
  const out: RouteInfo[] = [];
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, "", out);
  return out;
}
