/** The front page: what Peerlink is for, and where to start. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';

export function homeRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/', (c) => {
    const t = c.get('t');
    const user = c.get('user');
    return page(c, {
      title: t('home.title'),
      nav: 'home',
      body: html`<h1>${t('home.heading')}</h1>
<p>${t('home.intro')}</p>
<ul>
<li><a href="${link(c, '/calls-for-requests')}">${t('home.callsForRequests')}</a></li>
<li><a href="${link(c, '/calls')}">${t('home.calls')}</a></li>
<li><a href="${link(c, '/organisations')}">${t('home.findOrganisations')}</a></li>
${user ? html`<li><a href="${link(c, '/people')}">${t('home.findPeople')}</a></li><li><a href="${link(c, '/requests')}">${t('home.myRequests')}</a></li><li><a href="${link(c, '/organisations/new')}">${t('home.createOrganisation')}</a></li>` : html`<li><a href="${link(c, '/register')}">${t('home.register')}</a></li>`}
<li><a href="${link(c, '/good-practices')}">${t('home.goodPractices')}</a></li>
<li><a href="${link(c, '/cooperation-approaches')}">${t('home.approaches')}</a></li>
<li><a href="${link(c, '/funding')}">${t('home.funding')}</a></li>
<li><a href="${link(c, '/programmes')}">${t('home.programmes')}</a></li>
</ul>`,
    });
  });
  return r;
}
