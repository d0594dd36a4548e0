/**
 * The events module's face: a network's or a programme's events (dialogue events, webinars), their
 * registrations with a waitlist, calendars, reminders, attendance and the organiser's report. Every
 * verb opens with the actor's standing towards the event and one check in events.policy.ts; an
 * event the actor may not see in that role answers NotFoundError, as a missing one does
 * (SECURITY.md 13). Registrations on one event queue on its row (`for update`), so the last seat
 * goes to exactly one person.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import type { ServiceCtx } from '../../platform/http.ts';
import type { WaitingItem } from '../../platform/module.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { NotFoundError, SignInRequired, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { href, type CurrentUser } from '../../platform/http.ts';
import { localized, type Locale, type T } from '../../platform/i18n.ts';
import { emit } from '../../platform/events.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { isStaff } from '../../platform/roles.ts';
import type { MailAttachment } from '../../platform/mail.ts';
import { canCoordinate, canParticipate, networkFacts, networkFactsBySlug, networkOptions, networksCoordinatedBy, type NetworkFacts } from '../networks/networks.service.ts';
import { listProgrammes } from '../programmes/programmes.service.ts';
import { createDraft } from '../knowledge/knowledge.service.ts';
import { inspect, labelOf, MAX_BYTES, QUOTA_BYTES, storedBytesOf, writeBytes, readBytes, removeBytes, type FilesEnv, type Upload, type Rejection } from '../files/files.service.ts';
import * as repo from './events.repository.ts';
import { canEvent, NO_EVENT_STANDING, registrationOpen, type EventStanding } from './events.policy.ts';
import { eventInput, listQuery, ownerInput, registrationInput, reportInput, REMINDER_LEAD_MS, type EventInput, type ListQuery } from './events.schema.ts';
import { fmtInZone, isCalendarDate, utcToZoned, zonedToUtc } from './events.time.ts';
import './events.events.ts';

export type { EventStanding } from './events.policy.ts';
export type LocalizedText = { text: string; lang: string };
/** Where links in calendars and mails point: the site's address. */
export type EventsEnv = { baseUrl: string };

// ---------- standing and loading ----------

async function standingOf(ctx: ServiceCtx, e: repo.EventRow): Promise<EventStanding> {
  if (!ctx.actor) return NO_EVENT_STANDING;
  const manages = e.networkId ? await canCoordinate(ctx, e.networkId) : isStaff(ctx.actor);
  const participates = e.networkId ? await canParticipate(ctx, e.networkId) : true;
  const r = await repo.liveRegistration(ctx.db, e.id, ctx.actor.id);
  return { manages, participates, registration: (r?.state as 'confirmed' | 'waitlisted' | undefined) ?? null };
}

async function load(ctx: ServiceCtx, id: string): Promise<{ e: repo.EventRow; s: EventStanding }> {
  const e = isUuid(id) ? await repo.eventById(ctx.db, id) : null;
  if (!e) throw new NotFoundError();
  const s = await standingOf(ctx, e);
  if (!canEvent(ctx.actor, 'event.view', s, e, ctx.now)) throw new NotFoundError();
  return { e, s };
}

/** The event for its organisers only: anyone else (a coordinator of another network too) gets the 404 of a missing id. */
async function loadManaged(ctx: ServiceCtx, id: string): Promise<{ e: repo.EventRow; s: EventStanding }> {
  if (!ctx.actor) throw new SignInRequired();
  const out = await load(ctx, id);
  if (!canEvent(ctx.actor, 'event.manage', out.s, out.e, ctx.now)) throw new NotFoundError();
  return out;
}

const requireActor = (ctx: ServiceCtx): CurrentUser => {
  if (!ctx.actor) throw new SignInRequired();
  return ctx.actor;
};

// ---------- input ----------

/** The instants of a form's dates and times, each a real calendar date, in order; errors per field. */
export function instantsOf(v: EventInput): { startsAt: Date; endsAt: Date; registrationOpensAt: Date; registrationClosesAt: Date } {
  const errors: FieldErrors = {};
  const at = (d: string, t: string, dateField: string, timeField: string) => {
    const r = zonedToUtc(d, t, v.timeZone);
    if (!r) {
      if (zonedToUtc(d, '00:00', v.timeZone) === null) errors[dateField] = 'events.error.date';
      else errors[timeField] = 'events.error.time';
    }
    return r;
  };
  const startsAt = at(v.startDate, v.startTime, 'startDate', 'startTime');
  const endsAt = at(v.endDate, v.endTime, 'endDate', 'endTime');
  const opens = at(v.registrationOpensDate, v.registrationOpensTime, 'registrationOpensDate', 'registrationOpensTime');
  const closes = at(v.registrationClosesDate, v.registrationClosesTime, 'registrationClosesDate', 'registrationClosesTime');
  if (startsAt && endsAt && endsAt <= startsAt) errors.endDate = 'events.error.endBeforeStart';
  if (opens && closes && closes <= opens) errors.registrationClosesDate = 'events.error.closesBeforeOpens';
  if (closes && endsAt && closes > endsAt) errors.registrationClosesDate ??= 'events.error.closesAfterEnd';
  if (v.format !== 'online' && !v.place) errors.place = 'events.error.placeRequired';
  if (v.format !== 'onsite' && !v.meetingUrl) errors.meetingUrl = 'events.error.meetingUrlRequired';
  if (Object.keys(errors).length || !startsAt || !endsAt || !opens || !closes) throw new ValidationError(errors);
  return { startsAt, endsAt, registrationOpensAt: opens, registrationClosesAt: closes };
}

/** Parses an event's fields: zod's limits, then the calendar and the order of the dates (all errors at once). */
type EventFields = Omit<repo.EventValues, 'networkId' | 'programmeId' | 'organiserId'>;
function parseEvent(input: unknown): EventFields {
  let v: EventInput | null = null;
  let errors: FieldErrors = {};
  try {
    v = mustParse(eventInput, input);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    errors = e.fields;
  }
  // A date of the right shape that the calendar does not have (2027-02-30) is named with the other errors.
  const raw = (input ?? {}) as Record<string, unknown>;
  for (const f of ['startDate', 'endDate', 'registrationOpensDate', 'registrationClosesDate'])
    if (!errors[f] && typeof raw[f] === 'string' && !isCalendarDate(String(raw[f]).trim())) errors[f] = 'events.error.date';
  if (!v || Object.keys(errors).length) throw new ValidationError(errors);
  const at = instantsOf(v);
  return {
    format: v.format,
    title: v.title,
    description: v.description,
    lang: v.lang,
    themes: [...new Set(v.themes)],
    languages: [...new Set(v.languages)],
    timeZone: v.timeZone,
    place: v.format === 'online' ? null : (v.place ?? null),
    meetingUrl: v.format === 'onsite' ? null : (v.meetingUrl ?? null),
    capacity: v.capacity,
    question: v.question ?? null,
    ...at,
  };
}

/** An event's fields as its form shows them (local dates and times in its zone). */
export function formValuesOf(e: repo.EventRow): Record<string, unknown> {
  const s = utcToZoned(e.startsAt, e.timeZone);
  const en = utcToZoned(e.endsAt, e.timeZone);
  const o = utcToZoned(e.registrationOpensAt, e.timeZone);
  const cl = utcToZoned(e.registrationClosesAt, e.timeZone);
  return {
    format: e.format,
    title: e.title,
    description: e.description,
    lang: e.lang,
    themes: e.themes,
    languages: e.languages,
    timeZone: e.timeZone,
    startDate: s.date,
    startTime: s.time,
    endDate: en.date,
    endTime: en.time,
    registrationOpensDate: o.date,
    registrationOpensTime: o.time,
    registrationClosesDate: cl.date,
    registrationClosesTime: cl.time,
    place: e.place ?? '',
    meetingUrl: e.meetingUrl ?? '',
    capacity: String(e.capacity),
    question: e.question ?? '',
  };
}

// ---------- organisers ----------

export type EventOwner = { network: NetworkFacts | null; programme: { id: string; name: string } | null };

/** Where a new event would belong, for its organiser only (a network they coordinate; a programme for the secretariat). */
export async function ownerFor(ctx: ServiceCtx, raw: Record<string, unknown>): Promise<EventOwner> {
  const actor = requireActor(ctx);
  const o = ownerInput.safeParse(raw);
  if (!o.success) throw new NotFoundError();
  if (o.data.network) {
    const n = await networkFactsBySlug(ctx.db, o.data.network);
    if (!n || !(await canCoordinate(ctx, n.id))) throw new NotFoundError();
    return { network: n, programme: null };
  }
  if (!isStaff(actor)) throw new NotFoundError();
  const programmes = await listProgrammes(ctx);
  const p = o.data.programmeId ? programmes.find((x) => x.id === o.data.programmeId) : undefined;
  if (o.data.programmeId && !p) throw new NotFoundError();
  return { network: null, programme: p ? { id: p.id, name: p.name } : null };
}

/** What the organiser may plan events for: the networks they coordinate, and the programmes for the secretariat. */
export async function organiserChoices(ctx: ServiceCtx): Promise<{ networks: NetworkFacts[]; programmes: { id: string; name: string }[] }> {
  if (!ctx.actor) return { networks: [], programmes: [] };
  const networks = await networksCoordinatedBy(ctx);
  const programmes = isStaff(ctx.actor) ? (await listProgrammes(ctx)).map((p) => ({ id: p.id, name: p.name })) : [];
  return { networks, programmes };
}

/** A new event, `proposed` (a draft the organiser publishes). Outcomes: `{ id }`; NotFoundError; ValidationError. */
export async function createEvent(ctx: ServiceCtx, owner: Record<string, unknown>, input: Record<string, unknown>): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const o = await ownerFor(ctx, owner);
  const v = parseEvent(input);
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertEvent(tx, { ...v, networkId: o.network?.id ?? null, programmeId: o.programme?.id ?? null, organiserId: actor.id }, ctx.now);
    await audit(tx, ctx.now, { actorId: actor.id, action: 'events.created', objectType: 'event', objectId: id, ip: ctx.ip });
    return { id };
  });
}

/** The event's edit form (organisers only). */
export async function editForm(ctx: ServiceCtx, id: string): Promise<{ event: EventView; values: Record<string, unknown> }> {
  const { e, s } = await loadManaged(ctx, id);
  return { event: await view(ctx, e, s), values: formValuesOf(e) };
}

/**
 * Saves the organiser's changes. A published event's SEQUENCE rises and the registered are mailed
 * the change with the calendar file; a larger capacity confirms the first waitlisted.
 */
export async function updateEvent(ctx: ServiceCtx, env: EventsEnv, id: string, input: Record<string, unknown>): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const { e: before } = await loadManaged(ctx, id);
  if (before.state === 'cancelled') throw new ValidationError({ _form: 'events.error.cancelled' });
  const v = parseEvent(input);
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockEvent(tx, before.id);
    if (!locked) throw new NotFoundError();
    const published = locked.state === 'published';
    const e = (await repo.updateEvent(tx, locked.id, v, ctx.now, published))!;
    await audit(tx, ctx.now, { actorId: actor.id, action: 'events.updated', objectType: 'event', objectId: e.id, ip: ctx.ip });
    if (!published) return;
    const promoted = await fillSeats(tx, e);
    await notify(tx, ctx.now, await repo.registeredIds(tx, e.id), 'events.changed', (t) => ({
      subject: t('events.mail.changedSubject', { title: e.title }),
      body: t('events.mail.changedBody', { title: e.title, when: fmtInZone(e.startsAt, e.timeZone, t('events.meta.lang')), link: mailLink(`/events/${e.id}`) }),
      attachments: [icsAttachment(env, e, t)],
    }));
    await mailPromoted(tx, env, ctx.now, e, promoted);
  });
  return { id };
}

export async function publishEvent(ctx: ServiceCtx, id: string): Promise<{ ok: true } | { ok: false; reason: 'not_proposed' }> {
  const actor = requireActor(ctx);
  const { e } = await loadManaged(ctx, id);
  if (e.state !== 'proposed') return { ok: false, reason: 'not_proposed' };
  // A draft made from a proposal has no link or place yet: the organiser completes it first.
  const missing: FieldErrors = {};
  if (e.format !== 'online' && !e.place) missing.place = 'events.error.placeRequired';
  if (e.format !== 'onsite' && !e.meetingUrl) missing.meetingUrl = 'events.error.meetingUrlRequired';
  if (Object.keys(missing).length) throw new ValidationError(missing);
  await ctx.db.transaction(async (tx) => {
    await repo.updateEvent(tx, e.id, { state: 'published' }, ctx.now, false);
    await audit(tx, ctx.now, { actorId: actor.id, action: 'events.published', objectType: 'event', objectId: e.id, ip: ctx.ip });
    await emit(tx, ctx.now, 'events.published', { eventId: e.id, networkId: e.networkId, programmeId: e.programmeId });
  });
  return { ok: true };
}

/** Cancels the event: SEQUENCE rises, STATUS:CANCELLED in calendars, the registered are mailed. */
export async function cancelEvent(ctx: ServiceCtx, env: EventsEnv, id: string): Promise<{ ok: true } | { ok: false; reason: 'already_cancelled' }> {
  const actor = requireActor(ctx);
  const { e: found } = await loadManaged(ctx, id);
  if (found.state === 'cancelled') return { ok: false, reason: 'already_cancelled' };
  await ctx.db.transaction(async (tx) => {
    const e = (await repo.updateEvent(tx, found.id, { state: 'cancelled' }, ctx.now, true))!;
    await audit(tx, ctx.now, { actorId: actor.id, action: 'events.cancelled', objectType: 'event', objectId: e.id, ip: ctx.ip });
    await emit(tx, ctx.now, 'events.cancelled', { eventId: e.id, networkId: e.networkId, programmeId: e.programmeId });
    await notify(tx, ctx.now, await repo.registeredIds(tx, e.id), 'events.cancelled', (t) => ({
      subject: t('events.mail.cancelledSubject', { title: e.title }),
      body: t('events.mail.cancelledBody', { title: e.title, when: fmtInZone(e.startsAt, e.timeZone, t('events.meta.lang')), link: mailLink(`/events/${e.id}`) }),
      attachments: [icsAttachment(env, e, t)],
    }));
  });
  return { ok: true };
}

// ---------- registrations ----------

export type RegisterOutcome = { ok: true; registrationId: string; state: 'confirmed' | 'waitlisted' } | { ok: false; reason: 'closed' | 'already_registered' | 'not_participant' };

/**
 * Registers the actor: confirmed while seats remain, else waitlisted in order of arrival. The
 * event's row is locked for the transaction, so parallel registrations count seats one at a time.
 */
export async function register(ctx: ServiceCtx, env: EventsEnv, id: string, input: Record<string, unknown>): Promise<RegisterOutcome> {
  const actor = requireActor(ctx);
  const { e: found, s } = await load(ctx, id);
  if (!s.participates) return { ok: false, reason: 'not_participant' };
  const v = mustParse(registrationInput, input);
  return ctx.db.transaction(async (tx): Promise<RegisterOutcome> => {
    const e = await repo.lockEvent(tx, found.id);
    if (!e || !registrationOpen(e, ctx.now)) return { ok: false, reason: 'closed' };
    if (await repo.liveRegistration(tx, e.id, actor.id)) return { ok: false, reason: 'already_registered' };
    const state = (await repo.confirmedCount(tx, e.id)) < e.capacity ? 'confirmed' : 'waitlisted';
    const registrationId = await repo.insertRegistration(tx, { eventId: e.id, userId: actor.id, state, answer: e.question ? (v.answer ?? null) : null, now: ctx.now });
    if (state === 'confirmed') await mailConfirmed(tx, env, ctx.now, e, [actor.id], 'events.confirmed');
    else
      await notify(tx, ctx.now, [actor.id], 'events.waitlisted', (t) => ({
        subject: t('events.mail.waitlistedSubject', { title: e.title }),
        body: t('events.mail.waitlistedBody', { title: e.title, link: mailLink(`/events/${e.id}`) }),
      }));
    return { ok: true, registrationId, state };
  });
}

/** Cancels the actor's registration; a freed seat goes to the first waitlisted, who is mailed. */
export async function unregister(ctx: ServiceCtx, env: EventsEnv, id: string): Promise<{ ok: true } | { ok: false; reason: 'not_registered' }> {
  const actor = requireActor(ctx);
  const { e: found } = await load(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const e = await repo.lockEvent(tx, found.id);
    const r = e ? await repo.liveRegistration(tx, e.id, actor.id) : null;
    if (!e || !r || ctx.now >= e.endsAt) return { ok: false as const, reason: 'not_registered' as const };
    await repo.cancelRegistration(tx, r.id, ctx.now);
    if (e.state === 'published' && r.state === 'confirmed') await mailPromoted(tx, env, ctx.now, e, await fillSeats(tx, e));
    return { ok: true as const };
  });
}

/** Confirms waitlisted registrations, first come first served, while seats remain (in the caller's transaction, event row locked). */
async function fillSeats(tx: DbOrTx, e: repo.EventRow): Promise<string[]> {
  const free = e.capacity - (await repo.confirmedCount(tx, e.id));
  const next = await repo.firstWaitlisted(tx, e.id, free);
  await repo.confirm(tx, next.map((r) => r.id));
  return next.map((r) => r.userId);
}

async function mailPromoted(tx: DbOrTx, env: EventsEnv, now: Date, e: repo.EventRow, userIds: string[]): Promise<void> {
  if (userIds.length) await mailConfirmed(tx, env, now, e, userIds, 'events.promoted');
}

async function mailConfirmed(tx: DbOrTx, env: EventsEnv, now: Date, e: repo.EventRow, userIds: string[], kind: 'events.confirmed' | 'events.promoted'): Promise<void> {
  await notify(tx, now, userIds, kind, (t) => ({
    subject: kind === 'events.promoted' ? t('events.mail.promotedSubject', { title: e.title }) : t('events.mail.confirmedSubject', { title: e.title }),
    body: t('events.mail.confirmedBody', { title: e.title, when: fmtInZone(e.startsAt, e.timeZone, t('events.meta.lang')), link: mailLink(`/events/${e.id}`) }),
    attachments: [icsAttachment(env, e, t)],
  }));
}

/** Mails the confirmed registrants of events starting within 24 hours, once per event (the `jobs` entry). */
export async function sendReminders(db: DbOrTx, env: EventsEnv, now: Date): Promise<number> {
  let sent = 0;
  for (const e of await repo.dueReminders(db, now, new Date(now.getTime() + REMINDER_LEAD_MS))) {
    await db.transaction(async (tx) => {
      if (!(await repo.claimReminder(tx, e.id, now))) return;
      sent += await notify(tx, now, await repo.registeredIds(tx, e.id, true), 'events.reminder', (t) => ({
        subject: t('events.mail.reminderSubject', { title: e.title }),
        body: t('events.mail.reminderBody', { title: e.title, when: fmtInZone(e.startsAt, e.timeZone, t('events.meta.lang')), link: mailLink(`/events/${e.id}`) }),
        attachments: [icsAttachment(env, e, t)],
      }));
    });
  }
  return sent;
}

// ---------- reading ----------

export type EventCardView = {
  id: string;
  network: { slug: string; name: LocalizedText } | null;
  programmeId: string | null;
  format: 'online' | 'onsite' | 'hybrid';
  title: LocalizedText;
  themes: string[];
  languages: string[];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  state: 'proposed' | 'published' | 'cancelled';
};

export type EventView = EventCardView & {
  description: LocalizedText;
  question: string | null;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  sequence: number;
  report: string | null;
  standing: EventStanding;
  abilities: Record<'manage' | 'register' | 'unregister' | 'seeReport', boolean>;
  registrationOpen: boolean;
  /** Only for a confirmed registrant from 30 minutes before the start until the end (and the organisers). */
  meetingUrl: string | null;
  isPast: boolean;
};

const nameOf = (n: NetworkFacts, locale: Locale): LocalizedText => {
  const l = localized(n.name, locale, 'en');
  return { text: l.text, lang: l.lang };
};

function card(e: repo.EventRow, counts: { confirmed: number; waitlisted: number }, networks: Map<string, NetworkFacts>, locale: Locale): EventCardView {
  const n = e.networkId ? networks.get(e.networkId) : undefined;
  return {
    id: e.id,
    network: n ? { slug: n.slug, name: nameOf(n, locale) } : null,
    programmeId: e.programmeId,
    format: e.format as EventCardView['format'],
    title: { text: e.title, lang: e.lang },
    themes: e.themes,
    languages: e.languages,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    place: e.place,
    capacity: e.capacity,
    confirmed: counts.confirmed,
    waitlisted: counts.waitlisted,
    state: e.state as EventCardView['state'],
  };
}

async function view(ctx: ServiceCtx, e: repo.EventRow, s: EventStanding): Promise<EventView> {
  const n = e.networkId ? await networkFacts(ctx.db, e.networkId) : null;
  const counts = (await repo.countsOf(ctx.db, [e.id])).get(e.id) ?? { confirmed: 0, waitlisted: 0 };
  const c = card(e, counts, new Map(n ? [[n.id, n]] : []), ctx.locale);
  const seeLink = canEvent(ctx.actor, 'event.seeLink', s, e, ctx.now);
  return {
    ...c,
    description: { text: e.description, lang: e.lang },
    question: e.question,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    sequence: e.sequence,
    report: canEvent(ctx.actor, 'event.seeReport', s, e, ctx.now) ? e.report : null,
    standing: s,
    abilities: {
      manage: canEvent(ctx.actor, 'event.manage', s, e, ctx.now),
      register: canEvent(ctx.actor, 'event.register', s, e, ctx.now),
      unregister: canEvent(ctx.actor, 'event.unregister', s, e, ctx.now),
      seeReport: canEvent(ctx.actor, 'event.seeReport', s, e, ctx.now),
    },
    registrationOpen: registrationOpen(e, ctx.now),
    meetingUrl: seeLink || (s.manages && e.state !== 'cancelled') ? e.meetingUrl : null,
    isPast: ctx.now >= e.endsAt,
  };
}

export async function getEvent(ctx: ServiceCtx, id: string): Promise<EventView & { documents: { id: string; label: string; size: number }[] }> {
  const { e, s } = await load(ctx, id);
  const v = await view(ctx, e, s);
  const documents = v.abilities.seeReport ? (await repo.documentsOf(ctx.db, e.id)).map((d) => ({ id: d.id, label: d.label, size: d.size })) : [];
  return { ...v, documents };
}

export type ManageView = { event: EventView; registrants: repo.RegistrantRow[]; documents: { id: string; label: string; size: number }[] };

/** The organiser's page: registrations (with answers), attendance, report and documents. */
export async function manageEvent(ctx: ServiceCtx, id: string): Promise<ManageView> {
  const { e, s } = await loadManaged(ctx, id);
  return {
    event: await view(ctx, e, s),
    registrants: await repo.registrantsOf(ctx.db, e.id),
    documents: (await repo.documentsOf(ctx.db, e.id)).map((d) => ({ id: d.id, label: d.label, size: d.size })),
  };
}

export type EventList = { items: EventCardView[]; query: ListQuery; networks: NetworkFacts[]; drafts: EventCardView[]; choices: { networks: NetworkFacts[]; programmes: { id: string; name: string }[] } };

/** Published and cancelled events, filtered in SQL; an organiser also sees their drafts. */
export async function listEvents(ctx: ServiceCtx, raw: Record<string, unknown>): Promise<EventList> {
  const p = listQuery.safeParse(raw);
  const query: ListQuery = p.success ? p.data : {};
  const networks = await networkOptions(ctx.db);
  const byId = new Map(networks.map((n) => [n.id, n]));
  const networkId = query.network ? networks.find((n) => n.slug === query.network)?.id : undefined;
  if (query.network && !networkId) return { items: [], query, networks, drafts: [], choices: await organiserChoices(ctx) };
  const list = await repo.listEvents(ctx.db, { ...query, networkId, now: ctx.now, states: ['published', 'cancelled'] });
  const choices = await organiserChoices(ctx);
  const drafts = await repo.draftsOf(
    ctx.db,
    choices.networks.map((n) => n.id),
    isStaff(ctx.actor),
  );
  return {
    items: list.map((e) => card(e, e, byId, ctx.locale)),
    query,
    networks,
    drafts: drafts.map((e) => card(e, { confirmed: 0, waitlisted: 0 }, byId, ctx.locale)),
    choices,
  };
}

/** The next `limit` published events (the front page's list): their registration counts, and the networks only when one of them has a network. */
export async function upcomingEvents(ctx: ServiceCtx, limit: number): Promise<EventCardView[]> {
  const list = await repo.listEvents(ctx.db, { when: 'upcoming', now: ctx.now, states: ['published'], limit });
  const byId = list.some((e) => e.networkId) ? new Map((await networkOptions(ctx.db)).map((n) => [n.id, n])) : new Map<string, NetworkFacts>();
  return list.map((e) => card(e, e, byId, ctx.locale));
}

/** A network's upcoming published events (the network page's section). */
export async function upcomingOfNetwork(ctx: ServiceCtx, networkId: string): Promise<{ items: EventCardView[]; canPlan: boolean; slug: string | null }> {
  const n = await networkFacts(ctx.db, networkId);
  if (!n) return { items: [], canPlan: false, slug: null };
  const list = await repo.listEvents(ctx.db, { networkId, when: 'upcoming', now: ctx.now, states: ['published'], limit: 10 });
  return { items: list.map((e) => card(e, e, new Map([[n.id, n]]), ctx.locale)), canPlan: await canCoordinate(ctx, networkId), slug: n.slug };
}

// ---------- calendars ----------

function eventUrl(env: EventsEnv, locale: string, id: string): string {
  return `${env.baseUrl.replace(/\/$/, '')}${href(locale as Locale, `/events/${id}`)}`;
}

/** One event in a calendar: a stable UID, SEQUENCE, the page's address, never the meeting link. */
function addToCalendar(cal: ReturnType<typeof ical>, env: EventsEnv, e: repo.EventRow, t: T): void {
  cal.createEvent({
    id: `${e.id}@peerlink`,
    sequence: e.sequence,
    start: e.startsAt,
    end: e.endsAt,
    stamp: e.updatedAt,
    lastModified: e.updatedAt,
    created: e.createdAt,
    summary: e.title,
    description: `${e.description}\n\n${eventUrl(env, t('events.meta.lang'), e.id)}`,
    location: e.format === 'online' ? t('events.format.online') : (e.place ?? null),
    url: eventUrl(env, t('events.meta.lang'), e.id),
    status: e.state === 'cancelled' ? ICalEventStatus.CANCELLED : e.state === 'published' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
  });
}

export function calendarText(env: EventsEnv, list: repo.EventRow[], t: T, name: string): string {
  const cal = ical({ name, prodId: { company: 'Peerlink', product: 'events', language: t('events.meta.lang').toUpperCase() } });
  for (const e of list) addToCalendar(cal, env, e, t);
  return cal.toString();
}

function icsAttachment(env: EventsEnv, e: repo.EventRow, t: T): MailAttachment {
  return { filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendarText(env, [e], t, e.title) };
}

/** The calendar of published and cancelled events (all, or a network's), from 90 days back. */
export async function calendarOf(ctx: ServiceCtx, env: EventsEnv, t: T, networkSlug?: string): Promise<string> {
  let networkId: string | undefined;
  let name = t('events.calendar.name');
  if (networkSlug !== undefined) {
    const n = await networkFactsBySlug(ctx.db, networkSlug);
    if (!n) throw new NotFoundError();
    networkId = n.id;
    name = `${nameOf(n, ctx.locale).text} — ${name}`;
  }
  const since = new Date(ctx.now.getTime() - 90 * 86400_000);
  const list = await repo.listEvents(ctx.db, { networkId, now: since, when: 'upcoming', states: ['published', 'cancelled'], limit: 500 });
  return calendarText(env, list, t, name);
}

/** One event's calendar file (public for a published or cancelled event). */
export async function eventCalendar(ctx: ServiceCtx, env: EventsEnv, t: T, id: string): Promise<string> {
  const { e } = await load(ctx, id);
  return calendarText(env, [e], t, e.title);
}

// ---------- afterwards ----------

/** The organiser records who attended (the confirmed registrations ticked). */
export async function recordAttendance(ctx: ServiceCtx, id: string, attendedIds: string[]): Promise<void> {
  const actor = requireActor(ctx);
  const { e } = await loadManaged(ctx, id);
  if (ctx.now < e.startsAt) throw new ValidationError({ attended: 'events.error.notStarted' });
  await ctx.db.transaction(async (tx) => {
    await repo.setAttendance(tx, e.id, new Set(attendedIds.filter(isUuid)));
    await audit(tx, ctx.now, { actorId: actor.id, action: 'events.attendance', objectType: 'event', objectId: e.id, ip: ctx.ip });
  });
}

export async function saveReport(ctx: ServiceCtx, id: string, input: Record<string, unknown>): Promise<void> {
  const { e } = await loadManaged(ctx, id);
  const v = mustParse(reportInput, input);
  await repo.updateEvent(ctx.db, e.id, { report: v.report || null }, ctx.now, false);
}

/** A document of the report, with the files module's checks (size, quota, type). */
export async function addDocument(ctx: ServiceCtx, env: FilesEnv, id: string, u: Upload): Promise<{ ok: true; id: string } | { ok: false; reason: Rejection }> {
  const actor = requireActor(ctx);
  const { e } = await loadManaged(ctx, id);
  if (u.bytes.length > MAX_BYTES.request_attachment) return { ok: false, reason: 'too_large' };
  const used = (await storedBytesOf(ctx.db, actor.id)) + (await repo.documentBytesOf(ctx.db, actor.id));
  if (used + u.bytes.length > QUOTA_BYTES) return { ok: false, reason: 'quota' };
  const checked = await inspect(u);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const storageName = writeBytes(env, u.bytes);
  try {
    const docId = await repo.insertDocument(ctx.db, { eventId: e.id, uploadedBy: actor.id, label: labelOf(u.name), mime: checked.mime, size: u.bytes.length, storageName, createdAt: ctx.now });
    return { ok: true, id: docId };
  } catch (err) {
    removeBytes(env, storageName);
    throw err;
  }
}

export async function openDocument(ctx: ServiceCtx, env: FilesEnv, id: string, docId: string): Promise<{ label: string; mime: string; bytes: Buffer }> {
  const { e, s } = await load(ctx, id);
  if (!canEvent(ctx.actor, 'event.seeReport', s, e, ctx.now) || !isUuid(docId)) throw new NotFoundError();
  const d = await repo.documentById(ctx.db, e.id, docId);
  if (!d) throw new NotFoundError();
  return { label: d.label, mime: d.mime, bytes: readBytes(env, d.storageName) };
}

/** A good-practice draft prefilled from the event and its report (knowledge decides who may write one). */
export async function draftGoodPractice(ctx: ServiceCtx, id: string, t: T): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const { e } = await loadManaged(ctx, id);
  const counts = (await repo.countsOf(ctx.db, [e.id])).get(e.id) ?? { confirmed: 0, waitlisted: 0 };
  const attended = (await repo.registrantsOf(ctx.db, e.id)).filter((r) => r.attended).length;
  const out = await createDraft(ctx, {
    lang: e.lang,
    title: e.title.slice(0, 200),
    summary: t('events.goodPractice.summary', { title: e.title, date: utcToZoned(e.startsAt, e.timeZone).date, count: attended || counts.confirmed }).slice(0, 1500),
    problem: e.description.slice(0, 6000),
    solution: (e.report ?? '').slice(0, 6000),
    themes: e.themes,
    formats: [e.format === 'onsite' ? 'roundtable' : 'virtual_exchange'],
  });
  await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'events.draftGoodPractice', objectType: 'event', objectId: e.id, ip: ctx.ip });
  return out;
}

// ---------- for the networks' event proposals ----------

/**
 * An accepted event proposal becomes a `proposed` event of the network, organised by the
 * coordinator who accepted it, to be completed (dates, link or place) and published.
 */
export async function draftFromProposal(db: DbOrTx, now: Date, p: { networkId: string; kind: string; title: string; description: string; lang: string; acceptedBy: string }): Promise<string | null> {
  if (p.kind !== 'event') return null;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 30, 12));
  return repo.insertEvent(
    db,
    {
      networkId: p.networkId,
      programmeId: null,
      organiserId: p.acceptedBy,
      format: 'online',
      title: p.title.slice(0, 200),
      description: p.description.slice(0, 8000),
      lang: ['en', 'fr', 'es', 'pt', 'ar'].includes(p.lang) ? p.lang : 'en',
      themes: [],
      languages: [p.lang],
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3600_000),
      timeZone: 'UTC',
      place: null,
      meetingUrl: null,
      capacity: 30,
      registrationOpensAt: now,
      registrationClosesAt: start,
      question: null,
    },
    now,
  );
}

// ---------- personal data ----------

export async function exportPersonalData(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  return { eventRegistrations: await repo.registrationsOfUser(db, userId) };
}

export async function erasePersonalData(tx: DbOrTx, userId: string): Promise<void> {
  await repo.eraseRegistrations(tx, userId);
}

/** Events the signed-in person is confirmed at that start within a day, for "Waiting on you" (the manifest's `waiting` hook). */
export async function waitingInEvents(ctx: ServiceCtx): Promise<WaitingItem[]> {
  if (!ctx.actor) return [];
  const until = new Date(ctx.now.getTime() + 86400_000);
  return (await repo.confirmedStartingBetween(ctx.db, ctx.actor.id, ctx.now, until)).map((e) => ({ kind: 'eventTomorrow', title: e.title, lang: e.lang, link: `/events/${e.id}`, due: new Date(e.starts_at), module: 'events' }));
}
