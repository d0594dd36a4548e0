/**
 * Every mail the platform sends, in the five languages, through the one template (issue 16): a
 * greeting with the name, the context, one action whose link carries the recipient's language, a
 * footer with why and a link to the notification preferences, a subject of at most 70 characters
 * (user content shortened, no line breaks), a plain-text part and a light HTML part (dir="rtl" in
 * Arabic). The real message through the loopback SMTP server is multipart/alternative.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, i18n, type T } from './i18n.ts';
import { composeMessage, composeDirect, composeDigest, mailLink, shortSubject, SUBJECT_MAX, type Message, type Why } from './mail-template.ts';
import { categoryOf } from './mail-categories.ts';
import { createTestApp } from '../../test/support/app.ts';
import { createUser } from '../../test/support/users.ts';
import { notify, drainOutbox } from './outbox.ts';

const TITLE = 'Gestion conjointe des déchets et de l’assainissement dans les communes rurales de la région\nde Kara';
const NAME = 'Awa Traoré';
const L = (p: string) => mailLink(p);

/** Each kind the platform sends, rendered as its module renders it. */
const KINDS: Record<string, (t: T) => Message> = {
  endorsement_needed: (t) => ({ subject: t('requests.mail.endorsementNeeded.subject', { title: TITLE }), body: t('requests.mail.endorsementNeeded.body', { title: TITLE, link: L('/requests/r1') }) }),
  endorsed: (t) => ({ subject: t('requests.mail.endorsed.subject', { title: TITLE }), body: t('requests.mail.endorsed.body', { title: TITLE, link: L('/requests/r1') }) }),
  submitted: (t) => ({ subject: t('requests.mail.submitted.subject', { title: TITLE }), body: t('requests.mail.submitted.body', { title: TITLE, programme: 'CONNECT' }), link: L('/requests/r1') }),
  submitted_broker: (t) => ({ subject: t('requests.mail.submittedBroker.subject', { title: TITLE }), body: t('requests.mail.submittedBroker.body', { title: TITLE, programme: 'CONNECT', link: L('/requests/r1') }) }),
  ineligible: (t) => ({ subject: t('requests.mail.ineligible.subject', { title: TITLE }), body: t('requests.mail.ineligible.body', { title: TITLE, reason: 'Hors thème' }), link: L('/requests/r1') }),
  review_opened: (t) => ({ subject: t('requests.mail.reviewOpened.subject', { title: TITLE }), body: t('requests.mail.reviewOpened.body', { title: TITLE, link: L('/requests/r1') }) }),
  decision: (t) => ({ subject: t('requests.mail.decision.subject', { title: TITLE }), body: t('requests.mail.decision.body', { title: TITLE, outcome: t('requests.mail.outcome.selected'), reasons: 'Clear', link: L('/requests/r1') }) }),
  call_published: (t) => ({ subject: t('calls.mail.callPublished.subject', { title: TITLE }), body: t('calls.mail.callPublished.body', { title: TITLE, link: L('/calls/c1') }) }),
  call_fits: (t) => ({ subject: t('calls.mail.callFits.subject', { title: TITLE }), body: t('calls.mail.callFits.body', { title: TITLE, link: L('/calls/c1') }) }),
  new_offer: (t) => ({ subject: t('calls.mail.newOffer.subject', { title: TITLE }), body: t('calls.mail.newOffer.body', { title: TITLE, link: L('/offers/o1') }) }),
  offer_message: (t) => ({ subject: t('calls.mail.offerMessage.subject', { title: TITLE }), body: t('calls.mail.offerMessage.body', { title: TITLE, link: L('/offers/o1') }) }),
  offer_withdrawn: (t) => ({ subject: t('calls.mail.offerWithdrawn.subject', { title: TITLE }), body: t('calls.mail.offerWithdrawn.body', { title: TITLE, link: L('/offers/o1') }) }),
  match_proposed: (t) => ({ subject: t('calls.mail.matchProposed.subject', { title: TITLE }), body: t('calls.mail.matchProposed.body', { title: TITLE, link: L('/offers/o1') }) }),
  match_declined: (t) => ({ subject: t('calls.mail.matchDeclined.subject', { title: TITLE }), body: t('calls.mail.matchDeclined.body', { title: TITLE, link: L('/offers/o1') }) }),
  match_confirmed: (t) => ({ subject: t('calls.mail.matchConfirmed.subject', { title: TITLE }), body: t('calls.mail.matchConfirmed.body', { title: TITLE }), link: L('/offers/o1') }),
  match_invitation: (t) => ({ subject: t('matching.mail.inviteSubject', { title: TITLE }), body: t('matching.mail.inviteBody', { title: TITLE, link: L('/calls/c1') }) }),
  exchange_planned: (t) => ({ subject: t('exchanges.mail.planned.subject', { title: TITLE }), body: t('exchanges.mail.planned.body', { title: TITLE, link: L('/exchanges/e1') }) }),
  exchange_tor: (t) => ({ subject: t('exchanges.mail.tor.subject', { title: TITLE, version: 2 }), body: t('exchanges.mail.tor.body', { title: TITLE, version: 2, link: L('/exchanges/e1/terms') }) }),
  exchange_tor_agreed: (t) => ({ subject: t('exchanges.mail.agreed.subject', { title: TITLE }), body: t('exchanges.mail.agreed.body', { title: TITLE, version: 2, link: L('/exchanges/e1') }) }),
  exchange_message: (t) => ({ subject: t('exchanges.mail.message.subject', { title: TITLE }), body: t('exchanges.mail.message.body', { title: TITLE, link: L('/exchanges/e1') }) }),
  partnership_proposed: (t) => ({ subject: t('partnerships.mail.proposed.subject', { title: TITLE }), body: t('partnerships.mail.proposed.body', { title: TITLE, link: L('/partnerships/p1') }) }),
  partnership_invited: (t) => ({ subject: t('partnerships.mail.invited.subject', { title: TITLE }), body: t('partnerships.mail.invited.body', { title: TITLE, link: L('/partnerships/p1') }) }),
  cooperation_request: (t) => ({ subject: t('partnerships.mail.request.subject', { from: TITLE }), body: t('partnerships.mail.request.body', { from: TITLE, to: 'Almere', theme: 'Waste', message: 'Bonjour', link: L('/cooperation-requests/r1') }) }),
  cooperation_answer: (t) => ({ subject: t('partnerships.mail.accepted.subject', { to: TITLE }), body: t('partnerships.mail.answer.body', { to: TITLE, message: 'Oui', link: L('/partnerships/p1') }) }),
  'associations.linkRequested': (t) => ({ subject: t('associations.mail.requested.subject', { association: TITLE }), body: t('associations.mail.requested.body', { association: TITLE, member: 'Almere', link: L('/associations/requests') }) }),
  'associations.linkDecided': (t) => ({ subject: t('associations.mail.confirmed.subject', { member: TITLE }), body: t('associations.mail.confirmed.body', { member: TITLE, association: 'VNG', link: L('/associations/a1') }) }),
  evaluation_sent: (t) => ({ subject: t('evaluations.mail.sent.subject', { title: TITLE }), body: t('evaluations.mail.sent.body', { title: TITLE, link: L('/evaluations/v1') }) }),
  evaluation_reminder: (t) => ({ subject: t('evaluations.mail.reminder.subject', { title: TITLE }), body: t('evaluations.mail.reminder.body', { title: TITLE, link: L('/evaluations/v1') }) }),
  moderation_hidden: (t) => ({ subject: t('moderation.mail.subject'), body: t('moderation.mail.body', { title: TITLE, n: 3, link: L('/admin/moderation') }) }),
  'networks.pending': (t) => ({ subject: t('networks.mail.pending.subject', { network: TITLE }), body: t('networks.mail.pending.body', { person: NAME, link: L('/networks/ssa/coordination') }) }),
  'networks.approved': (t) => ({ subject: t('networks.mail.approved.subject', { network: TITLE }), body: t('networks.mail.approved.body', { network: TITLE, link: L('/networks/ssa') }) }),
  'networks.declined': (t) => ({ subject: t('networks.mail.declined.subject', { network: TITLE }), body: t('networks.mail.declined.body', { network: TITLE, reason: 'Full' }), link: L('/networks/ssa') }),
  'networks.proposalAccepted': (t) => ({ subject: t('networks.mail.proposalAccepted.subject', { title: TITLE }), body: t('networks.mail.proposalAccepted.body', { title: TITLE, network: 'SSA' }), link: L('/networks/ssa') }),
  'networks.proposalDeclined': (t) => ({ subject: t('networks.mail.proposalDeclined.subject', { title: TITLE }), body: t('networks.mail.proposalDeclined.body', { title: TITLE, reason: 'Later' }), link: L('/networks/ssa') }),
  'networks.guidelines': (t) => ({ subject: t('networks.mail.guidelines.subject', { network: TITLE }), body: t('networks.mail.guidelines.body', { network: TITLE, link: L('/networks/ssa/guidelines') }) }),
  'networks.named': (t) => ({ subject: t('networks.mail.named.subject', { network: TITLE }), body: t('networks.mail.named.body', { network: TITLE, person: NAME, link: L('/networks/ssa/guidelines') }) }),
  'events.confirmed': (t) => ({ subject: t('events.mail.confirmedSubject', { title: TITLE }), body: t('events.mail.confirmedBody', { title: TITLE, when: '3 March 2027, 10:00', link: L('/events/v1') }) }),
  'events.promoted': (t) => ({ subject: t('events.mail.promotedSubject', { title: TITLE }), body: t('events.mail.confirmedBody', { title: TITLE, when: '3 March 2027, 10:00', link: L('/events/v1') }) }),
  'events.waitlisted': (t) => ({ subject: t('events.mail.waitlistedSubject', { title: TITLE }), body: t('events.mail.waitlistedBody', { title: TITLE, link: L('/events/v1') }) }),
  'events.changed': (t) => ({ subject: t('events.mail.changedSubject', { title: TITLE }), body: t('events.mail.changedBody', { title: TITLE, when: '3 March 2027, 10:00', link: L('/events/v1') }) }),
  'events.cancelled': (t) => ({ subject: t('events.mail.cancelledSubject', { title: TITLE }), body: t('events.mail.cancelledBody', { title: TITLE, when: '3 March 2027, 10:00', link: L('/events/v1') }) }),
  'events.reminder': (t) => ({ subject: t('events.mail.reminderSubject', { title: TITLE }), body: t('events.mail.reminderBody', { title: TITLE, when: '3 March 2027, 10:00', link: L('/events/v1') }) }),
  'discussions.post': (t) => ({ subject: t('discussions.mail.reply.subject', { title: TITLE }), body: t('discussions.mail.post.body', { person: NAME, title: TITLE, text: 'Nous avons essayé…', link: L('/discussions/d1#post-p1') }) }),
  'discussions.reply': (t) => ({ subject: t('discussions.mail.reply.subject', { title: TITLE }), body: t('discussions.mail.post.body', { person: NAME, title: TITLE, text: 'Nous avons essayé…', link: L('/discussions/d1#post-p1') }) }),
  'discussions.pending': (t) => ({ subject: t('discussions.mail.pending.subject', { network: TITLE }), body: t('discussions.mail.pending.body', { person: NAME, title: TITLE, link: L('/networks/ssa/discussions/coordination') }) }),
  'discussions.answer': (t) => ({ subject: t('discussions.mail.answer.subject', { title: TITLE }), body: t('discussions.mail.answer.body', { title: TITLE, link: L('/discussions/d1#post-p1') }) }),
  'discussions.invitation': (t) => ({ subject: t('discussions.mail.invite.subject', { title: TITLE }), body: t('discussions.mail.invite.bodyJoin', { person: NAME, network: 'SSA', title: TITLE, link: L('/networks/ssa/join') }) }),
};

/** Mail sent outside notify(): account mail, the invitation, the retention warning. */
const DIRECT: Record<string, { why: Why; render: (t: T) => Message }> = {
  'accounts.verify': { why: 'account', render: (t) => ({ subject: t('accounts.mail.verify.subject'), body: t('accounts.mail.verify.body'), link: L('/verify-email?token=x'), action: t('accounts.mail.verify.action') }) },
  'accounts.existing': { why: 'account', render: (t) => ({ subject: t('accounts.mail.existing.subject'), body: t('accounts.mail.existing.body', { reset: 'https://peerlink.example/en/password/forgot' }), link: L('/sign-in'), action: t('accounts.mail.existing.action') }) },
  'accounts.reset': { why: 'account', render: (t) => ({ subject: t('accounts.mail.reset.subject'), body: t('accounts.mail.reset.body'), link: L('/password/reset?token=x'), action: t('accounts.mail.reset.action') }) },
  'organisations.invitation': { why: 'invitation', render: (t) => ({ subject: t('organisations.invitation.mailSubject', { organisation: TITLE }), body: t('organisations.invitation.mailText', { inviter: NAME, organisation: TITLE, role: 'Expert', days: 14 }), link: L('/invitations/x'), action: t('organisations.invitation.mailAction') }) },
  retention_warning: { why: 'account', render: (t) => ({ subject: t('privacy.retention.subject', { date: '3 March 2027' }), body: t('privacy.retention.body', { date: '3 March 2027', link: L('/sign-in') }) }) },
};

const BASE = 'https://peerlink.example';

function checkParts(kind: string, locale: string, m: { subject: string; text: string; html: string }, path: RegExp) {
  const at = `${kind} in ${locale}`;
  assert.ok([...m.subject].length <= SUBJECT_MAX, `${at}: subject ≤ 70 (${m.subject})`);
  assert.doesNotMatch(m.subject, /[\n\r\t]/, `${at}: subject on one line`);
  const greeting = i18n().t(locale as never, 'platform.mail.greeting', { name: NAME });
  assert.ok(m.text.startsWith(greeting), `${at}: greeting by name`);
  assert.ok(m.html.includes(greeting.replace(/&/g, '&amp;')), `${at}: greeting in HTML`);
  const action = new RegExp(`https://peerlink\\.example/${locale}${path.source}`);
  assert.match(m.text, action, `${at}: action link with the language prefix`);
  assert.match(m.html, new RegExp(`<a href="https://peerlink\\.example/${locale}${path.source}[^"]*" style="display:inline-block`), `${at}: the action as a button`);
  assert.ok(m.text.includes(`${BASE}/${locale}/notifications/settings`), `${at}: footer with the preferences link`);
  assert.ok(m.html.includes(`href="${BASE}/${locale}/notifications/settings"`), `${at}: HTML footer link`);
  assert.match(m.text, /\n-- \n/, `${at}: a signature separator before the footer`);
  assert.match(m.html, new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`), `${at}: direction`);
  assert.doesNotMatch(m.html, /<script|<link|<style|class=/, `${at}: inline styles only`);
  assert.ok(Buffer.byteLength(m.html) < 8000, `${at}: light HTML (${Buffer.byteLength(m.html)} bytes)`);
  assert.doesNotMatch(m.text + m.html, /@@BASE@@|\{[a-z]+\}/, `${at}: no marker or placeholder left`);
}

test('every mail kind sent through notify(), in the five languages, has the template’s parts', () => {
  for (const [kind, render] of Object.entries(KINDS)) {
    for (const locale of LOCALES) {
      const msg = render(i18n().translator(locale));
      const m = composeMessage({ name: NAME, locale }, { kind, ...msg }, BASE);
      const path = /\/([a-z-]+\/)*[a-z0-9-]+/;
      checkParts(kind, locale, m, path);
      assert.ok(categoryOf(kind), `${kind} has a category`);
      // The footer says why: the category's sentence.
      assert.ok(m.text.includes(i18n().t(locale, `platform.mail.why.${categoryOf(kind)}`)), `${kind} in ${locale}: why`);
    }
  }
});

test('every mail sent outside notify() (account, invitation, retention) has the same parts', () => {
  for (const [kind, d] of Object.entries(DIRECT)) {
    for (const locale of LOCALES) {
      const msg = d.render(i18n().translator(locale));
      checkParts(kind, locale, composeDirect(locale, NAME, msg, BASE, d.why), /\/[a-z-]+/);
    }
  }
});

test('the table covers every kind queued in src/modules', () => {
  const kinds = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\bnotify\(([^;]*?)=>/g)) for (const [, k] of m[1]!.matchAll(/'([a-z]+(?:\.[a-zA-Z]+|_[a-z_]+))'/g)) kinds.add(k!);
    }
  };
  walk('src/modules');
  for (const k of ['events.confirmed', 'events.promoted']) kinds.add(k); // passed through a variable
  const missing = [...kinds].filter((k) => !(k in KINDS));
  assert.deepEqual(missing, [], 'every kind is rendered by this test');
});

test('subjects: user content shortened at a word, one line, no-break spaces kept', () => {
  const s = shortSubject(`Nueva oferta en una convocatoria\u202f: ${TITLE}`);
  assert.ok([...s].length <= 70);
  assert.ok(s.endsWith('…'));
  assert.match(s, /\u202f:/);
  assert.equal(shortSubject('Short\r\nsubject'), 'Short subject');
});

test('a digest in Arabic: right to left, grouped, each item with its link', () => {
  const t = i18n().translator('ar');
  const items = ['discussions.post', 'new_offer', 'events.changed'].map((kind, i) => ({ kind, ...KINDS[kind]!(t), createdAt: new Date(Date.UTC(2026, 10, 23, 9, i)) }));
  const m = composeDigest({ name: NAME, locale: 'ar' }, items, BASE, 'daily');
  assert.match(m.html, /<html lang="ar" dir="rtl">/);
  for (const p of ['/ar/discussions/d1#post-p1', '/ar/offers/o1', '/ar/events/v1']) assert.ok(m.text.includes(BASE + p), p);
  assert.ok(m.text.indexOf('/ar/events/v1') < m.text.indexOf('/ar/offers/o1'), 'newest first');
  assert.ok(m.text.startsWith(t('platform.mail.greeting', { name: NAME })));
  assert.ok(m.text.includes(`${BASE}/ar/notifications/settings`));
});

test('the real message over SMTP is multipart/alternative, text and HTML, with a short subject in the recipient’s language', async () => {
  const t = await createTestApp();
  try {
    const u = await createUser(t, { locale: 'ar', name: NAME, email: 'awa@example.org' });
    await notify(t.db, t.clock.now(), [u.id], 'new_offer', KINDS.new_offer!);
    await drainOutbox(t.db, t.deps.mailer, t.clock.now(), { baseUrl: BASE });
    const m = await t.smtp.waitFor((x) => x.to.includes('awa@example.org'));
    assert.match(m.raw, /Content-Type: multipart\/alternative/);
    assert.match(m.raw, /Content-Type: text\/plain; charset=utf-8/);
    assert.match(m.raw, /Content-Type: text\/html; charset=utf-8/);
    assert.ok([...m.subject].length <= 70, m.subject);
    assert.ok(m.subject.startsWith(i18n().t('ar', 'calls.mail.newOffer.subject', { title: '' }).trim().slice(0, 10)), m.subject);
    assert.match(m.text, /https:\/\/peerlink\.example\/ar\/offers\/o1/);
    assert.match(m.html, /<html lang="ar" dir="rtl">/);
    assert.match(m.html, /href="https:\/\/peerlink\.example\/ar\/notifications\/settings"/);
  } finally {
    await t.close();
  }
});

test('any string in a name, a subject, a context or a title adds no markup to the HTML part (SECURITY.md 18)', async () => {
  const fc = (await import('fast-check')).default;
  const xss = fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '<a href="javascript:x">y</a>', '\u202e<svg onload=1>', "'><iframe>");
  const any = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), xss);
  fc.assert(
    fc.property(any, any, any, any, fc.constantFrom(...LOCALES), (name, subject, body, about, locale) => {
      const one = composeMessage({ name, locale }, { kind: 'discussions.post', subject, body: `${body} ${mailLink('/discussions/1')}`, about }, BASE);
      const digest = composeDigest({ name, locale }, [{ kind: 'new_offer', subject, body, about }], BASE, 'daily');
      for (const html of [one.html, digest.html]) {
        assert.doesNotMatch(html, /<(script|img|svg|iframe)/i);
        assert.doesNotMatch(html, /<[^>]*\son\w+\s*=/i, 'no on* attribute in a tag');
        assert.doesNotMatch(html, /href="javascript:/i);
      }
    }),
    { numRuns: 300 },
  );
});
