/**
 * People's profiles: one's own profile (/people/me), reading a profile with the owner's privacy
 * choices applied, and the members-only people directory.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError, UnauthorizedError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import * as repo from './organisations.repository.ts';
import { canPerson } from './organisations.policy.ts';
import { peopleQuery, profileInput, type Sort } from './organisations.schema.ts';
import { isUuid } from '../../platform/ids.ts';
import { parseQuery } from '../../platform/query.ts';
import { type SearchResult } from './organisations.service.ts';
import { moderationOf } from '../moderation/moderation.service.ts';

export type PersonCard = {
  id: string;
  name: string;
  position: string;
  jobFunction: string | null;
  languages: string[];
  themes: string[];
  organisation: { id: string; name: string; country: string | null } | null;
};

export type PersonDetail = {
  /** On another reader's view of a profile: hidden after reports, and whether the reader may report it. */
  moderation?: { hidden: boolean; canReport: boolean };
  id: string;
  name: string;
  position: string;
  jobFunction: string | null;
  languages: string[];
  expertise: string;
  themes: string[];
  availability: string;
  /** null unless the reader may see it (owner's choice, or staff). */
  email: string | null;
  phone: string | null;
  visibility: 'members' | 'public';
  /** Organisations from active memberships; for an imported person, the organisation of the import. */
  organisations: { id: string; name: string; role: string | null }[];
  isOwn: boolean;
  hasAccount: boolean;
};

/**
 * Searches people: members only (a visitor gets UnauthorizedError). Same query rules as the
 * organisation directory (unknown key or sort → ValidationError). Filters: country (of the
 * person's organisation), theme, language, job function.
 */
export async function searchPeople(ctx: ServiceCtx, query: Record<string, unknown>): Promise<SearchResult<PersonCard>> {
  if (!canPerson(ctx.actor, 'person.list')) throw new UnauthorizedError();
  const p = parseQuery(peopleQuery, query, 'organisations.search.unknownKey');
  const sort: Sort = p.sort ?? (p.q ? 'relevance' : 'name');
  const offset = (p.page - 1) * p.limit;
  const { rows, count } = await repo.searchPeopleRows(ctx.db, { q: p.q, country: p.country, theme: p.theme, language: p.language, jobFunction: p.function }, sort, p.limit, offset);
  const items = rows.slice(0, p.limit).map(
    (r): PersonCard => ({
      id: r.id,
      name: r.name,
      position: r.position,
      jobFunction: r.job_function,
      languages: r.languages,
      themes: r.themes,
      organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '', country: r.country } : null,
    }),
  );
  const total = offset === 0 && rows.length <= p.limit ? rows.length : rows.length ? Math.max(count, offset + rows.length) : count; // a page past the end: how many there are, not its offset
  return { items, page: p.page, limit: p.limit, total: Math.min(total, repo.COUNT_CAP + 1), isTotalCapped: total > repo.COUNT_CAP, hasNext: rows.length > p.limit, hasPrev: p.page > 1 };
}

async function toDetail(ctx: ServiceCtx, row: repo.PersonRow): Promise<PersonDetail> {
  const facts = { userId: row.userId, visibility: row.visibility, showEmail: row.showEmail, showPhone: row.showPhone };
  let organisations: PersonDetail['organisations'] = [];
  if (row.userId) organisations = (await repo.activeOrganisationsOf(ctx.db, row.userId)).map((o) => ({ id: o.id, name: o.name, role: o.role }));
  if (row.organisationId && !organisations.some((o) => o.id === row.organisationId)) {
    const names = await repo.findOrganisationNames(ctx.db, [row.organisationId]);
    const name = names.get(row.organisationId);
    if (name) organisations.unshift({ id: row.organisationId, name, role: null });
  }
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    jobFunction: row.jobFunction,
    languages: row.languages,
    expertise: row.expertise,
    themes: row.themes,
    availability: row.availability,
    email: canPerson(ctx.actor, 'person.viewEmail', facts) ? row.email : null,
    phone: canPerson(ctx.actor, 'person.viewPhone', facts) ? row.phone : null,
    visibility: row.visibility === 'public' ? 'public' : 'members',
    organisations,
    isOwn: !!ctx.actor && row.userId === ctx.actor.id,
    hasAccount: row.userId !== null,
  };
}

/** A profile as the reader may see it. NotFoundError when missing or not visible to the reader (the same answer). */
export async function getPerson(ctx: ServiceCtx, id: string): Promise<PersonDetail> {
  if (!isUuid(id)) throw new NotFoundError();
  const row = await repo.findPerson(ctx.db, id);
  if (!row || !canPerson(ctx.actor, 'person.view', { userId: row.userId, visibility: row.visibility, showEmail: row.showEmail, showPhone: row.showPhone })) throw new NotFoundError();
  // Hidden after members' reports: only its owner and the moderators still see it (SECURITY.md 28).
  const moderation = await moderationOf(ctx, 'person', row.id);
  if (!moderation.visible) throw new NotFoundError();
  return { ...(await toDetail(ctx, row)), moderation: { hidden: moderation.hidden, canReport: moderation.canReport } };
}

/** The signed-in person's own profile, or null when they have none yet. */
export async function getMyProfile(ctx: ServiceCtx): Promise<PersonDetail | null> {
  if (!ctx.actor) throw new UnauthorizedError();
  const row = await repo.findPersonByUser(ctx.db, ctx.actor.id);
  return row ? toDetail(ctx, row) : null;
}

/** The own profile as form values (prefilled from the account when there is none yet). */
export async function myProfileForm(ctx: ServiceCtx): Promise<Record<string, unknown>> {
  if (!ctx.actor) throw new UnauthorizedError();
  const row = await repo.findPersonByUser(ctx.db, ctx.actor.id);
  if (!row) return { name: ctx.actor.name, email: ctx.actor.email, visibility: 'members', languages: [], themes: [] };
  return {
    name: row.name,
    position: row.position,
    jobFunction: row.jobFunction ?? '',
    languages: row.languages,
    expertise: row.expertise,
    themes: row.themes,
    availability: row.availability,
    email: row.email ?? '',
    phone: row.phone ?? '',
    visibility: row.visibility,
    showEmail: row.showEmail,
    showPhone: row.showPhone,
  };
}

/**
 * Creates or updates the signed-in person's own profile. `raw` may be partial (API PATCH): given
 * fields replace stored ones. Unknown fields (role, userId…) are ignored. Outcomes: `{ ok: true, id }`;
 * ValidationError on bad input.
 */
export async function saveMyProfile(ctx: ServiceCtx, raw: Record<string, unknown>, opts: { partial?: boolean } = {}): Promise<{ ok: true; id: string }> {
  if (!ctx.actor || !canPerson(ctx.actor, 'person.editOwn')) throw new UnauthorizedError();
  const base = opts.partial ? await myProfileForm(ctx) : {};
  const d = mustParse(profileInput, { ...base, ...raw });
  const existing = await repo.findPersonByUser(ctx.db, ctx.actor.id);
  const firstOrg = existing?.organisationId ?? (await repo.activeOrganisationsOf(ctx.db, ctx.actor.id))[0]?.id ?? null;
  const row = await repo.upsertPersonForUser(ctx.db, {
    id: existing?.id ?? randomUUID(),
    userId: ctx.actor.id,
    organisationId: firstOrg,
    name: d.name,
    position: d.position,
    jobFunction: d.jobFunction ?? null,
    languages: [...new Set(d.languages)],
    expertise: d.expertise,
    themes: [...new Set(d.themes)],
    availability: d.availability,
    email: d.email ?? null,
    phone: d.phone ?? null,
    visibility: d.visibility,
    showEmail: d.showEmail,
    showPhone: d.showPhone,
    createdAt: existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  });
  return { ok: true, id: row.id };
}
