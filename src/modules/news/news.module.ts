/** The newsletter: issues of the networks and programmes in several languages, sending without doubles and resumable, subscribing without an account (double opt-in), one-click unsubscribe. */
import { defineModule } from '../../platform/module.ts';
import { newsRoutes } from './news.routes.ts';
import { newsApiRoutes } from './news.api.ts';
import { seedNewsDemo } from './news.demo.ts';
import { erasePersonalData, expireUnconfirmed, exportPersonalData, latestOfNetwork, sendDue } from './news.service.ts';
import { networkNewsSection } from './news.views.ts';

export default defineModule({
  name: 'news',
  pages: newsRoutes,
  api: newsApiRoutes,
  // After the networks and their coordinators (each network's archived issue is its coordinator's).
  demo: { order: 48, run: (db, { now }) => seedNewsDemo(db, { now }) },
  // Retention: the privacy module's job also purges confirmation links and addresses never confirmed.
  personalData: { export: exportPersonalData, erase: erasePersonalData, expire: (db, now) => expireUnconfirmed(db, now) },
  // The deliveries of issues being sent: claimed with FOR UPDATE SKIP LOCKED, so several processes share them and a crash resumes.
  jobs: [{ name: 'news.send', everyMs: 15_000, atStart: true, run: ({ db, now, config, mailer }) => sendDue(db, mailer, now, { baseUrl: config.baseUrl }) }],
  // RFC 8058: the one-click unsubscribe is POSTed by the mail provider with the mail's token alone.
  tokenPosts: [/^\/news\/unsubscribe\/[A-Za-z0-9_-]{43}$/],
  // The network page shows its latest issues and the subscribe link: drawn here, so that networks need not know news.
  slots: { 'networks.page': async (c, { networkId }) => networkNewsSection(c, await latestOfNetwork(c.var.ctx, networkId)) },
});
