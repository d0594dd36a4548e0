/**
 * The demo's newsletters: an archived (sent) issue per regional network, written by its coordinator
 * (the SSA one in English and French, the MENA one in Arabic and English, the SEE one in English),
 * and two confirmed subscribers without an account on the SSA list. Nothing is mailed. Idempotent:
 * a network that has an issue is left alone.
 */
import type { Db } from '../../platform/db.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import { networkFactsBySlug } from '../networks/networks.service.ts';
import * as repo from './news.repository.ts';
import { CONSENT_VERSION } from './news.schema.ts';

const DAY = 86_400_000;

const ISSUES: { slug: string; author: string; lang: string; versions: { lang: string; subject: string; body: string }[] }[] = [
  {
    slug: 'ssa',
    author: 'coordinator@demo.peerlink.localhost',
    lang: 'en',
    versions: [
      {
        lang: 'en',
        subject: 'Network news: waste collection dialogue and new members',
        body: 'Dear colleagues,\n\nTwelve cities joined the network this quarter. Our next virtual dialogue event is on financing municipal waste collection: bring a good practice or a challenge from your city.\n\nThe report of the Accra dialogue event on managed landfills is now in the good-practice library.\n\nWith best regards,\nAmina Kamau, network coordinator',
      },
      {
        lang: 'fr',
        subject: 'Nouvelles du réseau : dialogue sur la collecte des déchets et nouveaux membres',
        body: 'Chères et chers collègues,\n\nDouze villes ont rejoint le réseau ce trimestre. Notre prochain dialogue virtuel porte sur le financement de la collecte municipale des déchets : apportez une bonne pratique ou un défi de votre ville.\n\nLe rapport du dialogue d’Accra sur les décharges contrôlées est maintenant dans la bibliothèque des bonnes pratiques.\n\nBien cordialement,\nAmina Kamau, coordinatrice du réseau',
      },
    ],
  },
  {
    slug: 'mena',
    author: 'coordinator.mena@demo.peerlink.localhost',
    lang: 'ar',
    versions: [
      { lang: 'ar', subject: 'أخبار الشبكة: إدارة المياه في المدن', body: 'الزملاء الأعزاء،\n\nنلتقي هذا الشهر لتبادل الخبرات حول إدارة المياه في المدن. شاركونا تجارب مدنكم وأسئلتكم.\n\nمع أطيب التحيات،\nليلى حداد، منسقة الشبكة' },
      { lang: 'en', subject: 'Network news: urban water management', body: 'Dear colleagues,\n\nThis month we meet to exchange experience on urban water management. Share your cities’ practices and questions.\n\nBest regards,\nLayla Haddad, network coordinator' },
    ],
  },
  {
    slug: 'see',
    author: 'coordinator.see@demo.peerlink.localhost',
    lang: 'en',
    versions: [{ lang: 'en', subject: 'Network news: local economic development peer visits', body: 'Dear colleagues,\n\nThree peer visits on local economic development are planned for spring. Members who wish to host a visit can tell the coordinator.\n\nBest regards,\nJelena Petrović, network coordinator' }],
  },
];

const SUBSCRIBERS = [
  { email: 'reader.ssa@demo.peerlink.localhost', locale: 'fr' },
  { email: 'journalist@demo.peerlink.localhost', locale: 'en' },
];

export async function seedNewsDemo(db: Db, { now }: { now: Date }): Promise<{ newsIssues?: number; newsSubscribers?: number }> {
  let issues = 0;
  let subscribers = 0;
  await db.transaction(async (tx) => {
    for (const d of ISSUES) {
      const n = await networkFactsBySlug(tx, d.slug);
      const author = await findUserByEmail(tx, d.author);
      if (!n || !author) continue;
      if ((await repo.issuesOf(tx, { kind: 'network', id: n.id }, { drafts: true, limit: 1 })).length) continue;
      const sentAt = new Date(now.getTime() - 14 * DAY);
      const id = await repo.insertIssue(tx, { networkId: n.id, programmeId: null, authorId: author.id, lang: d.lang, now: new Date(sentAt.getTime() - DAY) });
      await repo.setVersions(tx, id, d.lang, d.versions, sentAt);
      await repo.markIssue(tx, id, { state: 'sent', recipientCount: 0, sentAt, now: sentAt });
      issues++;
    }
    const ssa = await networkFactsBySlug(tx, 'ssa');
    if (!ssa) return;
    for (const s of SUBSCRIBERS) {
      if (await repo.subscriberByEmail(tx, s.email)) continue;
      const row = await repo.ensureSubscriber(tx, s.email, s.locale, now);
      await repo.confirmSubscriber(tx, row.id, { locale: s.locale, consentVersion: CONSENT_VERSION, now });
      await repo.addSubscriptions(tx, row.id, [{ kind: 'network', id: ssa.id }], now);
      subscribers++;
    }
  });
  // Only what it added (a second run reports nothing, as the other seeds).
  return { ...(issues ? { newsIssues: issues } : {}), ...(subscribers ? { newsSubscribers: subscribers } : {}) };
}
