import { config } from '../config/index.js';
import {
  fileTransport,
  smtpTransport,
  type MailTransport,
} from '../mail/transport.js';

/** SMTP when SMTP_URL is set, otherwise .eml files in the data folder. */
export function openMailTransport(): MailTransport {
  return config.smtpUrl
    ? smtpTransport(config.smtpUrl)
    : fileTransport(config.mailDir);
}

/** Describes the mail transport for the start-up line. */
export function describeMail(transport: MailTransport): string {
  if (transport.kind === 'file') return `mail written to ${config.mailDir}`;
  const url = new URL(config.smtpUrl ?? '');
  return `mail over SMTP at ${url.hostname}:${url.port}`;
}
