/**
 * The demo's discussions: per regional network (MENA, Southeast Europe, Sub-Saharan Africa) an
 * answered consultation (closed with its summary) and an open discussion, written by the networks'
 * demo members and coordinators in the languages of the region (Arabic, French, English), on the
 * fields the Connective Cities dialogue events worked on (seeds/003: sustainable mobility, flood
 * risk protection, financing tools). Idempotent: a network that has topics is left alone.
 */
import type { Db } from '../../platform/db.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import { networkFactsBySlug } from '../networks/networks.service.ts';
import * as repo from './discussions.repository.ts';
import { sanitizeRich } from './discussions.sanitize.ts';

type DemoPost = { by: string; lang: string; body: string; daysAgo: number };
type DemoTopic = {
  network: string;
  kind: 'discussion' | 'consultation';
  title: string;
  lang: string;
  by: string;
  daysAgo: number;
  context?: string;
  tried?: string;
  body: string;
  replies: DemoPost[];
  /** Index of the reply marked as the answer, and the asker's summary: an answered consultation. */
  answer?: number;
  summary?: string;
};

const E = (who: string) => `${who}@demo.peerlink.localhost`;

const TOPICS: DemoTopic[] = [
  {
    network: 'mena',
    kind: 'consultation',
    title: 'الحماية من مخاطر الفيضانات في الأحياء المبنية على مجاري الأودية',
    lang: 'ar',
    by: E('coordinator.mena'),
    daysAgo: 40,
    context: 'مدينة ساحلية متوسطة الحجم، نحو 300 ألف نسمة. بُنيت أحياء كاملة خلال العشرين سنة الماضية على مجاري أودية جافة معظم السنة. في الشتاء الماضي غمرت سيول مفاجئة ثلاثة أحياء خلال ساعتين.',
    tried: 'نظّفنا قنوات تصريف مياه الأمطار قبل الشتاء، وركّبنا صفارات إنذار في حيّين، لكن السكان لم يعرفوا ماذا يفعلون عند سماعها.',
    body: 'كيف نظّمت بلديات أخرى الإنذار المبكر مع السكان، ومن يتولى التنسيق بين البلدية والحماية المدنية ومصلحة الأرصاد؟',
    replies: [
      {
        by: E('expert'),
        lang: 'en',
        daysAgo: 37,
        body: 'In our municipality the warning only started to work once each street had a named volunteer who knew the evacuation route and had practised it once a year with the civil protection. A siren alone tells people that something is wrong, not what to do. We also put the coordination in one small standing group (municipality, civil protection, met office) that meets before every rainy season.',
      },
      { by: E('coordinator.mena'), lang: 'ar', daysAgo: 35, body: 'شكرًا، فكرة المتطوع المسمّى لكل شارع عملية جدًا. سنجرّبها في الحيّين اللذين فيهما صفارات.' },
    ],
    answer: 0,
    summary: 'الخلاصة: الإنذار وحده لا يكفي؛ يلزم متطوع مسمّى لكل شارع يعرف مسار الإخلاء ويتدرّب عليه سنويًا مع الحماية المدنية، ومجموعة تنسيق دائمة صغيرة تجتمع قبل كل موسم أمطار.',
  },
  {
    network: 'mena',
    kind: 'discussion',
    title: 'Mobilité urbaine durable : qui a réservé des voies aux bus sans fâcher les commerçants ?',
    lang: 'fr',
    by: E('coordinator.mena'),
    daysAgo: 6,
    body: 'Plusieurs villes du réseau préparent des couloirs de bus. Partagez ce qui a marché pour associer les commerçants des rues concernées avant les travaux.',
    replies: [{ by: E('expert'), lang: 'en', daysAgo: 4, body: 'We counted how customers actually arrived (on foot, by bus, by car) together with the shop owners. The figures changed the debate: most customers did not come by car.' }],
  },
  {
    network: 'ssa',
    kind: 'consultation',
    title: 'Financing tools for waste collection in fast-growing neighbourhoods',
    lang: 'en',
    by: E('requester'),
    daysAgo: 30,
    context: 'Agona West, Ghana. Waste collection covers the old town; the new neighbourhoods at the edge grow by several hundred households a year and are not served. The assembly’s budget for sanitation is fixed.',
    tried: 'A flat monthly fee collected door to door by the assembly: fewer than a third of households paid after six months.',
    body: 'Which financing tools have worked elsewhere to extend collection to new neighbourhoods without raising the assembly’s budget?',
    replies: [
      {
        by: E('approver'),
        lang: 'en',
        daysAgo: 27,
        body: 'Two tools worked in neighbouring assemblies: franchising zones to small private collectors who bill households directly (the assembly sets the tariff and checks the service), and adding a small sanitation levy to the property rate, which people already pay. The franchise needs a clear contract and monthly checks, or the collectors leave the poorer streets.',
      },
    ],
    answer: 0,
    summary: 'Franchise zones to small private collectors with a tariff the assembly sets and checks monthly, and a small sanitation levy on the property rate; a flat fee collected door to door does not hold.',
  },
  {
    network: 'ssa',
    kind: 'discussion',
    title: 'Journées d’échange virtuelles : quels thèmes pour le premier semestre ?',
    lang: 'fr',
    by: E('approver'),
    daysAgo: 3,
    body: 'Proposez ici les thèmes que vous aimeriez traiter lors des prochaines journées d’échange virtuelles du réseau (financement municipal, gestion des déchets, approvisionnement en eau…).',
    replies: [{ by: E('requester'), lang: 'en', daysAgo: 2, body: 'Water supply in peri-urban areas, please: metering and unpaid bills.' }],
  },
  {
    network: 'see',
    kind: 'consultation',
    title: 'Sustainable mobility: introducing paid parking in a historic centre',
    lang: 'en',
    by: E('orgadmin'),
    daysAgo: 25,
    context: 'A town of 200,000 with a historic centre where parking is free and the streets are full of cars from early morning.',
    tried: 'Time limits with parking discs: hardly enforced, so hardly respected.',
    body: 'How did other towns introduce paid parking in the centre, and what did they do with the income?',
    replies: [
      {
        by: E('expert'),
        lang: 'en',
        daysAgo: 22,
        body: 'We introduced it in stages, street by street, and announced beforehand that all income would go to buses and pavements in the same district. Residents got cheap permits. Enforcement by municipal staff from the first day was what made it work.',
      },
    ],
    answer: 0,
    summary: 'Introduce paid parking in stages, with cheap resident permits, enforcement from the first day, and the income visibly spent on buses and pavements in the same district.',
  },
  {
    network: 'see',
    kind: 'discussion',
    title: 'Energy renovation of municipal buildings: who used energy performance contracts?',
    lang: 'en',
    by: E('coordinator.see'),
    daysAgo: 5,
    body: 'Several members plan to renovate schools and town halls. Has anyone used an energy performance contract (the contractor is paid from the savings)? What would you do differently?',
    replies: [],
  },
];

export async function seedDiscussionsDemo(db: Db, { now }: { now: Date }): Promise<{ discussionTopics?: number; discussionPosts?: number }> {
  const day = 86400_000;
  const at = (d: number) => new Date(now.getTime() - d * day);
  let topics = 0;
  let posts = 0;
  const done = new Set<string>();
  for (const d of TOPICS) {
    const n = await networkFactsBySlug(db, d.network);
    const author = (await findUserByEmail(db, d.by))?.id;
    if (!n || !author) continue;
    if (!done.has(n.id) && (await repo.topicsOf(db, n.id, { viewerId: null, coordinates: true, limit: 1 })).length) continue;
    done.add(n.id);
    const last = d.replies.length ? Math.min(...d.replies.map((r) => r.daysAgo)) : d.daysAgo;
    const topicId = await repo.insertTopic(db, { networkId: n.id, kind: d.kind, title: d.title, lang: d.lang, authorId: author, createdAt: at(d.daysAgo), lastPostAt: at(last) });
    await repo.insertPost(db, {
      topicId,
      networkId: n.id,
      authorId: author,
      isOpening: true,
      body: sanitizeRich(d.body),
      context: d.context ? sanitizeRich(d.context) : null,
      tried: d.tried ? sanitizeRich(d.tried) : null,
      lang: d.lang,
      state: 'published',
      approvedAt: at(d.daysAgo),
      createdAt: at(d.daysAgo),
    });
    topics++;
    posts++;
    const ids: string[] = [];
    for (const r of d.replies) {
      const u = (await findUserByEmail(db, r.by))?.id;
      if (!u) continue;
      const p = await repo.insertPost(db, { topicId, networkId: n.id, authorId: u, body: sanitizeRich(r.body), lang: r.lang, state: 'published', approvedAt: at(r.daysAgo), createdAt: at(r.daysAgo) });
      ids.push(p.id);
      posts++;
    }
    if (d.answer !== undefined && ids[d.answer]) {
      await repo.setAnswer(db, topicId, ids[d.answer]!);
      await repo.insertHelped(db, ids[d.answer]!, author, at(d.daysAgo - 2));
    }
    if (d.summary) await repo.closeTopic(db, topicId, { summary: d.summary, summaryLang: d.lang, by: author, at: at(Math.max(0, last - 1)) });
  }
  return topics ? { discussionTopics: topics, discussionPosts: posts } : {};
}
