/**
 * Reply by e-mail (issue 12): each discussion mail's Reply-To is `reply+<token>@<reply domain>`
 * (discussions.service.ts, replyAddresses). The platform's SMTP listener hands this module the
 * recipient at RCPT and the parsed message at the end of DATA (manifest `inboundMail`). The token
 * must be known and unexpired, the sender (envelope and From) must be the address it was sent to,
 * and that person must still be able to reply in the topic; otherwise the answer is a 5xx and
 * nothing is stored. The text, without quoted mail and signature, is posted through the same
 * `reply` as a reply on the site (sanitizing, posting limits, first posts waiting, mail).
 */
import type { ParsedMail } from 'mailparser';
import type { Db } from '../../platform/db.ts';
import type { CurrentUser, ServiceCtx } from '../../platform/http.ts';
import type { InboundMail, InboundVerdict } from '../../platform/inbound-mail.ts';
import { replyDomain } from '../../platform/inbound-mail.ts';
import { isLocale } from '../../platform/i18n.ts';
import type { PlatformRole } from '../../db/schema/accounts.ts';
import { NotFoundError, RateLimitError, SignInRequired, ValidationError } from '../../platform/errors.ts';
import { hashReplyToken, mayReply, reply } from './discussions.service.ts';
import * as repo from './discussions.repository.ts';

const ADDRESS = /^reply\+([0-9a-f]{32})@([^@\s]+)$/i;

const refuse = (code: number, message: string): InboundVerdict => ({ ok: false, code, message });

// ---------- what of a reply is the reply ----------

/** A quote header ending a reply's own text: "On … wrote:" in the five languages (and Outlook's separator). */
const QUOTE_HEADERS: RegExp[] = [
  /^On\b.*\bwrote:\s*$/i,
  /^Le\b.*\ba\s+écrit\s*:\s*$/i,
  /^El\b.*\bescribió\s*:\s*$/i,
  /^Em\b.*\bescreveu\s*:\s*$/i,
  /^في\s.*(?:^|\s)كتبت?(?:\s.*)?:\s*$/,
  /(?:^|\s)كتبت?\s*:\s*$/,
  /^-{2,}\s*(?:Original Message|Message d'origine|Mensaje original|Mensagem original|الرسالة الأصلية)\s*-{2,}\s*$/i,
];
/** A phone's or app's signature line. */
const SENT_FROM = /^(?:Sent from my\b|Envoyé de mon\b|Enviado desde mi\b|Enviado do meu\b|Enviado de meu\b|أرسلت من\b|مرسل من\b)/i;

const OUTLOOK_FROM = /^\*?(?:From|De|Von|من)\s?\*?\s?:\s?\*?\s.*@/i;
const OUTLOOK_NEXT = /^\*?(?:Sent|Date|Envoyé|Enviado|Fecha|Data|أرسلت|أُرسلت|التاريخ)\s?\*?\s?:/i;

const clean = (line: string) => line.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();

/**
 * The person's own text of a reply by mail: quoted lines (`>`) are dropped, and everything from a
 * quote header ("On … wrote:", "Le … a écrit :", "El … escribió:", "Em … escreveu:", "… كتب:"),
 * the signature delimiter `-- ` or a "Sent from my …" line on is cut.
 */
export function stripReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = clean(raw);
    if (/^--\s?$/.test(raw.replace(/[\u200e\u200f]/g, '')) || /^__+$/.test(line)) break;
    if (SENT_FROM.test(line)) break;
    // A header may be wrapped over two lines (a long name and address).
    const two = `${line} ${clean(lines[i + 1] ?? '')}`.trim();
    if (line && QUOTE_HEADERS.some((r) => r.test(line))) break;
    if (line && !line.startsWith('>') && QUOTE_HEADERS.slice(0, 6).some((r) => r.test(two)) && (lines[i + 2] === undefined || clean(lines[i + 2]!).startsWith('>') || clean(lines[i + 2]!) === '')) break;
    // Outlook's header block: "From: … <address>" then "Sent:/Date:" (in the five languages).
    if (OUTLOOK_FROM.test(line) && OUTLOOK_NEXT.test(clean(lines[i + 1] ?? ''))) break;
    if (line.startsWith('>')) continue;
    kept.push(raw.replace(/\s+$/, ''));
  }
  return kept.join('\n').replace(/^\n+|\n+$/g, '').trim();
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------- the listener's hook ----------

type Checked = { ok: true; ctx: ServiceCtx; topicId: string; email: string } | { ok: false; verdict: InboundVerdict };

async function check(db: Db, now: Date, to: string, from: string): Promise<Checked> {
  const m = ADDRESS.exec(to);
  if (!m) return { ok: false, verdict: refuse(550, '5.1.1 Unknown reply address') };
  const row = await repo.replyTokenByHash(db, hashReplyToken(m[1]!.toLowerCase()));
  if (!row) return { ok: false, verdict: refuse(550, '5.1.1 Unknown reply address') };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, verdict: refuse(550, '5.1.1 This reply address has expired: please reply on the site') };
  const email = (row.email ?? '').toLowerCase();
  if (row.deleted || !email || email !== from.toLowerCase()) return { ok: false, verdict: refuse(550, '5.7.1 This reply address was given to another sender') };
  const actor: CurrentUser = {
    id: row.userId,
    name: row.name,
    email,
    locale: isLocale(row.locale) ? row.locale : 'en',
    roles: row.roles as PlatformRole[],
    coordinatorRegions: row.coordinatorRegions,
    hasTotp: row.totp,
  };
  const ctx: ServiceCtx = { db, actor, locale: actor.locale, now };
  if (!(await mayReply(ctx, row.topicId))) return { ok: false, verdict: refuse(550, '5.7.1 You can no longer reply in this discussion (not a member of the network, or the topic is closed)') };
  return { ok: true, ctx, topicId: row.topicId, email };
}

export const inboundMail: InboundMail = {
  handles(address) {
    const m = ADDRESS.exec(address);
    const domain = replyDomain();
    return !!m && !!domain && m[2]!.toLowerCase() === domain.toLowerCase();
  },
  async recipient(db, now, { to, from }) {
    const c = await check(db, now, to, from);
    return c.ok ? { ok: true } : c.verdict;
  },
  async deliver(db, now, { to, from, mail }: { to: string; from: string; mail: ParsedMail }) {
    const c = await check(db, now, to, from);
    if (!c.ok) return c.verdict;
    const headerFrom = (mail.from?.value ?? []).map((a) => (a.address ?? '').toLowerCase());
    if (headerFrom.length !== 1 || headerFrom[0] !== c.email) return refuse(550, '5.7.1 This reply address was given to another sender');
    const text = stripReply(mail.text ?? '');
    if (!text) return refuse(550, '5.6.0 The reply is empty once the quoted message is removed');
    try {
      await reply(c.ctx, c.topicId, { body: escapeHtml(text) });
      return { ok: true };
    } catch (e) {
      if (e instanceof ValidationError) return refuse(550, '5.6.0 The reply must have 2 to 20000 characters');
      if (e instanceof RateLimitError) return refuse(451, `4.7.1 Too many posts: try again in ${e.retryAfter} seconds`);
      if (e instanceof NotFoundError || e instanceof SignInRequired) return refuse(550, '5.7.1 You can no longer reply in this discussion');
      throw e;
    }
  },
};
