/**
 * The matching index of the app: built from the database on first use, held per process (one per
 * database handle), and kept up to date by polling: at most every `POLL_MS` (by the caller's
 * clock) it re-reads the profiles changed since it last looked (`updated_at`, the account's
 * `last_active_at`, a confirmed match, an evaluation answered) and upserts them: no rebuild. Several processes on one
 * PostgreSQL server each catch up the same way; nothing lives only in a process. Removed
 * profiles (rare: organisations are not deleted, a person may be) leave at the next full rebuild
 * (`REBUILD_MS`); the pages read the names of what they show from the database, so a removed
 * profile is never shown meanwhile.
 *
 * Where a translation engine is configured (a ranking passes the config), each profile not in English carries its
 * know-how's machine translation into English (`MatchProfile.translation`), read through the translations module as
 * a reader's translation is (`readerViews`, subject `match_organisation` or `match_person`, the profile's id, field
 * `text`; one bulk read per batch of profiles, not a query per profile): indexing a profile asks for it, the
 * module's background job makes it, and the next catch-up re-upserts the profiles whose translation has appeared
 * since. Nothing is translated here.
 */
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { createMatchIndex, profileKnowHow } from './matching.engine.ts';
import { readerViews, type TranslationConfig } from '../translations/translations.service.ts';
import type { MatchIndex } from './matching.engine.ts';
import type { MatchProfile, PastExchange } from './matching.types.ts';

/** Catch up with the database at most this often. */
export const POLL_MS = 5_000;
/** Rebuild from scratch this often (drops removed profiles). */
export const REBUILD_MS = 30 * 60_000;
/** Re-read a little before the last mark: a transaction committed late with an earlier timestamp is still seen. */
const OVERLAP_MS = 60_000;

type OrgRow = {
  id: string; name: string; kind: string; country: string; population: number | null; languages: string[]; offers: string; seeks: string;
  themes: string[]; sdgs: number[]; extra: Record<string, unknown> | null; updated_at: string | Date; last_active: string | Date | null; past: PastExchange[] | null;
  needs: string | null;
};
type PersonRow = {
  id: string; name: string; organisation_id: string | null; position: string; job_function: string | null; languages: string[]; expertise: string;
  themes: string[]; updated_at: string | Date; last_active: string | Date | null; past: PastExchange[] | null;
};

const iso = (v: string | Date | null | undefined): string | undefined => (v ? new Date(v).toISOString() : undefined);

function flagsOf(extra: Record<string, unknown> | null): MatchProfile['flags'] {
  const f: NonNullable<MatchProfile['flags']> = {};
  for (const k of ['coastal', 'rural', 'capital'] as const) if (typeof extra?.[k] === 'boolean') f[k] = extra[k] as boolean;
  return Object.keys(f).length ? f : undefined;
}

export function orgProfile(r: OrgRow): MatchProfile {
  return {
    type: 'organisation', id: r.id, name: r.name, kind: r.kind, country: r.country, population: r.population ?? undefined, languages: r.languages,
    offers: r.offers, seeks: r.seeks, ...(r.needs ? { needs: r.needs } : {}), themes: r.themes, sdgs: r.sdgs, lastActiveAt: iso(r.last_active), pastExchanges: r.past ?? undefined, flags: flagsOf(r.extra),
  };
}

export function personProfile(r: PersonRow): MatchProfile {
  return {
    type: 'person', id: r.id, name: r.name, organisation: r.organisation_id ?? undefined, position: r.position || undefined, jobFunction: r.job_function ?? undefined,
    languages: r.languages, expertise: r.expertise, themes: r.themes, lastActiveAt: iso(r.last_active), pastExchanges: r.past ?? undefined,
  };
}

/** Requests that no longer ask for anything: what an organisation's other requests ask for is a need, never expertise. */
const CLOSED_REQUEST_STATES = ['draft', 'withdrawn', 'rejected', 'ineligible'];

/** The year of a past exchange: its first day, else when the match was confirmed. */
const PAST_YEAR = sql.raw(`coalesce(extract(year from ex.start_date), extract(year from x.requester_confirmed_at), extract(year from x.updated_at))::int`);
/** The host's evaluation of an exchange (the side that received the expertise): the mean of its answers to scale (1–5) questions, rounded. */
const HOST_RATING = sql.raw(`(select round(avg((a.answers->>q.id::text)::numeric))::int from evaluations v join evaluation_answers a on a.evaluation_id = v.id
    join questionnaire_questions q on q.questionnaire_id = v.questionnaire_id and q.kind = 'scale'
    where v.exchange_id = ex.id and v.side = 'host' and (a.answers->>q.id::text) ~ '^[1-5](\\.[0-9]+)?$')`);

/** Organisations changed since `since` (all with null), with their members' last activity and their confirmed exchanges. */
async function loadOrganisations(db: DbOrTx, since: Date | null): Promise<OrgRow[]> {
  const s = since?.toISOString() ?? null;
  return rows<OrgRow>(
    db,
    sql`select o.id, o.name, o.kind, o.country, o.population, o.languages, o.offers, o.seeks, o.themes, o.sdgs, o.extra, o.updated_at,
      (select max(u.last_active_at) from memberships m join users u on u.id = m.user_id where m.organisation_id = o.id and m.status = 'active') as last_active,
      (select json_agg(json_strip_nulls(json_build_object('year', ${PAST_YEAR}, 'theme', c.themes[1], 'rating', ${HOST_RATING})))
         from matches x join offers f on f.id = x.offer_id join expertise_calls c on c.id = x.call_id left join exchanges ex on ex.match_id = x.id
         where f.organisation_id = o.id and x.state = 'confirmed') as past,
      (select string_agg(r.title || '. ' || r.challenge, E'\n' order by r.id) from requests r
         where r.organisation_id = o.id and r.state not in (${sql.join(CLOSED_REQUEST_STATES.map((x) => sql`${x}`), sql`, `)})) as needs
    from organisations o
    where ${s}::timestamptz is null or o.updated_at > ${s}::timestamptz
      or exists (select 1 from memberships m join users u on u.id = m.user_id where m.organisation_id = o.id and m.status = 'active' and u.last_active_at > ${s}::timestamptz)
      or exists (select 1 from matches x join offers f on f.id = x.offer_id where f.organisation_id = o.id and x.updated_at > ${s}::timestamptz)
      or exists (select 1 from requests r where r.organisation_id = o.id and r.updated_at > ${s}::timestamptz)
      or exists (select 1 from matches x join offers f on f.id = x.offer_id join exchanges ex on ex.match_id = x.id join evaluations e on e.exchange_id = ex.id
        join evaluation_answers a on a.evaluation_id = e.id where f.organisation_id = o.id and a.at > ${s}::timestamptz)`,
  );
}

async function loadPeople(db: DbOrTx, since: Date | null): Promise<PersonRow[]> {
  const s = since?.toISOString() ?? null;
  return rows<PersonRow>(
    db,
    sql`select p.id, p.name, p.organisation_id, p.position, p.job_function, p.languages, p.expertise, p.themes, p.updated_at, u.last_active_at as last_active,
      (select json_agg(json_strip_nulls(json_build_object('year', ${PAST_YEAR}, 'theme', c.themes[1], 'rating', ${HOST_RATING})))
         from offer_experts e join matches x on x.offer_id = e.offer_id join expertise_calls c on c.id = x.call_id left join exchanges ex on ex.match_id = x.id
         where e.person_id = p.id and x.state = 'confirmed') as past
    from people p left join users u on u.id = p.user_id
    where (u.id is null or u.deleted_at is null)
      and (${s}::timestamptz is null or p.updated_at > ${s}::timestamptz or u.last_active_at > ${s}::timestamptz
        or exists (select 1 from offer_experts e join matches x on x.offer_id = e.offer_id where e.person_id = p.id and x.updated_at > ${s}::timestamptz)
        or exists (select 1 from offer_experts e join matches x on x.offer_id = e.offer_id join exchanges ex on ex.match_id = x.id join evaluations v on v.exchange_id = ex.id
          join evaluation_answers a on a.evaluation_id = v.id where e.person_id = p.id and a.at > ${s}::timestamptz))`,
  );
}

/** Profiles waiting for their translation looked at again per catch-up (a ranking's catch-up must stay cheap). */
export const AWAITING_PER_CATCH_UP = 200;

/** The subjects under which a profile's know-how is translated into English (the profile's id, field `text`). */
export const PROFILE_SUBJECT = { organisation: 'match_organisation', person: 'match_person' } as const;

/** Profiles translated at once (one `readerViews` call a kind: a read, an insert and an update of the translations table). */
export const TRANSLATION_BATCH = 2000;

export type ProfileTranslation = { profile: MatchProfile; state: 'used' | 'pending' | null };

/**
 * The profiles, in order, each with its know-how's machine translation into English when the translations module has it
 * ('used'), else as it is: 'pending' when it has just been asked for (or is being made), null when there is none to make
 * (no engine, an English or empty text, a language the engine cannot translate, or a failure it gave up on). One
 * `readerViews` call per kind of profile (at most TRANSLATION_BATCH profiles are best: the caller batches).
 */
export async function withProfileTranslations(db: DbOrTx, now: Date, config: TranslationConfig, profiles: readonly MatchProfile[]): Promise<ProfileTranslation[]> {
  const out: ProfileTranslation[] = profiles.map((p) => ({ profile: p, state: null }));
  if (!config.translateUrl) return out;
  for (const type of ['organisation', 'person'] as const) {
    const at: number[] = [];
    const items: Array<{ id: string; fields: { text: string } }> = [];
    profiles.forEach((p, i) => {
      if (p.type !== type) return;
      const text = profileKnowHow(p);
      if (!text.trim()) return;
      at.push(i);
      items.push({ id: p.id, fields: { text } });
    });
    if (!items.length) continue;
    const views = await readerViews({ db, locale: 'en', now }, config, PROFILE_SUBJECT[type], items);
    views.forEach((v, k) => {
      const p = profiles[at[k]!]!;
      if (v.state === 'machine') out[at[k]!] = { profile: { ...p, translation: v.fields.text.text }, state: 'used' };
      else if (v.state === 'pending') out[at[k]!] = { profile: p, state: 'pending' };
    });
  }
  return out;
}

export type MatchStore = {
  /**
   * The index, caught up with the database if the last look is older than POLL_MS (or `fresh`). With `translation`
   * (the platform's engine), profiles carry their machine translation into English once it is made.
   */
  index(db: DbOrTx, now: Date, opts?: { fresh?: boolean; translation?: TranslationConfig }): Promise<MatchIndex>;
  /** Profiles upserted by the last catch-up (for tests and logs). */
  readonly lastCatchUp: number;
  readonly builtAt: Date | null;
};

/** A store over one database. */
export function createMatchStore(): MatchStore {
  let index: MatchIndex | null = null;
  let mark: Date | null = null; // when the database was last read (the caller's clock; rows stamped later are read again)
  let lookedAt = 0; // caller's clock
  let builtAt: Date | null = null;
  let lastCatchUp = 0;
  let pending: Promise<MatchIndex> | null = null;
  // the translation engine's config once a ranking has given one; whether the index was built with it
  let config: TranslationConfig | null = null;
  let builtWithConfig = false;
  // profiles whose translation was asked for and is being made, by key (`type:id`): looked at again at each catch-up
  const awaiting = new Map<string, MatchProfile>();

  /**
   * The profiles to index, in order: with their translation when made; remembered in `awaiting` (at the back) while it
   * is being made. A bulk read of the translations per TRANSLATION_BATCH profiles, never one per profile.
   */
  async function translated(db: DbOrTx, now: Date, profiles: readonly MatchProfile[]): Promise<MatchProfile[]> {
    for (const p of profiles) awaiting.delete(`${p.type}:${p.id}`);
    if (!config) return [...profiles];
    const out: MatchProfile[] = [];
    for (let at = 0; at < profiles.length; at += TRANSLATION_BATCH) {
      for (const { profile, state } of await withProfileTranslations(db, now, config, profiles.slice(at, at + TRANSLATION_BATCH))) {
        if (state === 'pending') awaiting.set(`${profile.type}:${profile.id}`, profile);
        out.push(profile);
      }
    }
    return out;
  }

  async function build(db: DbOrTx, now: Date): Promise<MatchIndex> {
    const fresh = createMatchIndex();
    const [orgs, people] = await Promise.all([loadOrganisations(db, null), loadPeople(db, null)]);
    awaiting.clear();
    builtWithConfig = !!config;
    for (const p of await translated(db, now, orgs.map(orgProfile))) fresh.upsert(p);
    for (const p of await translated(db, now, people.map(personProfile))) fresh.upsert(p);
    index = fresh;
    mark = now;
    builtAt = now;
    lookedAt = now.getTime();
    lastCatchUp = orgs.length + people.length;
    return fresh;
  }

  async function catchUp(db: DbOrTx, now: Date): Promise<MatchIndex> {
    const idx = index!;
    const since = new Date(mark!.getTime() - OVERLAP_MS);
    const [orgs, people] = await Promise.all([loadOrganisations(db, since), loadPeople(db, since)]);
    const changed = [...orgs.map(orgProfile), ...people.map(personProfile)];
    const seen = new Set(changed.map((p) => `${p.type}:${p.id}`));
    // the profiles whose translation was being made and has appeared since the last look (unchanged ones: changed ones are read again below)
    let appeared = 0;
    // At most AWAITING_PER_CATCH_UP of them a look, oldest first (one still being made goes to the back): at scale,
    // tens of thousands can be waiting after a build; each look is a bulk read of the translations table.
    const looked = [...awaiting].slice(0, AWAITING_PER_CATCH_UP).filter(([key]) => !seen.has(key)).map(([, p]) => p);
    for (const t of await translated(db, now, looked)) {
      if (t.translation) {
        idx.upsert(t);
        appeared++;
      }
    }
    for (const p of await translated(db, now, changed)) idx.upsert(p);
    mark = now;
    lookedAt = now.getTime();
    lastCatchUp = changed.length + appeared;
    return idx;
  }

  return {
    get lastCatchUp() { return lastCatchUp; },
    get builtAt() { return builtAt; },
    async index(db, now, opts = {}) {
      if (pending) return pending;
      if (opts.translation?.translateUrl) config = opts.translation;
      const t = now.getTime();
      let work: Promise<MatchIndex> | null = null;
      // an index built before the engine was known is built again once, with it (every profile then asks for its translation)
      if (!index || !builtAt || t - builtAt.getTime() >= REBUILD_MS || (config && !builtWithConfig)) work = build(db, now);
      else if (opts.fresh || t - lookedAt >= POLL_MS || t < lookedAt) work = catchUp(db, now);
      if (!work) return index!;
      pending = work.finally(() => (pending = null));
      return pending;
    },
  };
}

const stores = new WeakMap<object, MatchStore>();

/** The process's store for this database handle (a transaction uses its own handle: pass the base db). */
export function matchStoreFor(db: DbOrTx): MatchStore {
  let s = stores.get(db);
  if (!s) stores.set(db, (s = createMatchStore()));
  return s;
}

/** Every profile as the store reads it (for exports and the contract test: the CLI fed these ranks as the app does). */
export async function loadAllProfiles(db: DbOrTx): Promise<MatchProfile[]> {
  const [orgs, people] = await Promise.all([loadOrganisations(db, null), loadPeople(db, null)]);
  return [...orgs.map(orgProfile), ...people.map(personProfile)];
}
