/** Labels the brief's page and PDF share, from this module's own catalogue (no other module's views). */
import type { T } from '../../platform/i18n.ts';

export const exchangeStateLabel = (t: T, s: string): string =>
  ({ planned: t('associations.state.planned'), agreed: t('associations.state.agreed'), held: t('associations.state.held'), evaluated: t('associations.state.evaluated'), closed: t('associations.state.closed') })[s] ?? s;

export const stageLabel = (t: T, s: string): string =>
  ({ before: t('associations.stage.before'), during: t('associations.stage.during'), after: t('associations.stage.after'), m3: t('associations.stage.m3'), m6: t('associations.stage.m6'), m12: t('associations.stage.m12') })[s] ?? s;

export const sideName = (t: T, s: string): string => (s === 'host' ? t('associations.side.host') : t('associations.side.peer'));
