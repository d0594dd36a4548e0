/** zod schemas of the discussions module: the single statement of every limit (forms, API, OpenAPI). */
import { z } from 'zod';
import { list } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { TOPIC_KINDS, WATCH_LEVELS } from '../../db/schema/discussions.ts';

const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
const rich = (min: number, max: number, key: string) => z.string().trim().min(min, key).max(max, key);
const optionalRich = (max: number, key: string) => z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().trim().max(max, key));
const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().regex(UUID).optional());

export const topicInput = z
  .object({
    kind: z.enum(TOPIC_KINDS, { message: 'discussions.form.kindRequired' }),
    title: z.string().trim().min(5, 'discussions.form.titleLength').max(200, 'discussions.form.titleLength'),
    /** A discussion's text, or a consultation's question. */
    body: rich(10, 20000, 'discussions.form.bodyLength'),
    context: optionalRich(10000, 'discussions.form.contextLength'),
    tried: optionalRich(10000, 'discussions.form.triedLength'),
    askDirectory: flag.default(false),
  })
  .superRefine((v, ctx) => {
    // A consultation is a concrete challenge: its context is part of the question.
    if (v.kind === 'consultation' && v.context.length < 10) ctx.addIssue({ code: 'custom', path: ['context'], message: 'discussions.form.contextLength' });
  });
export type TopicInput = z.infer<typeof topicInput>;

export const replyInput = z.object({ body: rich(2, 20000, 'discussions.form.replyLength'), quote: optionalId });
export const editInput = z.object({ body: rich(2, 20000, 'discussions.form.replyLength'), context: optionalRich(10000, 'discussions.form.contextLength'), tried: optionalRich(10000, 'discussions.form.triedLength') });
export const closeInput = z.object({ summary: z.string().trim().min(10, 'discussions.form.summaryLength').max(4000, 'discussions.form.summaryLength') });
export const moveInput = z.object({ networkId: z.string().regex(UUID, 'discussions.form.networkRequired') });
export const inviteInput = z.object({ userIds: list(z.string().regex(UUID)).pipe(z.array(z.string()).min(1, 'discussions.form.inviteNone').max(10, 'discussions.form.inviteNone')) });
export const watchInput = z.object({ level: z.enum(WATCH_LEVELS, { message: 'discussions.form.levelRequired' }) });

// ---------- API answers ----------

const shown = z.object({ text: z.string(), lang: z.string().nullable() });
export const topicRow = z.object({
  id: z.string(),
  kind: z.enum(TOPIC_KINDS),
  title: shown,
  state: z.enum(['open', 'closed']),
  locked: z.boolean(),
  answered: z.boolean(),
  authorName: z.string().nullable().meta({ description: 'null: a deleted account' }),
  replies: z.number().int(),
  lastPostAt: z.string(),
});
export const topicListAnswer = z.object({ items: z.array(topicRow) });
export const postRow = z.object({
  id: z.string(),
  authorName: z.string().nullable(),
  isOpening: z.boolean(),
  html: z.string().meta({ description: 'Sanitized HTML (a small allowlist), in `lang`.' }),
  context: z.string().nullable(),
  tried: z.string().nullable(),
  lang: z.string(),
  quotePostId: z.string().nullable(),
  state: z.enum(['pending', 'published']),
  isAnswer: z.boolean(),
  helped: z.number().int(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export const topicAnswer = topicRow.extend({ networkSlug: z.string(), summary: shown.nullable(), posts: z.array(postRow) });
export const postCreated = z.object({ ok: z.literal(true), id: z.string(), postId: z.string(), state: z.enum(['pending', 'published']) });
