/**
 * Mail coming in: an SMTP listener (smtp-server; no authentication, no TLS: it listens on loopback
 * behind the site's mail server, which relays the reply addresses' domain to it) that hands each
 * recipient and each parsed message (mailparser) to the module whose manifest `inboundMail` hook
 * answers the address. A module's refusal is the SMTP answer (5xx), at RCPT or at the end of DATA.
 */
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { Db } from './db.ts';

export type InboundVerdict = { ok: true } | { ok: false; code: number; message: string };
export type InboundEnvelope = { to: string; from: string };

/** A module's share of incoming mail (on its manifest). */
export type InboundMail = {
  /** Whether the address (as written: a token may be case-sensitive) is one of this module's (e.g. `reply+…@`). */
  handles(address: string): boolean;
  /** At RCPT: may the envelope's sender (lower case) write to this address? Nothing is stored. */
  recipient(db: Db, now: Date, env: InboundEnvelope): Promise<InboundVerdict>;
  /** At the end of DATA: the message, parsed. */
  deliver(db: Db, now: Date, env: InboundEnvelope & { mail: ParsedMail }): Promise<InboundVerdict>;
};

/** The largest message accepted (a reply is text; attachments are not kept). */
export const INBOUND_MAX_BYTES = 1_000_000;

let domain: string | undefined;
/** The domain of reply addresses, when the process receives mail (unset: mails carry no Reply-To). */
export const replyDomain = (): string | undefined => domain;
export function setReplyDomain(d: string | undefined): void {
  domain = d;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export type InboundListener = { port: number; close(): Promise<void> };

export async function startInboundMail(opts: {
  db: Db;
  hooks: InboundMail[];
  port: number;
  host: string;
  domain: string;
  now: () => Date;
  onError?: (e: unknown) => void;
}): Promise<InboundListener> {
  setReplyDomain(opts.domain);
  const hookFor = (address: string) => opts.hooks.find((h) => h.handles(address));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: INBOUND_MAX_BYTES,
    logger: false,
    banner: 'Peerlink replies',
    onRcptTo(address, session: SMTPServerSession, cb) {
      const to = address.address;
      if (session.envelope.rcptTo.length >= 1) return cb(smtpError(452, '4.5.3 One recipient per message'));
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '';
      const hook = hookFor(to);
      if (!hook) return cb(smtpError(550, '5.1.1 No such address here'));
      hook.recipient(opts.db, opts.now(), { to, from }).then(
        (v) => cb(v.ok ? undefined : smtpError(v.code, v.message)),
        (e: unknown) => {
          opts.onError?.(e);
          cb(smtpError(451, '4.3.0 Temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then(async (mail) => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return cb(smtpError(552, `5.3.4 Message larger than ${INBOUND_MAX_BYTES} bytes`));
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '';
          for (const r of session.envelope.rcptTo) {
            const to = r.address;
            const hook = hookFor(to);
            if (!hook) return cb(smtpError(550, '5.1.1 No such address here'));
            const v = await hook.deliver(opts.db, opts.now(), { to, from, mail });
            if (!v.ok) return cb(smtpError(v.code, v.message));
          }
          cb();
        })
        .catch((e: unknown) => {
          opts.onError?.(e);
          cb(smtpError(451, '4.3.0 Temporary failure, try again later'));
        });
    },
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(opts.port, opts.host, () => res());
  });
  server.on('error', (e) => opts.onError?.(e));
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((res) => server.close(() => res())) };
}
