// The Express app on an ephemeral port over a test database, for route tests.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/http/app.ts";
import { createLogger } from "../../server/src/logger.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

export const TEST_ADMIN_TOKEN = "test-admin-token-0123456789";

export interface TestApp {
  url: string;
  database: TestDatabase;
  request(path: string, init?: RequestInit & { json?: unknown; token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = createApp({ database, logger: createLogger("silent"), apiToken: TEST_ADMIN_TOKEN });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    request(path, init = {}) {
      const { json, token = TEST_ADMIN_TOKEN, headers, ...rest } = init;
      return fetch(url + path, {
        ...rest,
        method: rest.method ?? (json === undefined ? "GET" : "POST"),
        headers: {
          ...(json === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(headers as Record<string, string> | undefined),
        },
        body: json === undefined ? rest.body : JSON.stringify(json),
      });
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}
