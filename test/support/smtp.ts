/** A real SMTP server on loopback that keeps what it receives, for tests of outgoing mail. */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** A received mail: `text` and `html` are its decoded plain-text and HTML parts (multipart/alternative). */
export type ReceivedMail = { to: string[]; raw: string; subject: string; text: string; html: string };

export type TestSmtp = { url: string; messages: ReceivedMail[]; close(): Promise<void>; waitFor(pred: (m: ReceivedMail) => boolean, ms?: number): Promise<ReceivedMail> };

/** A part's headers (unfolded) and body, decoded by its transfer encoding. */
function decodePart(head: string, body: string): string {
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** The text/plain and text/html parts of a (possibly nested) multipart body. */
function parts(head: string, body: string, out: { text?: string; html?: string }): void {
  const boundary = /Content-Type: multipart\/[a-z]+;[^]*?boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  if (!boundary) {
    const isHtml = /Content-Type: text\/html/i.test(head);
    if (/Content-Type: (text\/plain|text\/html)/i.test(head) || !/Content-Type:/i.test(head)) {
      if (isHtml) out.html ??= decodePart(head, body);
      else out.text ??= decodePart(head, body);
    }
    return;
  }
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const [h = '', ...rest] = chunk.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    parts(h.replace(/\r?\n[ \t]+/g, ' '), rest.join('\n\n').replace(/\r?\n$/, ''), out);
  }
}

function decode(raw: string): { subject: string; text: string; html: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  let subject = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  // White space between two encoded words is not part of the subject (RFC 2047 6.2).
  subject = subject.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, s: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(s, 'base64').toString('utf8') : Buffer.from(s.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
  const out: { text?: string; html?: string } = {};
  parts(unfolded, rest.join('\n\n'), out);
  return { subject, text: out.text ?? '', html: out.html ?? '' };
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters: Array<{ pred: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const m = { to: session.envelope.rcptTo.map((r) => r.address), raw, ...decode(raw) };
        messages.push(m);
        for (const w of [...waiters]) if (w.pred(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
        cb();
      });
    },
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((res) => server.close(() => res())),
    waitFor(pred, ms = 5000) {
      const found = messages.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error('no matching mail arrived'));
          }
        }, ms).unref();
      });
    },
  };
}
