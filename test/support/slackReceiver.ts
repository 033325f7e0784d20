// A Slack incoming-webhook receiver on loopback (node:http): keeps the JSON bodies posted to it and
// answers as Slack does ("ok"), or with a 500 for the next `n` posts.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackReceiver {
  /** The webhook URL: http://127.0.0.1:port/services/T000/B000/secretpart */
  webhookUrl: string;
  posts: { text: string; blocks: { type: string; text?: { text: string }; elements?: { url?: string }[] }[] }[];
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startSlackReceiver(): Promise<SlackReceiver> {
  const posts: SlackReceiver["posts"] = [];
  let fail = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (fail > 0) {
        fail -= 1;
        res.writeHead(500, { "content-type": "text/plain" }).end("internal_error");
        return;
      }
      posts.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as SlackReceiver["posts"][number]);
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://127.0.0.1:${port}/services/T000/B000/XyZsecretpart1234`,
    posts,
    failNext(n) {
      fail = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
