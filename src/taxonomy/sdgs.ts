/** The 17 Sustainable Development Goals, with their official short names. Codes are the numbers 1–17. */
import type { Labels } from './labels.ts';

export type Sdg = { number: number; labels: Labels };

const g = (number: number, en: string, fr: string, es: string, pt: string, ar: string): Sdg => Object.freeze({ number, labels: Object.freeze({ en, fr, es, pt, ar }) });

export const SDGS: readonly Sdg[] = Object.freeze([
  g(1, 'No poverty', 'Pas de pauvreté', 'Fin de la pobreza', 'Erradicar a pobreza', 'القضاء على الفقر'),
  g(2, 'Zero hunger', 'Faim « zéro »', 'Hambre cero', 'Erradicar a fome', 'القضاء التام على الجوع'),
  g(3, 'Good health and well-being', 'Bonne santé et bien-être', 'Salud y bienestar', 'Saúde de qualidade', 'الصحة الجيدة والرفاه'),
  g(4, 'Quality education', 'Éducation de qualité', 'Educación de calidad', 'Educação de qualidade', 'التعليم الجيد'),
  g(5, 'Gender equality', 'Égalité entre les sexes', 'Igualdad de género', 'Igualdade de género', 'المساواة بين الجنسين'),
  g(6, 'Clean water and sanitation', 'Eau propre et assainissement', 'Agua limpia y saneamiento', 'Água potável e saneamento', 'المياه النظيفة والنظافة الصحية'),
  g(7, 'Affordable and clean energy', "Énergie propre et d'un coût abordable", 'Energía asequible y no contaminante', 'Energias renováveis e acessíveis', 'طاقة نظيفة وبأسعار معقولة'),
  g(8, 'Decent work and economic growth', 'Travail décent et croissance économique', 'Trabajo decente y crecimiento económico', 'Trabalho digno e crescimento económico', 'العمل اللائق ونمو الاقتصاد'),
  g(9, 'Industry, innovation and infrastructure', 'Industrie, innovation et infrastructure', 'Industria, innovación e infraestructura', 'Indústria, inovação e infraestruturas', 'الصناعة والابتكار والهياكل الأساسية'),
  g(10, 'Reduced inequalities', 'Inégalités réduites', 'Reducción de las desigualdades', 'Reduzir as desigualdades', 'الحد من أوجه عدم المساواة'),
  g(11, 'Sustainable cities and communities', 'Villes et communautés durables', 'Ciudades y comunidades sostenibles', 'Cidades e comunidades sustentáveis', 'مدن ومجتمعات محلية مستدامة'),
  g(12, 'Responsible consumption and production', 'Consommation et production responsables', 'Producción y consumo responsables', 'Produção e consumo sustentáveis', 'الاستهلاك والإنتاج المسؤولان'),
  g(13, 'Climate action', 'Mesures relatives à la lutte contre les changements climatiques', 'Acción por el clima', 'Ação climática', 'العمل المناخي'),
  g(14, 'Life below water', 'Vie aquatique', 'Vida submarina', 'Proteger a vida marinha', 'الحياة تحت الماء'),
  g(15, 'Life on land', 'Vie terrestre', 'Vida de ecosistemas terrestres', 'Proteger a vida terrestre', 'الحياة في البر'),
  g(16, 'Peace, justice and strong institutions', 'Paix, justice et institutions efficaces', 'Paz, justicia e instituciones sólidas', 'Paz, justiça e instituições eficazes', 'السلام والعدل والمؤسسات القوية'),
  g(17, 'Partnerships for the goals', 'Partenariats pour la réalisation des objectifs', 'Alianzas para lograr los objetivos', 'Parcerias para a implementação dos objetivos', 'عقد الشراكات لتحقيق الأهداف'),
]);

export const isSdg = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 17;
