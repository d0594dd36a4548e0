/**
 * The cycle's pages under hostile content and within budget: any title, text, motivation or
 * message (XSS corpus and random Unicode) adds no script, on* attribute or javascript: URL
 * (SECURITY.md 18); each page stays within 50 KB compressed with its CSS, in every language.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { CSS_GZ } from '../../platform/html/static.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { setupCycle, ctxOf, STEP_DATA, type Cycle } from '../../../test/requests/fixtures.ts';
import * as requests from '../requests/requests.service.ts';
import * as selection from '../requests/requests.selection.ts';
import * as calls from './calls.service.ts';
import { requests as requestsTable, expertiseCalls, offerExperts, offerMessages, timelineEvents } from '../../db/schema/index.ts';
import { STEPS } from '../requests/requests.schema.ts';

const XSS = [
  '<script>alert(1)</script>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<svg onload=alert(1)>',
  '" onmouseover="alert(1)',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  'اسم <b onclick=alert(1)>عربي</b>',
  '<details open ontoggle=alert(1)>',
];
const clean = (s: string) => s.replace(/\u0000/g, '');
const texts = fc.oneof(fc.constantFrom(...XSS), fc.string({ unit: 'binary', maxLength: 60 }).map(clean), fc.tuple(fc.constantFrom(...XSS), fc.string({ unit: 'grapheme', maxLength: 10 })).map(([a, b]) => clean(b + a + b)));

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data']);
function scriptingIn(doc: string): string[] {
  const out: string[] = [];
  const p = new Parser(
    {
      onopentag: (name, attrs) => {
        if (['script', 'iframe', 'object', 'embed'].includes(name)) out.push(`<${name}>`);
        for (const [k, v] of Object.entries(attrs)) {
          if (/^on/i.test(k)) out.push(`${name}[${k}]`);
          if (URL_ATTRS.has(k) && /^javascript:/i.test(v.replace(/[\u0000-\u0020]/g, ''))) out.push(`${name}[${k}=javascript:]`);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  p.write(doc);
  p.end();
  return out;
}

let t: TestApp;
let cy: Cycle;
const ids = { request: '', call: '', offer: '' };
let broker: TestClient;
let requester: TestClient;

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  cy = await setupCycle(t);
  const ctx = (a: Cycle['broker']) => ctxOf(t, a);
  ids.request = ((await requests.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: cy.roundId })) as { id: string }).id;
  for (const s of STEPS) await requests.saveStep(ctx(cy.requester), ids.request, s, STEP_DATA[s]);
  await requests.endorseRequest(ctx(cy.approver), ids.request, {});
  await requests.submitRequest(ctx(cy.requester), ids.request);
  await selection.recordEligibility(ctx(cy.broker), ids.request, { verdict: 'eligible' });
  await selection.openReview(ctx(cy.broker), ids.request);
  await selection.decide(ctx(cy.broker), ids.request, { outcome: 'selected', reasons: 'ok' });
  ids.call = ((await calls.publishCall(ctx(cy.broker), ids.request, { title: 'Call', expertiseSought: 'x', formats: ['study_visit'], languages: ['en'], deadline: '2027-01-15' })) as { id: string }).id;
  ids.offer = ((await calls.makeOffer(ctx(cy.providerAdmin), ids.call, { organisationId: cy.providerOrgId, experts: [{ personId: cy.providerExpertIds[0]!, motivation: 'm', languages: ['en'] }] })) as { id: string }).id;
  await calls.postMessage(ctx(cy.broker), ids.offer, { body: 'hello' });
  await calls.proposeMatch(ctx(cy.broker), ids.offer);
  broker = await signedInClient(t, cy.broker);
  requester = await signedInClient(t, cy.requester);
});
after(() => t.close());

const pages = () => [
  { client: () => requester, path: `/en/requests/${ids.request}` },
  { client: () => requester, path: '/ar/requests' },
  { client: () => broker, path: `/en/requests/${ids.request}` },
  { client: () => broker, path: '/fr/broker' },
  { client: () => broker, path: `/en/calls/${ids.call}` },
  { client: () => broker, path: '/en/calls' },
  { client: () => broker, path: `/en/calls/${ids.call}/offers` },
  { client: () => broker, path: `/ar/offers/${ids.offer}` },
  { client: () => requester, path: `/fr/offers/${ids.offer}` },
  { client: () => broker, path: `/en/programmes/${cy.slug}/timeline` },
];

test('any request, call, offer, message or news text (XSS corpus and random Unicode) adds no script, on* attribute or javascript: URL (req 18)', async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(texts, texts, async (a, b) => {
      t.clock.advance(1000);
      broker.ip = requester.ip = `10.231.${(runs >> 8) & 255}.${runs++ & 255}`;
      await t.db.update(requestsTable).set({ title: a, challenge: b, stakeholders: a }).where(eq(requestsTable.id, ids.request));
      await t.db.update(expertiseCalls).set({ title: b, expertiseSought: a }).where(eq(expertiseCalls.id, ids.call));
      await t.db.update(offerExperts).set({ motivation: a, availability: b }).where(eq(offerExperts.offerId, ids.offer));
      await t.db.update(offerMessages).set({ body: b }).where(eq(offerMessages.offerId, ids.offer));
      await t.db.update(timelineEvents).set({ title: a, body: b }).where(eq(timelineEvents.programmeId, cy.programmeId));
      for (const p of pages()) {
        const res = await p.client().get(p.path);
        assert.equal(res.status, 200, p.path);
        assert.deepEqual(scriptingIn(res.body_), [], `${p.path} with ${JSON.stringify([a, b])}`);
      }
    }),
    { numRuns: 25 },
  );
});

test('the cycle pages stay within 50 KB compressed with their CSS, with the right language and direction, in every language', async () => {
  for (const locale of LOCALES) {
    for (const p of [...pages(), { client: () => broker, path: `/en/admin/programmes/${cy.programmeId}` }, { client: () => requester, path: `/en/requests/${ids.request}/steps/scope` }, { client: () => broker, path: '/en/calls-for-requests' }]) {
      const path = p.path.replace(/^\/(en|fr|ar)/, `/${locale}`);
      const res = await p.client().get(path);
      if (res.status !== 200) continue; // the steps page redirects once submitted
      const size = gzipSync(res.body_).length + CSS_GZ.length;
      assert.ok(size <= 50 * 1024, `${path}: ${size} bytes`);
      assert.match(res.body_, new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`), path);
      assert.equal(res.body_.match(/<h1[\s>]/g)?.length, 1, `${path}: one h1`);
    }
  }
});
