/**
 * Outgoing mail. With SMTP_URL it goes through nodemailer over SMTP; without it each message is
 * written as an .eml file to DATA_DIR/outbox/ (the README says so), so nothing is lost in development.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';

/** A file sent with a message (e.g. an event's .ics): small, text (or base64 with `encoding`, e.g. a PDF), kept in the outbox row until sent. */
export type MailAttachment = { filename: string; contentType: string; content: string; encoding?: 'base64' };
export type MailMessage = {
  to: string;
  subject: string;
  /** The plain-text part; with `html`, the mail is multipart/alternative. */
  text: string;
  /** The light HTML part (platform/mail-template.ts). */
  html?: string;
  attachments?: MailAttachment[];
  /** Extra header lines (a newsletter's List-Unsubscribe and List-Unsubscribe-Post, RFC 8058). */
  headers?: Record<string, string>;
  /** Where the person's mail program sends a reply (e.g. a discussion's reply address). */
  replyTo?: string;
};
export type Mailer = { send(msg: MailMessage): Promise<void>; describe: string };

export function createMailer(opts: { smtpUrl?: string; from: string; outboxDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      describe: `SMTP ${new URL(opts.smtpUrl).host}`,
      async send(msg) {
        await transport.sendMail(mailOf(opts.from, msg));
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `file outbox ${opts.outboxDir}`,
    async send(msg) {
      const info = (await transport.sendMail(mailOf(opts.from, msg))) as unknown as { message: Buffer };
      mkdirSync(opts.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      writeFileSync(join(opts.outboxDir, name), info.message);
    },
  };
}

/** nodemailer's message: text and HTML as multipart/alternative (inside multipart/mixed with attachments). */
function mailOf(from: string, msg: MailMessage) {
  return { from, to: msg.to, subject: msg.subject, text: msg.text, ...(msg.html ? { html: msg.html } : {}), attachments: msg.attachments, ...(msg.headers ? { headers: msg.headers } : {}), ...(msg.replyTo ? { replyTo: msg.replyTo } : {}) };
}
