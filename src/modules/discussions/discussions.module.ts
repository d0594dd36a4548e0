/**
 * Discussions and peer consultation in the networks (issue 12): topics (discussions, and
 * consultations routed to the right colleagues by the matching engine), replies, the answer, "this
 * helped", summaries, coordinators' moderation, watching. For members who accepted the network's
 * current guidelines and its coordinators only (behind the consent to the privacy notice): the
 * network page tells others that members discuss there. See discussions.service.ts.
 */
import { defineModule } from '../../platform/module.ts';
import { discussionsRoutes } from './discussions.routes.ts';
import { discussionsApiRoutes } from './discussions.api.ts';
import { seedDiscussionsDemo } from './discussions.demo.ts';
import { erasePersonalData, expireReplyTokens, exportPersonalData, recentTopics, waitingInDiscussions } from './discussions.service.ts';
import { inboundMail } from './discussions.inbound.ts';
import { networkSection } from './discussions.views.ts';
import { networkFacts } from '../networks/networks.service.ts';

export default defineModule({
  name: 'discussions',
  pages: discussionsRoutes,
  api: discussionsApiRoutes,
  // Consultations a person was invited to answer, for "Waiting on you" (home).
  waiting: waitingInDiscussions,
  // After the networks (their members write the demo's topics).
  demo: { order: 47, run: (db, { now }) => seedDiscussionsDemo(db, { now }) },
  personalData: { export: exportPersonalData, erase: erasePersonalData },
  // Replies by e-mail to the Reply-To of discussion mails (platform/inbound-mail.ts).
  inboundMail,
  jobs: [{ name: 'discussions.replyTokens', everyMs: 6 * 3600_000, run: ({ db, now }) => expireReplyTokens(db, now) }],
  slots: {
    'networks.page': async (c, { networkId }) => {
      const n = await networkFacts(c.var.ctx.db, networkId);
      return n ? networkSection(c, n.slug, await recentTopics(c.var.ctx, networkId)) : null;
    },
  },
});
