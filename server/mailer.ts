import nodemailer from "nodemailer";
import type { Mailer } from "../app/utils/app-context.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./log.ts";

/**
 * Mail goes through SMTP when SMTP_URL is set. A fresh install has no mail server, so the
 * message (with its link) is written to the server log instead, where the admin can find it.
 */
export function createMailer(smtp: Config["smtp"], log: Logger): Mailer {
  if (!smtp) {
    return {
      async send(message) {
        log.info(
          `email not sent (no SMTP_URL configured): to ${message.to}: ${message.subject}\n${message.text}`,
        );
      },
    };
  }
  const transport = nodemailer.createTransport(smtp.url);
  return {
    async send(message) {
      await transport.sendMail({ from: smtp.from, ...message });
    },
  };
}
