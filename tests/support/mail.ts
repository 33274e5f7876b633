import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A message as the SMTP server received it: its recipients, its raw source (headers too, soft
 * line breaks undone) and, decoded by mailparser as a mail program would, its subject and text.
 */
export type Mail = { to: string; body: string; subject: string; text: string };

/**
 * A real SMTP server (smtp-server, from the makers of nodemailer) on a free port that keeps
 * what it receives, for tests of the whole email path.
 */
export async function startMailbox() {
  const inbox: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      stream.on("end", async () => {
        const parsed = await simpleParser(body);
        // Quoted-printable soft line breaks, undone so links read whole.
        body = body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        inbox.push({ to, body, subject: parsed.subject ?? "", text: parsed.text ?? "" });
        callback();
      });
    },
  });
  smtp.listen(0, "127.0.0.1");
  await once(smtp.server, "listening");
  const port = (smtp.server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  return {
    inbox,
    url: `smtp://127.0.0.1:${port}`,
    /** Stops the server (again is fine): mail sent afterwards fails to connect. */
    close: () => {
      closed ??= new Promise<void>((resolve) => smtp.close(() => resolve()));
      return closed;
    },
  };
}
