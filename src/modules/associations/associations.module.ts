/**
 * Associations of local governments (issue 13): their member organisations, the exchanges of their
 * members in summary, and the lessons briefs they send; named on their members' exchanges.
 */
import { html } from 'hono/html';
import { defineModule } from '../../platform/module.ts';
import { associationsRoutes } from './associations.routes.ts';
import { associationsApiRoutes } from './associations.api.ts';
import { associationsOf, erasePersonalData, exportPersonalData, sendBriefs } from './associations.service.ts';
import { briefPdf } from './associations.pdf.ts';
import { seedAssociationsDemo } from './associations.demo.ts';

export default defineModule({
  name: 'associations',
  pages: associationsRoutes,
  api: associationsApiRoutes,
  // After the exchanges' demo (evaluations seeds the held exchange at 70).
  demo: { order: 72, run: (db, { now }) => seedAssociationsDemo(db, { now }) },
  personalData: { export: exportPersonalData, erase: erasePersonalData },
  // The briefs' mail, a few at a time; claimed rows, so safe on several processes.
  jobs: [{ name: 'associations.briefs', everyMs: 10_000, atStart: true, run: ({ db, now, mailer, config, log }) => sendBriefs({ db, now, mailer, baseUrl: config.baseUrl, log, pdf: briefPdf }) }],
  // The exchange's page names the associations its organisations belong to.
  slots: {
    'exchanges.page': async (c, { organisationIds }: { organisationIds: string[] }) => {
      const list = await associationsOf(c.var.ctx.db, organisationIds);
      if (!list.length) return html``;
      const t = c.get('t');
      return html`<p class="meta">${t('associations.named', { count: list.length })} ${list.map((a, i) => html`${i ? ', ' : ''}<bdi>${a.name}</bdi>`)}</p>`;
    },
  },
});
