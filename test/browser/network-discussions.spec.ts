/**
 * Discussions and peer consultation in the MENA network (issue 12): a French-speaking member joins
 * and asks a consultation (her first post waits for the coordinator); the coordinator approves it and
 * invites the colleagues the matching engine suggests (mailed in their language); the coordinator
 * answers in Arabic (right to left); the asker answers that mail by e-mail (its Reply-To, through
 * the server's inbound SMTP listener) and her reply shows once approved; the asker marks the answer, closes with a summary, and the
 * secretariat drafts a good practice from it; three members' reports hide a post. Every page is
 * checked with axe by the support.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';
import nodemailer from 'nodemailer';

let server: RunningServer;
let b: Browser;
const MEMBER = 'member@demo.peerlink.localhost'; // Mariam Diallo, French; in no network in the demo
const COORDINATOR = 'coordinator.mena@demo.peerlink.localhost'; // Layla Haddad, Arabic
const TITLE = 'Financer la collecte des déchets dans les quartiers périphériques';
const ANSWER = 'جرّبنا تقسيم الأحياء إلى مناطق امتياز لجامعي النفايات، مع تعرفة تحددها البلدية وتراقبها شهريًا.';
let topicPath = '';

serverAndBrowser((s, br) => {
  server = s;
  b = br;
});

/** Opens a members' page; the first time, through the consent to the privacy notice. */
async function open(path: string) {
  await b.goto(path);
  if (b.page.url().includes('/privacy/consent')) await b.submit(b.page.locator('main form[action$="/privacy/consent"] button[type="submit"]'));
  assert.equal(new URL(b.page.url()).pathname, path.split('#')[0]);
}

const main = async () => (await b.page.locator('main').textContent()) ?? '';
const flash = async () => (await b.page.locator('.flash').first().textContent()) ?? '';

test('member asks consultation in French', async () => {
  const page = b.page;
  await signIn(b, 'fr', MEMBER, DEMO_PASSWORD);
  await b.goto('/fr/networks/mena');
  assert.match(await main(), /Adhérez au réseau pour y participer/, 'non-members are told that members discuss here');
  await b.follow(page.getByRole('link', { name: 'Adhérer à ce réseau' }));
  await page.getByLabel('Vous adhérez en tant que').selectOption('practitioner');
  await page.getByLabel('J’accepte les lignes directrices du réseau').check();
  await page.getByLabel('J’accepte la déclaration de confidentialité').check();
  await b.submit(page.getByRole('button', { name: 'Envoyer ma déclaration d’adhésion' }));
  await signOut(b);

  await signIn(b, 'en', COORDINATOR, DEMO_PASSWORD);
  await b.goto('/en/networks/mena/coordination');
  await b.submit(page.locator('main ul.cards li.card').filter({ hasText: 'Mariam Diallo' }).getByRole('button', { name: /^Approve/ }));
  await signOut(b);

  await signIn(b, 'fr', MEMBER, DEMO_PASSWORD);
  await b.goto('/fr/networks/mena');
  assert.match(await main(), /الحماية من مخاطر الفيضانات/, 'the network page lists its discussions');
  await open('/fr/networks/mena/discussions');
  await b.follow(page.getByRole('link', { name: 'Consulter vos pairs' }));
  await page.getByLabel('Titre').fill(TITLE);
  await page.getByLabel('Contexte', { exact: true }).fill('Une ville de 250 000 habitants ; la collecte des déchets ménagers ne couvre que le centre. Les quartiers périphériques grandissent vite.');
  await page.getByLabel('Ce que vous avez essayé').fill('Une redevance forfaitaire collectée au porte-à-porte : moins d’un tiers des ménages ont payé.');
  await page.getByLabel('Votre question').fill('Quels outils de financement ont permis à d’autres villes d’étendre la collecte des déchets aux nouveaux quartiers ?');
  await page.getByLabel('Suggérer aussi des collègues de tout l’annuaire').check();
  await b.submit(page.getByRole('button', { name: 'Envoyer la consultation' }));
  assert.match(await flash(), /Un coordinateur lit vos premiers messages/);
  assert.match(await main(), /En attente de l’approbation d’un coordinateur/);
  assert.equal(await page.locator(`main h1 bdi[lang="fr"]`).count(), 1, 'the title carries its language');
  topicPath = new URL(page.url()).pathname.replace(/^\/fr/, '');
  await signOut(b);
});

test('coordinator invites suggested colleagues', async () => {
  const page = b.page;
  await signIn(b, 'en', COORDINATOR, DEMO_PASSWORD);
  await open('/en/networks/mena/discussions/coordination');
  const waiting = page.locator('main ul.cards li.card').filter({ hasText: TITLE });
  assert.equal(await waiting.count(), 1, 'the consultation waits for approval');
  await b.submit(waiting.getByRole('button', { name: 'Approve' }));
  assert.match(await flash(), /approved and published/);
  await b.goto(`/en${topicPath}`);
  const suggestions = page.locator('main section[aria-labelledby="coord-h"] fieldset');
  assert.match((await suggestions.textContent()) ?? '', /Inge Vermeulen/, 'the engine ranks a colleague working on waste collection, across languages');
  await b.submit(page.getByRole('button', { name: 'Invite the chosen colleagues' }));
  assert.match(await flash(), /invited by mail/);
  const mail = await server.smtp.waitFor((m) => m.to.includes('orgadmin@demo.peerlink.localhost') && /asks for your advice/.test(m.subject), 20_000);
  assert.match(mail.text, /networks\/mena\/join/, 'a colleague outside the network is asked to join to answer');
  await signOut(b);
});

test('member answers in Arabic', async () => {
  const page = b.page;
  await signIn(b, 'ar', COORDINATOR, DEMO_PASSWORD);
  await open(`/ar${topicPath}`);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await page.getByLabel('ردّك').fill(ANSWER);
  await b.submit(page.getByRole('button', { name: 'إرسال الرد' }));
  assert.match(await flash(), /نُشر ردّك/);
  assert.equal(await page.locator('main article.post div[lang="ar"][dir="auto"]').filter({ hasText: 'مناطق امتياز' }).count(), 1);
  const mail = await server.smtp.waitFor((m) => m.to.includes(MEMBER) && /Nouvelle réponse/.test(m.subject), 20_000);
  assert.match(mail.text, /discussions\//);
  await signOut(b);
});

test('colleague answers by e-mail', async () => {
  const page = b.page;
  const mail = await server.smtp.waitFor((m) => m.to.includes(MEMBER) && /Nouvelle réponse/.test(m.subject), 20_000);
  const replyTo = /^Reply-To:\s*<?([^>\s]+)>?\s*$/im.exec(mail.raw)?.[1] ?? '';
  assert.match(replyTo, new RegExp(`^reply\\+[0-9a-f]{32}@${server.replyDomain.replace(/\./g, '\\.')}$`), 'the notification carries a personal reply address');
  const BY_MAIL = 'Merci ! Combien de zones de concession avez-vous créées, et pour quelle durée ?';
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: server.inboundPort, secure: false, ignoreTLS: true });
  await smtp.sendMail({
    from: `Mariam Diallo <${MEMBER}>`,
    to: replyTo,
    subject: `Re: ${mail.subject}`,
    text: `${BY_MAIL}\n\nLe lun. 23 nov. 2026 à 10:00, Peerlink <no-reply@peerlink.localhost> a écrit :\n> ${ANSWER}\n-- \nMariam Diallo`,
  });
  // Her second post in the network waits for the coordinator, as it would on the site.
  await signIn(b, 'en', COORDINATOR, DEMO_PASSWORD);
  await open('/en/networks/mena/discussions/coordination');
  const waiting = page.locator('main ul.cards li.card').filter({ hasText: 'Combien de zones de concession' });
  assert.equal(await waiting.count(), 1, 'the reply by e-mail waits for approval');
  await b.submit(waiting.getByRole('button', { name: 'Approve' }));
  assert.match(await flash(), /approved and published/);
  await b.goto(`/en${topicPath}`);
  const post = page.locator('main article.post').filter({ hasText: 'Combien de zones de concession' });
  assert.equal(await post.count(), 1, 'the reply shows on the topic page');
  assert.doesNotMatch((await post.textContent()) ?? '', /a écrit|مناطق امتياز|-- /, 'without the quoted mail and the signature');
  assert.equal(await post.locator('div[lang="fr"][dir="auto"]').count(), 1, 'in its own language');
  await signOut(b);
});

test('asker marks answer and drafts good practice', async () => {
  const page = b.page;
  await signIn(b, 'fr', MEMBER, DEMO_PASSWORD);
  await b.goto(`/fr${topicPath}`);
  const reply = page.locator('main article.post').filter({ hasText: 'مناطق امتياز' });
  await b.submit(reply.getByRole('button', { name: 'Cela m’a aidé' }));
  await b.submit(page.locator('main article.post').filter({ hasText: 'مناطق امتياز' }).getByRole('button', { name: 'Marquer comme la réponse' }));
  assert.match(await flash(), /marquée comme la réponse/);
  assert.match((await page.locator('main article.post').filter({ hasText: 'مناطق امتياز' }).textContent()) ?? '', /Réponse choisie/);
  await page.getByLabel('Synthèse', { exact: true }).fill('Des zones de concession pour les collecteurs privés, avec un tarif fixé et contrôlé chaque mois par la ville.');
  await b.submit(page.getByRole('button', { name: 'Clore le sujet' }));
  assert.match(await flash(), /clos avec sa synthèse/);
  assert.match(await main(), /Des zones de concession/);
  await signOut(b);

  // The good-practice library is edited by the secretariat and associations: the platform admin drafts it.
  await signIn(b, 'en', 'admin@demo.peerlink.localhost', DEMO_PASSWORD);
  await open(`/en${topicPath}`);
  await b.submit(page.getByRole('button', { name: 'Draft a good practice' }));
  const edit = new URL(page.url()).pathname;
  assert.match(edit, /^\/en\/good-practices\/[0-9a-f-]{36}\/edit$/);
  assert.match(await main(), /Original language: French/);
  // The draft's texts are in the consultation's language.
  await b.goto(`${edit}?lang=fr`);
  assert.equal(await page.locator('#f-title').inputValue(), TITLE);
  assert.match(await page.locator('main').innerHTML(), /zones de concession/);
  await signOut(b);
});

test('third report hides post', async () => {
  const page = b.page;
  const SPAM = 'Cheap parking meters from my cousin’s company, call now!';
  await signIn(b, 'en', 'expert@demo.peerlink.localhost', DEMO_PASSWORD);
  await open('/en/networks/mena/discussions');
  await b.follow(page.getByRole('link', { name: /Mobilité urbaine durable/ }));
  const discussion = new URL(page.url()).pathname.replace(/^\/en/, '');
  await page.getByLabel('Your reply').fill(SPAM);
  await b.submit(page.getByRole('button', { name: 'Send the reply' }));
  assert.match(await flash(), /Your reply is published/, 'a member whose first posts were approved posts at once');
  await signOut(b);

  // Two coordinators (who go on seeing a hidden post, marked, as moderators of their network) and a member.
  const reporters: [string, string][] = [
    [COORDINATOR, 'en'],
    ['networks@demo.peerlink.localhost', 'en'],
    [MEMBER, 'fr'],
  ];
  for (const [i, [email, locale]] of reporters.entries()) {
    await signIn(b, locale, email, DEMO_PASSWORD);
    await open(`/${locale}${discussion}`);
    const post = page.locator('main article.post').filter({ hasText: SPAM });
    assert.equal(await post.count(), 1, `visible before report ${i + 1}`);
    await post.locator('details.report summary').click();
    await post.locator('select[name="reason"]').selectOption('spam');
    await b.submit(post.locator('details.report button[type="submit"]'));
    const after = page.locator('main article.post').filter({ hasText: SPAM });
    if (i < 2) assert.doesNotMatch((await after.textContent()) ?? '', /Hidden after reports/, `still shown after report ${i + 1}`);
    else assert.equal(await after.count(), 0, 'hidden from members after the third report');
    await signOut(b);
  }
  await signIn(b, 'en', 'expert@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto(`/en${discussion}`);
  const own = page.locator('main article.post').filter({ hasText: SPAM });
  assert.match((await own.textContent()) ?? '', /Hidden after reports by members/, 'its author still sees it, marked');
  await signOut(b);
});
