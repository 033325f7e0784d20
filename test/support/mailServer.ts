// A real SMTP server on loopback (smtp-server) that keeps what arrives, parsed (mailparser): the
// weekly e-mail's tests read the text and HTML parts back out of what Keel sent.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface MailServer {
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  received: { envelopeTo: string[]; mail: ParsedMail }[];
  /** The next `n` messages are refused with a 451. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const received: MailServer["received"] = [];
  let refuse = 0;
  const server = new SMTPServer({
    // No certificate here: STARTTLS is not offered, so nodemailer sends in the clear on loopback.
    disabledCommands: ["STARTTLS"],
    authOptional: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "keel" && auth.password === "s3cret") return callback(null, { user: "keel" });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      if (refuse > 0) {
        refuse -= 1;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://keel:s3cret@127.0.0.1:${port}`,
    received,
    refuseNext(n) {
      refuse = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
