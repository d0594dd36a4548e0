/** Personal data: the notice and consent gate, "download my data", erasure, retention. */
import { defineModule } from '../../platform/module.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { consentGate } from './privacy.service.ts';
import { runRetention } from './privacy.retention.ts';

export default defineModule({
  name: 'privacy',
  pages: privacyRoutes,
  // Confidential member data waits for consent to the current privacy notice (SECURITY.md 31).
  middleware: consentGate,
  // Retention (SECURITY.md 34): warnings 30 and 7 days ahead, then deletion; expired exports, tokens and old CVs purged.
  jobs: [
    {
      name: 'retention',
      everyMs: 15 * 60_000,
      run: ({ db, now, config }) => runRetention(db, now, { dataDir: config.dataDir, inactiveMonths: config.retentionInactiveMonths, cvMonths: config.retentionCvMonths }),
    },
  ],
});
