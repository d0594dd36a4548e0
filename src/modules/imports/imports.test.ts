/** Import and export of organisations and people (interchange formats), the directory downloads, and the demo seed. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { organisations, people, memberships } from '../../db/schema/organisations.ts';
import { users } from '../../db/schema/accounts.ts';
import { rows } from '../../platform/db.ts';
import { importOrganisations, importPeople, type ImportReport } from './imports.service.ts';
import { exportOrganisations, exportPeople } from './exports.service.ts';
import { sampleJsonl } from './imports.sample.ts';
import type { FileFormat } from './imports.reader.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../accounts/accounts.demo.ts';
import { MODULES } from '../index.ts';
import { verifyPassword } from '../accounts/accounts.passwords.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

const ctx = () => ({ db: t.db, actor: 'cli' as const, now: t.clock.now() });

async function importOrgs(text: string, format: FileFormat, strict = false): Promise<ImportReport> {
  const r = await importOrganisations(ctx(), { source: Readable.from([text]), format, strict });
  assert.ok(r.ok);
  return r.report;
}
async function importPpl(text: string, format: FileFormat, strict = false): Promise<ImportReport> {
  const r = await importPeople(ctx(), { source: Readable.from([text]), format, strict });
  assert.ok(r.ok);
  return r.report;
}
async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
}
const org = async (externalId: string) => (await t.db.select().from(organisations).where(eq(organisations.externalId, externalId)))[0];
const count = async (table: 'organisations' | 'people') => (await rows<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

test('a CSV file is imported: lists split on ";", region derived from the country, unknown fields kept in extra', async () => {
  const csv = [
    'id,name,kind,country,population,languages,offers,seeks,themes,sdgs,website,email,lat,lon,mayor',
    'csv-almere,Almere,,nl,220000,nl;en,"Sanitation, waste collection",Peers on HR,sanitation;waste_management,6;11,https://www.almere.nl,info@almere.example,52.37,5.22,Hein',
    'csv-agona,Agona West,municipality,GH,115000,en,,Joint sanitation plan,sanitation,6,,,,,',
  ].join('\r\n');
  const r = await importOrgs(csv, 'csv');
  assert.deepEqual({ read: r.read, inserted: r.inserted, updated: r.updated, issues: r.issues }, { read: 2, inserted: 2, updated: 0, issues: [] });
  const a = await org('csv-almere');
  assert.ok(a);
  assert.equal(a.name, 'Almere');
  assert.equal(a.kind, 'municipality');
  assert.equal(a.country, 'NL');
  assert.equal(a.region, 'europe');
  assert.equal(a.population, 220000);
  assert.deepEqual(a.languages, ['nl', 'en']);
  assert.deepEqual(a.themes, ['sanitation', 'waste_management']);
  assert.deepEqual(a.sdgs, [6, 11]);
  assert.equal(a.offers, 'Sanitation, waste collection');
  assert.equal(a.lat, 52.37);
  assert.deepEqual(a.extra, { mayor: 'Hein' });
  assert.equal((await org('csv-agona'))?.region, 'ssa');
});

test('a JSON Lines file of 1,000 organisations is imported, and importing it again updates instead of duplicating', async () => {
  const before_ = await count('organisations');
  const text = sampleJsonl(1000, 7);
  const first = await importOrgs(text, 'jsonl');
  assert.equal(first.inserted, 1000);
  assert.equal(first.issueCount, 0);
  assert.equal(await count('organisations'), before_ + 1000);

  const firstId = JSON.parse(text.split('\n')[0]!).id as string;
  const { id: uuidBefore } = (await org(firstId))!;
  const changed = text.replace(/"name":"[^"]*"/, '"name":"Renamed municipality"');
  const again = await importOrgs(changed, 'jsonl');
  assert.deepEqual({ inserted: again.inserted, updated: again.updated }, { inserted: 0, updated: 1000 });
  assert.equal(await count('organisations'), before_ + 1000);
  const after_ = (await org(firstId))!;
  assert.equal(after_.name, 'Renamed municipality');
  assert.equal(after_.id, uuidBefore, 'the row keeps its id');
});

test('a bad line is reported with its line number and field, and the other lines are imported', async () => {
  const jsonl = [
    JSON.stringify({ id: 'bad-ok-1', name: 'Good one', country: 'BE' }),
    JSON.stringify({ id: 'bad-country', name: 'Nowhere', country: 'ZZ' }),
    '',
    JSON.stringify({ id: 'bad-sdg', name: 'Too many goals', country: 'FR', sdgs: [3, 18] }),
    JSON.stringify({ id: 'bad-pop', name: 'Negative', country: 'FR', population: -4 }),
    '{"id": "broken json"',
    JSON.stringify({ id: 'bad-multi', country: 'FR', population: 12.5, languages: ['french'], themes: ['not_a_theme'], kind: 'city' }),
    JSON.stringify({ id: 'bad-ok-1', name: 'Same id twice', country: 'BE' }),
    JSON.stringify({ id: 'bad-ok-2', name: 'Good two', country: 'SN', sdgs: '6;11' }),
  ].join('\n');
  const r = await importOrgs(jsonl, 'jsonl');
  assert.equal(r.inserted, 2);
  assert.equal(r.rejected, 6);
  const at = (line: number) => r.issues.filter((i) => i.line === line).map((i) => i.field);
  assert.deepEqual(at(2), ['country']);
  assert.deepEqual(at(4), ['sdgs']);
  assert.deepEqual(at(5), ['population']);
  assert.equal(r.issues.find((i) => i.line === 6)?.field, undefined);
  assert.match(r.issues.find((i) => i.line === 6)!.message, /JSON/);
  assert.deepEqual(at(7).sort(), ['kind', 'languages', 'name', 'population', 'themes']);
  assert.deepEqual(at(8), ['id']);
  assert.match(r.issues.find((i) => i.line === 8)!.message, /line 1/);
  assert.match(r.issues.find((i) => i.line === 2)!.message, /ZZ/);
  assert.equal((await org('bad-ok-1'))?.name, 'Good one');
  assert.deepEqual((await org('bad-ok-2'))?.sdgs, [6, 11]);
  assert.equal(await org('bad-country'), undefined);
});

test('CSV line numbers count the header and quoted line breaks', async () => {
  const csv = 'id,name,country,offers\ncsvl-1,One,BE,"two\nlines"\ncsvl-2,Two,XX,\n';
  const r = await importOrgs(csv, 'csv');
  assert.deepEqual(r.issues, [{ line: 4, field: 'country', message: r.issues[0]!.message }]);
  assert.equal((await org('csvl-1'))?.offers, 'two\nlines');
});

test('a CSV row that cannot be read (stray quote, more cells than the header) is reported and the rest imported', async () => {
  const csv = ['id,name,country', 'csvq-1,Fine,BE', 'csvq-2,x"y,BE', 'csvq-3,Too,BE,many,cells', 'csvq-4,"Also ""fine""",NL', ''].join('\n');
  const r = await importOrgs(csv, 'csv');
  assert.deepEqual(
    r.issues.map((i) => i.line),
    [3, 4],
  );
  assert.match(r.issues[1]!.message, /length/i);
  assert.equal(r.inserted, 2);
  assert.equal((await org('csvq-4'))?.name, 'Also "fine"');
  assert.equal(await org('csvq-3'), undefined);
});

test('--strict writes nothing when any line is bad', async () => {
  const before_ = await count('organisations');
  const jsonl = [JSON.stringify({ id: 'strict-1', name: 'Would be fine', country: 'BE' }), JSON.stringify({ id: 'strict-2', name: 'Bad', country: 'BE', sdgs: [0] })].join('\n');
  const r = await importOrgs(jsonl, 'jsonl', true);
  assert.equal(r.written, false);
  assert.equal(r.inserted, 0);
  assert.deepEqual(
    r.issues.map((i) => [i.line, i.field]),
    [[2, 'sdgs']],
  );
  assert.equal(await count('organisations'), before_);
  assert.equal(await org('strict-1'), undefined);

  const ok = await importOrgs(jsonl.split('\n')[0]!, 'jsonl', true);
  assert.equal(ok.written, true);
  assert.equal(ok.inserted, 1);
});

test('people are linked to organisations by the organisation id; an unknown organisation is an issue on that line', async () => {
  await importOrgs(JSON.stringify({ id: 'ppl-org', name: 'People org', country: 'UG' }), 'jsonl');
  const csv = ['id,name,organisation,position,languages,expertise,themes,email,phone', 'ppl-1,George Freeman,ppl-org,Chief environmental health officer,en,Sanitation planning,sanitation,George@Example.org,+233', 'ppl-2,Nobody,no-such-org,,,,,,'].join('\n');
  const r = await importPpl(csv, 'csv');
  assert.equal(r.inserted, 1);
  assert.deepEqual(
    r.issues.map((i) => [i.line, i.field]),
    [[3, 'organisation']],
  );
  const [p] = await t.db.select().from(people).where(eq(people.externalId, 'ppl-1'));
  assert.ok(p);
  assert.equal(p.organisationId, (await org('ppl-org'))!.id);
  assert.equal(p.email, 'george@example.org');
  assert.deepEqual(p.extra, { phone: '+233' });

  const again = await importPpl(csv.replace('Chief environmental', 'Head of environmental'), 'csv', true);
  assert.equal(again.written, false, 'strict: the bad line stops the whole file');
  const fixed = await importPpl(csv.split('\n').slice(0, 2).join('\n').replace('Chief environmental', 'Head of environmental'), 'csv');
  assert.deepEqual({ inserted: fixed.inserted, updated: fixed.updated }, { inserted: 0, updated: 1 });
  const [p2] = await t.db.select().from(people).where(eq(people.externalId, 'ppl-1'));
  assert.equal(p2!.position, 'Head of environmental health officer');
});

test('an export imports back unchanged (CSV and JSON Lines), formulas included', async () => {
  await importOrgs(
    [
      JSON.stringify({ id: 'rt-1', name: '=HYPERLINK("http://evil")', country: 'BE', offers: '-a dash; and a semicolon', lat: -33.9, lon: 18.4, themes: ['youth'], colour: 'green' }),
      JSON.stringify({ id: 'rt-2', name: 'Ünïcödé, "quoted"', country: 'MA', languages: ['ar', 'fr'], seeks: 'line\nbreak' }),
    ].join('\n'),
    'jsonl',
  );
  for (const format of ['csv', 'jsonl'] as const) {
    const first = await collect(exportOrganisations({ db: t.db, actor: 'cli' }, { format, pageSize: 7 }));
    const total = await count('organisations');
    const r = await importOrgs(first, format, true);
    assert.equal(r.issueCount, 0, JSON.stringify(r.issues.slice(0, 3)));
    assert.deepEqual({ inserted: r.inserted, updated: r.updated }, { inserted: 0, updated: total }, format);
    const second = await collect(exportOrganisations({ db: t.db, actor: 'cli' }, { format, pageSize: 1000 }));
    assert.equal(second, first, `${format} round trip`);
  }
  const a = (await org('rt-1'))!;
  assert.equal(a.name, '=HYPERLINK("http://evil")');
  assert.equal(a.offers, '-a dash; and a semicolon');
  assert.deepEqual(a.extra, { colour: 'green' });
  const csv = await collect(exportOrganisations({ db: t.db, actor: 'cli' }, { format: 'csv' }));
  assert.ok(csv.includes(`"'=HYPERLINK(""http://evil"")"`), 'a formula is neutralised for spreadsheets');
});

test('people export: emails for platform staff only; round trip', async () => {
  const member = await asRole(t, []);
  const denied = await exportPeople({ db: t.db, actor: { id: member.user.id, name: 'm', email: member.user.email, locale: 'en', roles: [], coordinatorRegions: [], hasTotp: false } }, { format: 'jsonl' });
  assert.deepEqual(denied, { ok: false, reason: 'forbidden' });
  const r = await exportPeople({ db: t.db, actor: 'cli' }, { format: 'jsonl' });
  assert.ok(r.ok);
  const text = await collect(r.chunks);
  const george = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .find((p) => p.id === 'ppl-1');
  assert.deepEqual(george, { phone: '+233', id: 'ppl-1', name: 'George Freeman', organisation: 'ppl-org', position: 'Head of environmental health officer', languages: ['en'], expertise: 'Sanitation planning', themes: ['sanitation'], email: 'george@example.org' });
  const back = await importPpl(text, 'jsonl', true);
  assert.equal(back.issueCount, 0);
  assert.equal(back.inserted, 0);
});

test('directory download: an attachment; visitors get public fields only, members also contact emails', async () => {
  await importOrgs(JSON.stringify({ id: 'dl-1', name: 'Download town', country: 'BJ', email: 'mairie@dl.example', secret_note: 'internal' }), 'jsonl');
  const visitor = t.client();
  const res = await visitor.get('/organisations/export.csv');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('Content-Disposition') ?? '', /^attachment; filename="peerlink-organisations-\d{4}-\d{2}-\d{2}\.csv"$/);
  assert.match(res.headers.get('Content-Type') ?? '', /^text\/csv/);
  const recs = parse(res.body_, { columns: true }) as Record<string, string>[];
  const row = recs.find((x) => x.id === 'dl-1');
  assert.ok(row);
  assert.equal(row.name, 'Download town');
  assert.equal(row.region, 'ssa');
  assert.ok(!('email' in row), 'no email column for visitors');
  assert.ok(!('secret_note' in row), 'no import extras for visitors');
  assert.ok(!res.body_.includes('mairie@dl.example'));

  const { client } = await asRole(t, []);
  const j = await client.get('/fr/organisations/export.jsonl');
  assert.equal(j.status, 200);
  assert.match(j.headers.get('Content-Disposition') ?? '', /attachment; filename=".*\.jsonl"/);
  const mine = j.body_
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .find((o) => o.id === 'dl-1');
  assert.equal(mine.email, 'mairie@dl.example');
  assert.equal(mine.secret_note, undefined);
});

test('the demo seed covers every role, marks its accounts as demo, and changes nothing when run twice', async () => {
  const now = t.clock.now();
  const first = await seedDemo(t.db, MODULES, { now });
  assert.ok(first.organisations >= 30, `${first.organisations} organisations`);
  assert.equal(first.accounts, DEMO_ACCOUNTS.length);
  assert.ok(first.people > 0 && first.memberships >= 4);
  assert.equal(first.programmes, 1, "the CONNECT demo programme");
  assert.ok(first.goodPractices >= 20, `${first.goodPractices} good practices`);
  const snapshot = async () => ({
    orgs: await rows(t.db, sql`select id, external_id, updated_at from organisations order by id`),
    people: await rows(t.db, sql`select id, external_id, user_id, updated_at from people order by id`),
    users: await rows(t.db, sql`select id, email, password_hash, updated_at from users order by id`),
    memberships: await rows(t.db, sql`select id, role, status from memberships order by id`),
  });
  const before_ = await snapshot();
  clockTick();
  const second = await seedDemo(t.db, MODULES, { now: t.clock.now() });
  assert.deepEqual(second, { organisations: 0, people: 0, accounts: 0, memberships: 0, programmes: 0, goodPractices: 0 });
  assert.deepEqual(await snapshot(), before_);

  const demo = await t.db.select().from(users).where(eq(users.isDemo, true));
  const byEmail = new Map(demo.map((u) => [u.email, u]));
  for (const a of DEMO_ACCOUNTS) assert.ok(byEmail.has(a.email), a.email);
  const roles = new Set(demo.flatMap((u) => u.roles));
  for (const r of ['broker', 'committee', 'coordinator', 'admin']) assert.ok(roles.has(r), `platform role ${r}`);
  assert.deepEqual(byEmail.get('coordinator@demo.peerlink.localhost')?.coordinatorRegions, ['ssa']);
  assert.deepEqual(byEmail.get('member@demo.peerlink.localhost')?.roles, []);
  assert.ok(demo.every((u) => u.emailVerifiedAt));
  const links = await t.db.select({ role: memberships.role, status: memberships.status, userId: memberships.userId }).from(memberships);
  const demoIds = new Set(demo.map((u) => u.id));
  const orgRoles = new Set(links.filter((l) => demoIds.has(l.userId) && l.status === 'active').map((l) => l.role));
  for (const r of ['requester', 'approver', 'org_admin', 'expert']) assert.ok(orgRoles.has(r), `organisation role ${r}`);
  assert.ok(await verifyPassword(byEmail.get('broker@demo.peerlink.localhost')!.passwordHash, DEMO_PASSWORD));
  const agona = (await org('gh-agona-west'))!;
  assert.equal(agona.country, 'GH');
  assert.equal(agona.region, 'ssa');
  assert.ok(agona.themes.includes('sanitation'));
  assert.ok(agona.verifiedAt);
  for (const id of ['nl-almere', 'kh-pursat', 'is-sandgerdi', 'co-angelopolis', 'es-tarragona', 'bf-ziniare', 'ug-moroto', 'be-ostend', 'gm-banjul', 'be-roeselare', 'bj-dogbo', 'be-bruges', 'cm-ebolowa', 'be-mechelen'])
    assert.ok(await org(id), id);
});

function clockTick() {
  t.clock.advance(60_000);
}

test('only the command line or a platform admin may import', async () => {
  const as = (roles: ('broker' | 'admin')[]) => ({ id: '00000000-0000-4000-8000-000000000001', name: 'x', email: 'x@example.org', locale: 'en' as const, roles, coordinatorRegions: [], hasTotp: true });
  const line = JSON.stringify({ id: 'policy-1', name: 'Policy town', country: 'BE' });
  const broker = await importOrganisations({ db: t.db, actor: as(['broker']), now: t.clock.now() }, { source: Readable.from([line]), format: 'jsonl' });
  assert.deepEqual(broker, { ok: false, reason: 'forbidden' });
  assert.equal(await org('policy-1'), undefined);
  const admin = await importOrganisations({ db: t.db, actor: as(['admin']), now: t.clock.now() }, { source: Readable.from([line]), format: 'jsonl' });
  assert.ok(admin.ok && admin.report.inserted === 1);
});
