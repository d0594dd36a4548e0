/** "Waiting on you" as JSON under /api/v1: the same items as the page, for the signed-in person. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http.ts';
import { requireUser } from '../../platform/forms.ts';
import { declareOperations } from '../../platform/openapi.ts';
import { waitingOnMe } from './home.service.ts';

const waitingAnswer = z.object({
  items: z.array(
    z.object({
      kind: z.string().describe('What waits: draftToFinish, requestToEndorse, requestToScore, offersToAnswer, matchToConfirm, torToSign, …'),
      module: z.string(),
      title: z.string(),
      lang: z.string().nullable().describe('The language the title is written in, when known'),
      path: z.string().describe('The page to act on, without the language prefix'),
      due: z.string().nullable().describe('The deadline (ISO 8601), when there is one'),
    }),
  ),
});

export const homeOperations = declareOperations('home', [
  { method: 'get', path: '/me/waiting', operationId: 'listWaitingOnMe', summary: 'What waits on the caller across modules (drafts, endorsements, reviews, offers, matches, terms of reference…), soonest deadline first', auth: 'required', response: waitingAnswer },
]);

export function homeApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/me/waiting', async (c) => {
    requireUser(c);
    const items = await waitingOnMe(c.var.ctx);
    return c.json({ items: items.map((i) => ({ kind: i.kind, module: i.module, title: i.title, lang: i.lang ?? null, path: i.link, due: i.due ? i.due.toISOString() : null })) });
  });
  return r;
}
