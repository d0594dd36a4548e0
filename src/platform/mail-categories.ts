/**
 * What kind of mail a message is, for the person's preferences: every `notify(…, kind, …)` belongs
 * to one category, by the module prefix of its kind (`discussions.post` → networks) or, for the
 * older kinds without one, by the table below. Account mail (verification, password reset,
 * retention warnings) is no category: the person asked for it, it always goes at once.
 * A test greps every kind the platform sends and checks it has a category.
 */
export const MAIL_CATEGORIES = ['requests', 'exchanges', 'networks', 'events', 'news'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

export const MAIL_MODES = ['immediate', 'daily', 'weekly', 'off'] as const;
export type MailMode = (typeof MAIL_MODES)[number];

/** Defaults: one's own requests, calls, exchanges and events at once; the networks' talk daily; newsletters weekly. */
export const DEFAULT_MODES: Readonly<Record<MailCategory, MailMode>> = { requests: 'immediate', exchanges: 'immediate', networks: 'daily', events: 'immediate', news: 'weekly' };

const BY_PREFIX: Readonly<Record<string, MailCategory>> = {
  requests: 'requests',
  calls: 'requests',
  matching: 'requests',
  exchanges: 'exchanges',
  evaluations: 'exchanges',
  partnerships: 'exchanges',
  associations: 'exchanges',
  networks: 'networks',
  discussions: 'networks',
  moderation: 'networks',
  events: 'events',
  news: 'news',
};

/** Kinds older than the prefix convention. */
const BY_KIND: Readonly<Record<string, MailCategory>> = {
  endorsement_needed: 'requests',
  endorsed: 'requests',
  submitted: 'requests',
  submitted_broker: 'requests',
  ineligible: 'requests',
  review_opened: 'requests',
  decision: 'requests',
  call_published: 'requests',
  call_fits: 'requests',
  new_offer: 'requests',
  offer_message: 'requests',
  offer_withdrawn: 'requests',
  match_invitation: 'requests',
  match_proposed: 'requests',
  match_declined: 'requests',
  match_confirmed: 'requests',
  exchange_planned: 'exchanges',
  exchange_tor: 'exchanges',
  exchange_tor_agreed: 'exchanges',
  exchange_message: 'exchanges',
  partnership_proposed: 'exchanges',
  partnership_invited: 'exchanges',
  cooperation_request: 'requests',
  cooperation_answer: 'requests',
  evaluation_sent: 'exchanges',
  evaluation_reminder: 'exchanges',
  moderation_hidden: 'networks',
};

/**
 * Messages of the networks' category addressed to one person about their own standing or asking them
 * to act (a reply to their own topic or consultation, an invitation to answer one, their membership
 * decided, a post waiting for their approval as coordinator, their reply chosen): they come at once
 * unless the person turned the category off. Digests are for the traffic (posts in watched topics, new guidelines).
 */
const PERSONAL_KINDS = new Set([
  'discussions.reply',
  'discussions.invitation',
  'discussions.answer',
  'discussions.pending',
  'networks.pending',
  'networks.approved',
  'networks.declined',
  'networks.named',
  'networks.proposalAccepted',
  'networks.proposalDeclined',
  'moderation_hidden',
]);

/** The mode a message of `kind` is sent in, given the person's mode for its category. */
export function modeForKind(kind: string, categoryMode: MailMode): MailMode {
  return PERSONAL_KINDS.has(kind) && categoryMode !== 'off' ? 'immediate' : categoryMode;
}

/** Account mail: asked for by the person, always sent at once, never in a digest. */
const ACCOUNT_KINDS = new Set(['retention_warning']);
export const isAccountKind = (kind: string): boolean => kind.startsWith('accounts.') || ACCOUNT_KINDS.has(kind);

/** The category of a mail kind; undefined for account mail and for a kind nobody declared (sent at once). */
export function categoryOf(kind: string): MailCategory | undefined {
  if (isAccountKind(kind)) return undefined;
  return BY_KIND[kind] ?? BY_PREFIX[kind.split('.')[0]!];
}

export const isMailMode = (v: unknown): v is MailMode => typeof v === 'string' && (MAIL_MODES as readonly string[]).includes(v);
