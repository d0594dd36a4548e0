/** The front page (what Peerlink is and how it works, what is open now) and "Waiting on you". */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';
import { page } from '../../platform/render.ts';
import { requireUser } from '../../platform/forms.ts';
import { homeFacts, waitingOnMe } from './home.service.ts';
import { homeBody, waitingBody } from './home.views.ts';

export function homeRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const t = c.get('t');
    return page(c, { title: t('home.title'), nav: 'home', body: homeBody(c, await homeFacts(c.var.ctx)) });
  });
  r.get('/me/waiting', async (c) => {
    requireUser(c);
    const t = c.get('t');
    return page(c, { title: t('home.waiting.heading'), nav: 'waiting', body: waitingBody(c, await waitingOnMe(c.var.ctx)) });
  });
  return r;
}
