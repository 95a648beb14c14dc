import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** A rendered email ready to hand to a transport. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** Sends one message; implementations throw when the relay refuses it. */
export interface MailTransport {
  kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer, for production and for tests with a real server. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    send: async (mail) => {
      await transporter.sendMail({ ...mail, messageId: mail.messageId });
    },
    close: () => transporter.close(),
  };
}

/**
 * Writes each message as an .eml file, for installs without SMTP_URL. The
 * file name comes from the message id, so a retried send overwrites rather
 * than duplicates.
 */
export function fileTransport(folder: string): MailTransport {
  const builder = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
  });
  return {
    kind: 'file',
    send: async (mail) => {
      const info = await builder.sendMail(mail);
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      const name = `${mail.messageId.replace(/^<|@.*$/g, '').replace(/[^a-z0-9-]/gi, '')}.eml`;
      // Development mail holds reset links: readable by this user only.
      await fs.writeFile(path.join(folder, name), info.message as Buffer, {
        mode: 0o600,
      });
    },
    close: () => builder.close(),
  };
}
