// The e-mail channel adapter: nodemailer over SMTP, configured by SMTP_URL and MAIL_FROM.
import nodemailer from 'nodemailer';
import type { Config } from '../platform/config.js';

export type MailMessage = { to: string; subject: string; text: string; headers: Record<string, string> };

export type Mailer = { send(message: MailMessage): Promise<void> };

/** Null when no SMTP server is configured: e-mail deliveries are then logged as skipped. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (config.smtpUrl === null || config.mailFrom === null) {
    return null;
  }
  const url = new URL(config.smtpUrl);
  const isImplicitTls = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port === '' ? (isImplicitTls ? 465 : 587) : Number(url.port),
    secure: isImplicitTls,
    auth:
      url.username === ''
        ? undefined
        : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const from = config.mailFrom;
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: message.headers,
      });
    },
  };
}

/** How an address appears in the delivery log: enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) {
    return '***';
  }
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
