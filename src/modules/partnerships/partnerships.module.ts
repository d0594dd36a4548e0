/**
 * Partnerships (issue 13): first-class partnerships of two or more organisations whatever their
 * origin, organisations open to cooperation, and direct cooperation requests outside programme
 * rounds. Exchanges held or closed between partners link into a partnership's history through the
 * exchanges' domain events; exchanges asks this module's service to propose a partnership and to
 * count partnerships on its dashboard. Draws on the organisation's page, the directory and the
 * approach advisor through their slots.
 */
import { defineModule } from '../../platform/module.ts';
import { partnershipsRoutes } from './partnerships.routes.ts';
import { partnershipsApiRoutes } from './partnerships.api.ts';
import { seedPartnershipsDemo } from './partnerships.demo.ts';
import { erasePersonalData, exportPersonalData, personalFiles, linkExchange, organisationSection, openOrganisations, isOpenOnPage } from './partnerships.service.ts';
import { organisationSectionView, openList, openBadge } from './partnerships.views.ts';

export default defineModule({
  name: 'partnerships',
  pages: partnershipsRoutes,
  api: partnershipsApiRoutes,
  // After the organisations (their demo directory) and before the requests.
  demo: { order: 25, run: (db, { now }) => seedPartnershipsDemo(db, { now }) },
  personalData: { export: exportPersonalData, files: personalFiles, erase: erasePersonalData },
  on: {
    'exchanges.held': async (e, { db, now }) => void (await linkExchange(db, now, e.exchangeId, 'exchange_held')),
    'exchanges.closed': async (e, { db, now }) => void (await linkExchange(db, now, e.exchangeId, 'exchange_closed')),
  },
  slots: {
    'organisations.page': async (c, { organisationId }) => organisationSectionView(c, await organisationSection(c.var.ctx, organisationId)),
    'organisations.directory': async (c, { theme }) => openList(c, await openOrganisations(c.var.ctx, theme, 5), theme, 'partnerships.open.inDirectory'),
    'organisations.card': async (c, { organisationId, pageIds }) => ((await isOpenOnPage(c.var.ctx, c.req.raw, organisationId, pageIds)) ? openBadge(c) : null),
    'knowledge.advisor': async (c, { theme }) => openList(c, await openOrganisations(c.var.ctx, theme, 5), theme, 'partnerships.open.inAdvisor'),
  },
});
