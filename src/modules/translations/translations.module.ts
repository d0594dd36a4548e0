/** Machine translation of what people write: asked for when read, made in the background, shown labelled. */
import { defineModule } from '../../platform/module.ts';
import { expireTranslations, translatePending } from './translations.service.ts';
import { translationsRoutes } from './translations.routes.ts';

export default defineModule({
  name: 'translations',
  pages: translationsRoutes,
  jobs: [
    { name: 'translations', everyMs: 3_000, atStart: true, run: ({ db, now, config, log }) => translatePending({ db, now, config, log }) },
    { name: 'translations-expiry', everyMs: 24 * 3_600_000, run: ({ db, now }) => expireTranslations(db, now) },
  ],
});
