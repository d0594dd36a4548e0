/**
 * Issue 16, errors 2–4 on the request pages: the step list is numbered inside each item (no marker
 * running into the previous label or badge); once the approver has approved, neither the approve
 * form nor "the approver can now approve" is shown; the author deletes a draft (confirmation, POST,
 * audited, attachments gone), nobody else can; empty drafts older than 30 days are removed by the
 * manifest's job; the broker's dashboard does not count drafts.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { setupCycle, ctxOf, STEP_DATA, type Cycle } from '../../../test/requests/fixtures.ts';
import * as svc from './requests.service.ts';
import { STEPS } from './requests.schema.ts';
import { rows } from '../../platform/db.ts';
import { requests as requestsTable } from '../../db/schema/index.ts';
import requestsModule from './requests.module.ts';

let t: TestApp;
let cy: Cycle;
let dataDir = '';
const ctx = (a: Cycle['broker']) => ctxOf(t, a);

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerlink-requests-rough-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' } });
  cy = await setupCycle(t);
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function draft(steps: readonly (typeof STEPS)[number][] = STEPS): Promise<string> {
  const start = await svc.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  const id = (start as { id: string }).id;
  for (const s of steps) await svc.saveStep(ctx(cy.requester), id, s, STEP_DATA[s]);
  return id;
}

test('the step list: each item holds its own number, label and badge, with no list marker outside the box (French and Arabic)', async () => {
  const id = await draft(['challenge', 'objectives']);
  const requester = await signedInClient(t, cy.requester);
  for (const [lang, labels] of [
    ['fr', ['Le défi', 'Objectifs et résultats']],
    ['ar', []],
  ] as const) {
    const res = await requester.get(`/${lang}/requests/${id}/steps/scope`);
    assert.equal(res.status, 200);
    const nav = /<ol class="steps">([\s\S]*?)<\/ol>/.exec(res.body_)?.[1] ?? '';
    const items = [...nav.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    assert.equal(items.length, STEPS.length);
    items.forEach((item, i) => {
      // Number, then the link, then (if saved) the badge, each an element of its own, separated by spaces.
      assert.match(item, new RegExp(`^<span class="step-number">${i + 1}</span> <a href="[^"]+/steps/${STEPS[i]}"[^>]*>[^<]+</a>( <span class="badge">[^<]+</span>)?$`), item);
    });
    assert.match(items[0]!, /class="badge"/);
    assert.match(items[1]!, /class="badge"/);
    assert.doesNotMatch(items[2]!, /class="badge"/);
    assert.match(items[2]!, /aria-current="step"/);
    for (const [i, label] of labels.entries()) assert.match(items[i]!, new RegExp(`>${label}</a>`));
  }
  const page = await requester.get(`/fr/requests/${id}/steps/scope`);
  const cssPath = /<link rel="stylesheet" href="([^"]+)">/.exec(page.body_)?.[1] ?? '';
  const css = await t.client().get(cssPath);
  assert.equal(css.status, 200);
  const sheet = css.body_;
  assert.match(sheet, /\.steps\{[^}]*list-style:none/);
  assert.match(sheet, /\.steps\{[^}]*gap:/);
  assert.match(sheet, /\.steps li\{[^}]*gap:/);
});

test('after the approver approves: no approve form, and no "the approver can now approve" beside "approved by"', async () => {
  const id = await draft();
  const approver = await signedInClient(t, cy.approver);
  const requester = await signedInClient(t, cy.requester);
  const beforeApproval = await approver.get(`/fr/requests/${id}`);
  assert.match(beforeApproval.body_, /Approuver cette demande/);
  assert.match((await requester.get(`/fr/requests/${id}`)).body_, /peut maintenant approuver la demande/);
  assert.equal((await approver.post(`/fr/requests/${id}/endorse`, { note: 'Le maire est d’accord' })).status, 303);
  const mine = await approver.get(`/fr/requests/${id}`);
  assert.match(mine.body_, /Approuvée par/);
  assert.doesNotMatch(mine.body_, /Approuver cette demande/);
  assert.doesNotMatch(mine.body_, new RegExp(`action="[^"]*/requests/${id}/endorse"`));
  const theirs = await requester.get(`/fr/requests/${id}`);
  assert.match(theirs.body_, /Approuvée par/);
  assert.doesNotMatch(theirs.body_, /peut maintenant approuver/);
  assert.match(theirs.body_, /Le demandeur peut maintenant la soumettre/);
});

test('its author deletes a draft after a confirmation (POST, audited, attachments gone); nobody else can, nor once submitted', async () => {
  const id = await draft(['challenge']);
  await svc.attachToRequest(ctx(cy.requester), { filesDir: `${dataDir}/files` }, id, { name: 'note.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') });
  const filesBefore = readdirSync(`${dataDir}/files`, { recursive: true }).length;
  const requester = await signedInClient(t, cy.requester);
  const approver = await signedInClient(t, cy.approver);
  const broker = await signedInClient(t, cy.broker);
  const page = await requester.get(`/fr/requests/${id}`);
  assert.match(page.body_, new RegExp(`href="/fr/requests/${id}/delete">Supprimer ce brouillon`));
  assert.doesNotMatch((await approver.get(`/fr/requests/${id}`)).body_, /Supprimer ce brouillon/);
  const confirm = await requester.get(`/fr/requests/${id}/delete`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.body_, /Supprimer ce brouillon\s\?/);
  assert.match(confirm.body_, new RegExp(`<form method="post" novalidate action="/fr/requests/${id}/delete"`));
  // A GET deletes nothing; others are refused.
  assert.equal((await t.db.select().from(requestsTable).where(eq(requestsTable.id, id))).length, 1);
  assert.equal((await approver.post(`/fr/requests/${id}/delete`)).status, 403);
  assert.equal((await broker.post(`/fr/requests/${id}/delete`)).status, 403);
  assert.equal((await (await signedInClient(t, cy.outsider)).post(`/fr/requests/${id}/delete`)).status, 404);
  assert.equal((await t.db.select().from(requestsTable).where(eq(requestsTable.id, id))).length, 1);

  const del = await requester.post(`/fr/requests/${id}/delete`);
  assert.equal(del.status, 303);
  assert.equal(del.headers.get('location'), '/fr/requests');
  assert.match((await requester.get('/fr/requests')).body_, /Le brouillon a été supprimé/);
  assert.equal((await t.db.select().from(requestsTable).where(eq(requestsTable.id, id))).length, 0);
  assert.equal(readdirSync(`${dataDir}/files`, { recursive: true }).length, filesBefore - 1, 'the attachment’s bytes are gone');
  const audits = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'request.deleteDraft' and object_id = ${id} and actor_id = ${cy.requester.id}`);
  assert.equal(audits[0]!.n, 1);
  assert.equal((await requester.get(`/fr/requests/${id}`)).status, 404);

  // A submitted request is part of the record.
  const sub = await draft();
  await svc.endorseRequest(ctx(cy.approver), sub, { note: '' });
  await svc.submitRequest(ctx(cy.requester), sub);
  assert.equal((await requester.post(`/fr/requests/${sub}/delete`)).status, 403);
  assert.equal((await t.db.select().from(requestsTable).where(eq(requestsTable.id, sub))).length, 1);
});

test('the job removes drafts left empty for 30 days, and only those; the broker’s dashboard does not count drafts', async () => {
  const job = requestsModule.jobs?.find((j) => j.name === 'requests.purgeEmptyDrafts');
  assert.ok(job, 'the manifest declares the job');
  const empty = await draft([]);
  const written = await draft(['challenge']);
  const emptyRecent = await draft([]);
  const old = new Date(t.clock.now().getTime() - 31 * 86_400_000);
  await t.db.update(requestsTable).set({ createdAt: old, updatedAt: old }).where(sql`${requestsTable.id} in (${empty}, ${written})`);
  const run = (now: Date) => job.run({ db: t.db, now, config: t.config, log: console as never, mailer: null as never }) as Promise<{ deleted: number }>;
  const out = await run(t.clock.now());
  assert.ok(out.deleted >= 1);
  const left = new Set((await t.db.select({ id: requestsTable.id }).from(requestsTable)).map((r) => r.id));
  assert.ok(!left.has(empty), 'the empty old draft is gone');
  assert.ok(left.has(written), 'a draft with a step saved stays');
  assert.ok(left.has(emptyRecent), 'a recent empty draft stays');
  assert.equal((await run(t.clock.now())).deleted, 0, 'a second run finds nothing');

  const broker = await signedInClient(t, cy.broker);
  const dash = await broker.get('/fr/broker');
  assert.equal(dash.status, 200);
  const counts = /<section aria-labelledby="counts-h">([\s\S]*?)<\/section>/.exec(dash.body_)?.[1] ?? '';
  assert.doesNotMatch(counts, /Brouillon/);
  assert.match(counts, /Soumise|Soumis/);
  assert.doesNotMatch(dash.body_, new RegExp(`/requests/${written}"`), 'drafts are not listed as work');
  const drafts = await broker.get('/fr/broker?state=draft');
  assert.match(drafts.body_, new RegExp(`/requests/${written}"`), 'asked for, drafts are shown');
});
