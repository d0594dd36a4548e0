/** zod schemas of the networks module: the single statement of every limit (forms, API, OpenAPI). */
import { z } from 'zod';
import { list, optionalText } from '../../platform/validation.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { UUID } from '../../platform/ids.ts';
import { isThemeCode } from '../../taxonomy/themes.ts';
import { isLanguageCode } from '../../taxonomy/languages.ts';
import { REGION_CODES } from '../../taxonomy/regions.ts';
import { MEMBER_CATEGORIES, NETWORK_JOIN_POLICIES, PROPOSAL_KINDS } from '../../db/schema/networks.ts';

const checked = (key: string) => z.preprocess((v) => v === true || v === 'on' || v === 'true', z.literal(true, { message: key }));
const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const joinInput = z.object({
  category: z.enum(MEMBER_CATEGORIES, { message: 'networks.join.categoryRequired' }),
  organisationId: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(UUID).optional()),
  themes: list(z.string().refine(isThemeCode)).pipe(z.array(z.string()).max(20)),
  languages: list(z.string().refine(isLanguageCode)).pipe(z.array(z.string()).max(10)),
  advisesWithoutFee: flag.default(false),
  acceptGuidelines: checked('networks.join.guidelinesRequired'),
  acceptConfidentiality: checked('networks.join.confidentialityRequired'),
});
export type JoinInput = z.infer<typeof joinInput>;

export const acceptInput = z.object({
  acceptGuidelines: checked('networks.join.guidelinesRequired'),
  acceptConfidentiality: checked('networks.join.confidentialityRequired'),
});

export const decisionInput = z.object({
  decision: z.enum(['approve', 'decline']),
  reason: optionalText(1000),
});

export const proposalInput = z.object({
  kind: z.enum(PROPOSAL_KINDS, { message: 'networks.proposal.kindRequired' }),
  title: z.string().trim().min(3, 'networks.proposal.titleLength').max(200, 'networks.proposal.titleLength'),
  description: z.string().trim().min(10, 'networks.proposal.descriptionLength').max(4000, 'networks.proposal.descriptionLength'),
  lang: z.enum(LOCALES).optional(),
});

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

const texts = (max: number) => z.partialRecord(z.enum(LOCALES), z.string().trim().max(max)).transform((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v)));

export const networkInput = z.object({
  // `new` is the address of the admin's form.
  slug: z.string().trim().toLowerCase().regex(SLUG, 'networks.create.slugShape').refine((v) => v !== 'new', 'networks.create.slugTaken'),
  name: texts(120).refine((r) => Object.keys(r).length > 0, 'networks.create.nameRequired'),
  purpose: texts(4000).refine((r) => Object.keys(r).length > 0, 'networks.create.purposeRequired'),
  regions: list(z.enum(REGION_CODES)),
  themes: list(z.string().refine(isThemeCode)).pipe(z.array(z.string()).max(20)),
  joinPolicy: z.enum(NETWORK_JOIN_POLICIES),
  guidelines: texts(8000).refine((r) => Object.keys(r).length > 0, 'networks.create.guidelinesRequired'),
  confidentiality: texts(8000).refine((r) => Object.keys(r).length > 0, 'networks.create.confidentialityRequired'),
});

export const coordinatorInput = z.object({ email: z.string().trim().toLowerCase().email().max(254), overall: flag.default(false) });

export const guidelinesInput = z.object({
  lang: z.enum(LOCALES),
  guidelines: z.string().trim().min(20, 'networks.guidelines.tooShort').max(8000),
  confidentiality: z.string().trim().min(20, 'networks.guidelines.tooShort').max(8000),
});

export const institutionalInput = z.object({ email: z.string().trim().toLowerCase().email().max(254) });

// ---------- API answers ----------

const localizedText = z.object({ text: z.string(), lang: z.string() });
export const networkCard = z.object({
  id: z.string(),
  slug: z.string(),
  name: localizedText,
  purpose: localizedText,
  regions: z.array(z.string()),
  themes: z.array(z.string()),
  joinPolicy: z.enum(NETWORK_JOIN_POLICIES),
  memberCount: z.number().int(),
});
export const networkListAnswer = z.object({ items: z.array(networkCard) });
export const networkAnswer = networkCard.extend({
  guidelinesVersion: z.number().int(),
  coordinators: z.array(z.object({ name: z.string() })),
  me: z.object({ membership: z.enum(['pending', 'active']).nullable(), mustAcceptGuidelines: z.boolean(), participates: z.boolean(), coordinates: z.boolean() }),
});
export const membershipAnswer = z.object({ ok: z.literal(true), membershipId: z.string(), state: z.enum(['pending', 'active', 'declined', 'left']) });
export const memberRow = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  category: z.string(),
  organisation: z.string().nullable(),
  themes: z.array(z.string()),
  languages: z.array(z.string()),
  advisesWithoutFee: z.boolean(),
  state: z.string(),
  joinedAt: z.string(),
});
export const memberListAnswer = z.object({ items: z.array(memberRow) });

export const proposalRow = z.object({
  id: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  title: z.string(),
  description: z.string(),
  lang: z.string(),
  state: z.string(),
  reason: z.string().nullable(),
  authorName: z.string(),
  supports: z.number().int(),
  supportedByMe: z.boolean(),
  createdAt: z.string(),
});
export const proposalListAnswer = z.object({ items: z.array(proposalRow) });
export const proposalCreated = z.object({ ok: z.literal(true), id: z.string() });
