/**
 * The demo's networks: Connective Cities' regional networks in MENA, Southeast Europe and Sub-Saharan
 * Africa (texts from the concept for the regional networks, seeds/002), their coordinators (the demo
 * coordinator coordinates SSA; demo coordinators for MENA and SEE are added through accounts.service),
 * a few members, a pending request and a proposal. Idempotent: a network whose slug exists is left alone.
 */
import type { Db } from '../../platform/db.ts';
import type { NetworkText } from '../../db/schema/networks.ts';
import { createAccount, findUserByEmail } from '../accounts/accounts.service.ts';
import * as repo from './networks.repository.ts';

const PURPOSE_TAIL: NetworkText = {
  en: 'A channel of cooperation and exchange for urban practitioners and other relevant actors, in which local and regional challenges and project ideas are discussed and jointly developed with peers. Members learn from good practices, continue peer-to-peer consultation beyond the learning processes, and shape the network’s programme of virtual and on-site activities.',
  fr: 'Un canal de coopération et d’échange pour les praticiens urbains et les autres acteurs concernés, où les défis locaux et régionaux et les idées de projets sont discutés et développés avec des pairs. Les membres apprennent des bonnes pratiques, poursuivent la consultation entre pairs au-delà des processus d’apprentissage et façonnent le programme d’activités virtuelles et sur place du réseau.',
  es: 'Un canal de cooperación e intercambio para profesionales urbanos y otros actores relevantes, en el que los retos locales y regionales y las ideas de proyecto se debaten y desarrollan junto con pares. Los miembros aprenden de buenas prácticas, continúan la consulta entre pares más allá de los procesos de aprendizaje y dan forma al programa de actividades virtuales y presenciales de la red.',
  pt: 'Um canal de cooperação e intercâmbio para profissionais urbanos e outros atores relevantes, no qual desafios locais e regionais e ideias de projetos são debatidos e desenvolvidos em conjunto com pares. Os membros aprendem com boas práticas, continuam a consulta entre pares para além dos processos de aprendizagem e moldam o programa de atividades virtuais e presenciais da rede.',
  ar: 'قناة للتعاون والتبادل بين الممارسين الحضريين وسائر الجهات المعنية، تُناقَش فيها التحديات المحلية والإقليمية وأفكار المشاريع وتُطوَّر مع الأقران. يتعلم الأعضاء من الممارسات الجيدة، ويواصلون التشاور بين الأقران بعد انتهاء عمليات التعلم، ويسهمون في تشكيل برنامج الشبكة من الأنشطة الافتراضية والحضورية.',
};

const GUIDELINES: NetworkText = {
  en: 'With the declaration of membership and the confirmation of these guidelines, members confirm their willingness to advise urban actors and to engage in exchange. Peer-to-peer advice takes place as a joint learning experience and without fee. Members commit themselves to collegial interaction. They can use the network’s offers for exchange and capacity development, help shape its programme and initiate events or discussions themselves. Members do not pay a membership fee.',
  fr: 'Par la déclaration d’adhésion et la confirmation de ces lignes directrices, les membres confirment leur volonté de conseiller les acteurs urbains et de participer aux échanges. Le conseil entre pairs se fait dans l’esprit d’un apprentissage commun et sans rémunération. Les membres s’engagent à des relations collégiales. Ils peuvent utiliser les offres d’échange et de renforcement des capacités du réseau, contribuer à son programme et initier eux-mêmes des événements ou des discussions. Les membres ne paient pas de cotisation.',
  es: 'Con la declaración de membresía y la confirmación de estas pautas, los miembros confirman su disposición a asesorar a actores urbanos y a participar en el intercambio. El asesoramiento entre pares se realiza como una experiencia de aprendizaje conjunto y sin honorarios. Los miembros se comprometen a un trato colegial. Pueden usar las ofertas de intercambio y desarrollo de capacidades de la red, ayudar a dar forma a su programa e iniciar ellos mismos eventos o debates. Los miembros no pagan cuota.',
  pt: 'Com a declaração de adesão e a confirmação destas diretrizes, os membros confirmam a sua disponibilidade para aconselhar atores urbanos e participar no intercâmbio. O aconselhamento entre pares é feito como uma experiência de aprendizagem conjunta e sem remuneração. Os membros comprometem-se com uma interação colegial. Podem usar as ofertas de intercâmbio e desenvolvimento de capacidades da rede, ajudar a moldar o seu programa e iniciar eles próprios eventos ou debates. Os membros não pagam quota.',
  ar: 'بإعلان العضوية وتأكيد هذه المبادئ التوجيهية، يؤكد الأعضاء استعدادهم لتقديم المشورة للجهات الحضرية والمشاركة في التبادل. تُقدَّم المشورة بين الأقران بروح التعلم المشترك ودون مقابل. يلتزم الأعضاء بالتعامل الزمالي. ويمكنهم الاستفادة من عروض الشبكة للتبادل وتنمية القدرات، والمساهمة في تشكيل برنامجها، والمبادرة بتنظيم فعاليات أو نقاشات بأنفسهم. لا يدفع الأعضاء أي رسوم عضوية.',
};

const CONFIDENTIALITY: NetworkText = {
  en: 'Members handle the data of participants in the regional network confidentially: names, contact details and what colleagues share in events and consultations are used only within the network and for its purpose, and are not passed on. Members agree to the European General Data Protection Regulation.',
  fr: 'Les membres traitent de manière confidentielle les données des participants au réseau régional : les noms, les coordonnées et ce que les collègues partagent lors des événements et des consultations ne sont utilisés qu’au sein du réseau et pour son objet, et ne sont pas transmis. Les membres acceptent le Règlement général européen sur la protection des données.',
  es: 'Los miembros tratan de forma confidencial los datos de los participantes de la red regional: los nombres, los datos de contacto y lo que los colegas comparten en eventos y consultas se usan solo dentro de la red y para su fin, y no se transmiten. Los miembros aceptan el Reglamento General de Protección de Datos europeo.',
  pt: 'Os membros tratam de forma confidencial os dados dos participantes da rede regional: nomes, contactos e o que os colegas partilham em eventos e consultas são usados apenas dentro da rede e para o seu fim, e não são transmitidos. Os membros aceitam o Regulamento Geral sobre a Proteção de Dados europeu.',
  ar: 'يتعامل الأعضاء بسرية مع بيانات المشاركين في الشبكة الإقليمية: تُستخدم الأسماء وبيانات الاتصال وما يشاركه الزملاء في الفعاليات والمشاورات داخل الشبكة ولغرضها فقط، ولا تُنقل إلى الغير. ويوافق الأعضاء على اللائحة الأوروبية العامة لحماية البيانات.',
};

type DemoNetwork = { slug: string; name: NetworkText; lead: NetworkText; regions: string[]; themes: string[]; joinPolicy: 'open' | 'moderated' };

const NETWORKS: DemoNetwork[] = [
  {
    slug: 'ssa',
    name: { en: 'Sub-Saharan Africa network', fr: 'Réseau Afrique subsaharienne', es: 'Red África subsahariana', pt: 'Rede África Subsariana', ar: 'شبكة أفريقيا جنوب الصحراء' },
    lead: {
      en: 'The Connective Cities regional network of urban practitioners in Sub-Saharan Africa.',
      fr: 'Le réseau régional Connective Cities des praticiens urbains d’Afrique subsaharienne.',
      es: 'La red regional de Connective Cities de profesionales urbanos de África subsahariana.',
      pt: 'A rede regional Connective Cities de profissionais urbanos da África Subsariana.',
      ar: 'الشبكة الإقليمية لمبادرة Connective Cities للممارسين الحضريين في أفريقيا جنوب الصحراء.',
    },
    regions: ['ssa'],
    themes: ['waste_management', 'water_supply', 'municipal_finance', 'local_economic_development'],
    joinPolicy: 'moderated',
  },
  {
    slug: 'mena',
    name: { en: 'MENA network', fr: 'Réseau MENA', es: 'Red MENA', pt: 'Rede MENA', ar: 'شبكة الشرق الأوسط وشمال أفريقيا' },
    lead: {
      en: 'The Connective Cities regional network of urban practitioners in the Middle East and North Africa.',
      fr: 'Le réseau régional Connective Cities des praticiens urbains du Moyen-Orient et d’Afrique du Nord.',
      es: 'La red regional de Connective Cities de profesionales urbanos de Oriente Medio y el Norte de África.',
      pt: 'A rede regional Connective Cities de profissionais urbanos do Médio Oriente e Norte de África.',
      ar: 'الشبكة الإقليمية لمبادرة Connective Cities للممارسين الحضريين في الشرق الأوسط وشمال أفريقيا.',
    },
    regions: ['mena'],
    themes: ['water_supply', 'urban_planning', 'climate_adaptation', 'citizen_participation'],
    joinPolicy: 'moderated',
  },
  {
    slug: 'see',
    name: { en: 'Southeast Europe network', fr: 'Réseau Europe du Sud-Est', es: 'Red Europa Sudoriental', pt: 'Rede Europa do Sudeste', ar: 'شبكة جنوب شرق أوروبا' },
    lead: {
      en: 'The Connective Cities regional network of urban practitioners in Southeast Europe.',
      fr: 'Le réseau régional Connective Cities des praticiens urbains d’Europe du Sud-Est.',
      es: 'La red regional de Connective Cities de profesionales urbanos de Europa Sudoriental.',
      pt: 'A rede regional Connective Cities de profissionais urbanos da Europa do Sudeste.',
      ar: 'الشبكة الإقليمية لمبادرة Connective Cities للممارسين الحضريين في جنوب شرق أوروبا.',
    },
    regions: ['see'],
    themes: ['energy', 'mobility', 'digital_government', 'local_economic_development'],
    joinPolicy: 'open',
  },
];

/**
 * The coordinators of MENA and SEE and the overall coordinator of the regional networks. The accounts
 * seed (accounts.demo.ts, which runs first) makes them with the demo password; they are created here,
 * without a password, only if that seed did not run.
 */
export const NETWORK_DEMO_ACCOUNTS = [
  { email: 'coordinator.mena@demo.peerlink.localhost', name: 'Layla Haddad', network: 'mena', locale: 'ar' as const },
  { email: 'coordinator.see@demo.peerlink.localhost', name: 'Jelena Petrović', network: 'see', locale: 'en' as const },
  { email: 'networks@demo.peerlink.localhost', name: 'Franka Lindner', network: null, locale: 'en' as const },
];

const join = (a: NetworkText, b: NetworkText): NetworkText => Object.fromEntries(Object.keys(a).map((k) => [k, `${a[k]} ${b[k] ?? ''}`.trim()]));

export async function seedNetworksDemo(db: Db, { now }: { now: Date }): Promise<{ networks?: number; networkMembers?: number }> {
  let created = 0;
  let members = 0;
  const userId = async (email: string) => (await findUserByEmail(db, email))?.id ?? null;
  for (const a of NETWORK_DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, a.email)) continue;
    await createAccount(db, { email: a.email, name: a.name, roles: ['coordinator'], coordinatorRegions: a.network ? [a.network] : [], locale: a.locale, verified: true, now, isDemo: true });
  }
  const ids: Record<string, string> = {};
  for (const n of NETWORKS) {
    if (await repo.networkBySlug(db, n.slug)) continue;
    const id = await repo.insertNetwork(db, { slug: n.slug, name: n.name, purpose: join(n.lead, PURPOSE_TAIL), regions: n.regions, themes: n.themes, joinPolicy: n.joinPolicy, guidelines: GUIDELINES, confidentiality: CONFIDENTIALITY, now });
    if (id) {
      ids[n.slug] = id;
      created++;
    }
  }
  // Nothing new: nothing to report (a second run of the demo changes and reports nothing).
  if (!created) return {};
  const coord = async (slug: string | null, email: string) => {
    const u = await userId(email);
    if (u && (slug === null || ids[slug])) await repo.insertCoordinator(db, slug ? ids[slug]! : null, u, now);
  };
  await coord('ssa', 'coordinator@demo.peerlink.localhost');
  for (const a of NETWORK_DEMO_ACCOUNTS) await coord(a.network, a.email);

  const day = 86400_000;
  const member = async (slug: string, email: string, v: { category: string; themes: string[]; languages: string[]; state: 'active' | 'pending'; daysAgo: number }) => {
    const u = await userId(email);
    const networkId = ids[slug];
    if (!u || !networkId) return null;
    const at = new Date(now.getTime() - v.daysAgo * day);
    const m = await repo.insertMembership(db, { networkId, userId: u, category: v.category, themes: v.themes, languages: v.languages, advisesWithoutFee: true, state: v.state, createdAt: at, ...(v.state === 'active' ? { decidedAt: at } : {}) });
    if (m) {
      await repo.insertAcceptance(db, networkId, u, 1, at);
      members++;
    }
    return u;
  };
  const kwame = await member('ssa', 'approver@demo.peerlink.localhost', { category: 'practitioner', themes: ['waste_management', 'municipal_finance'], languages: ['en', 'fr'], state: 'active', daysAgo: 60 });
  const george = await member('ssa', 'requester@demo.peerlink.localhost', { category: 'practitioner', themes: ['water_supply'], languages: ['en'], state: 'active', daysAgo: 12 });
  await member('ssa', 'association@demo.peerlink.localhost', { category: 'association', themes: ['decentralisation'], languages: ['en', 'fr'], state: 'pending', daysAgo: 2 });
  await member('see', 'expert@demo.peerlink.localhost', { category: 'practitioner', themes: ['energy', 'digital_government'], languages: ['en'], state: 'active', daysAgo: 40 });
  await member('see', 'orgadmin@demo.peerlink.localhost', { category: 'association', themes: ['mobility'], languages: ['en'], state: 'active', daysAgo: 20 });
  await member('mena', 'expert@demo.peerlink.localhost', { category: 'research', themes: ['water_supply'], languages: ['en'], state: 'active', daysAgo: 30 });

  if (kwame && ids.ssa) {
    const p = await repo.insertProposal(db, {
      networkId: ids.ssa,
      authorId: kwame,
      kind: 'event',
      title: 'Dialogue event: financing municipal waste collection',
      description: 'A virtual dialogue event of 20–30 practitioners on how cities finance waste collection (fees, tariffs, public–private arrangements). Each participant brings a good practice or a challenge from their city.',
      lang: 'en',
      now: new Date(now.getTime() - 5 * day),
    });
    if (george) await repo.insertSupport(db, p, george, new Date(now.getTime() - 4 * day));
  }
  return { networks: created, networkMembers: members };
}
