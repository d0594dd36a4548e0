/**
 * Deterministic, realistic sample organisations in the interchange format, for the benchmark
 * (100,000 rows) and the tests (1,000 rows): place-like names, countries weighted towards the
 * networks' regions, working languages that fit the country, themes and offers/seeks text in
 * the language of the place.
 */
import { themeCodes } from '../../taxonomy/themes.ts';

/** mulberry32: a small seeded generator, so that every run gets the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lang = 'en' | 'fr' | 'es' | 'pt' | 'nl' | 'de' | 'ar' | 'it' | 'sv' | 'pl';
// country, weight, languages (first = the one texts are written in)
const COUNTRIES: [string, number, Lang[]][] = [
  ['BE', 6, ['nl', 'fr', 'en']], ['NL', 5, ['nl', 'en']], ['FR', 6, ['fr', 'en']], ['DE', 6, ['de', 'en']], ['ES', 5, ['es', 'en']], ['IT', 4, ['it', 'en']],
  ['SE', 2, ['sv', 'en']], ['PL', 3, ['pl', 'en']], ['PT', 2, ['pt', 'en']], ['GB', 3, ['en']], ['IS', 1, ['en']], ['GR', 2, ['en']],
  ['SN', 3, ['fr']], ['BF', 2, ['fr']], ['BJ', 2, ['fr']], ['CM', 2, ['fr', 'en']], ['GH', 3, ['en']], ['UG', 3, ['en']], ['KE', 3, ['en']], ['RW', 1, ['en', 'fr']],
  ['MZ', 2, ['pt']], ['AO', 1, ['pt']], ['GM', 1, ['en']], ['MA', 3, ['ar', 'fr']], ['TN', 2, ['ar', 'fr']], ['JO', 2, ['ar', 'en']], ['LB', 1, ['ar', 'fr']], ['EG', 2, ['ar', 'en']],
  ['RS', 1, ['en']], ['AL', 1, ['en']], ['MK', 1, ['en']], ['MD', 1, ['en']], ['KH', 1, ['en']], ['VN', 1, ['en']], ['ID', 1, ['en']], ['PH', 1, ['en']],
  ['CO', 3, ['es']], ['PE', 2, ['es']], ['BO', 1, ['es']], ['NI', 1, ['es']], ['MX', 2, ['es']], ['BR', 3, ['pt']], ['EC', 1, ['es']],
];
const TOTAL = COUNTRIES.reduce((s, c) => s + c[1], 0);

const SYLLABLES = ['ka', 'lo', 'mer', 'bo', 'san', 'ta', 'ri', 'den', 'vil', 'ga', 'na', 'kou', 'ro', 'es', 'tel', 'ma', 'dia', 'ber', 'gen', 'lu', 'zi', 'mon', 'to', 'ha', 'sel', 'wa', 'ni', 'pa', 'co', 'dor', 'an', 'el', 'ou', 'ba', 'rin', 'fa'];
const KIND_NAMES: Record<Lang, { municipality: string; region: string; association: string }> = {
  en: { municipality: 'Municipality of', region: 'District of', association: 'Association of Local Authorities of' },
  fr: { municipality: 'Commune de', region: 'Région de', association: 'Association des communes de' },
  es: { municipality: 'Municipio de', region: 'Provincia de', association: 'Asociación de municipios de' },
  pt: { municipality: 'Município de', region: 'Província de', association: 'Associação de municípios de' },
  nl: { municipality: 'Gemeente', region: 'Provincie', association: 'Vereniging van gemeenten' },
  de: { municipality: 'Stadt', region: 'Landkreis', association: 'Städteverbund' },
  ar: { municipality: 'بلدية', region: 'ولاية', association: 'جمعية بلديات' },
  it: { municipality: 'Comune di', region: 'Provincia di', association: 'Associazione dei comuni di' },
  sv: { municipality: 'Kommun', region: 'Län', association: 'Kommunförbund' },
  pl: { municipality: 'Gmina', region: 'Powiat', association: 'Związek gmin' },
};

// What a place offers or seeks, by theme, in a few languages (others fall back to English).
const PHRASES: Record<string, Partial<Record<Lang, string>>> = {
  waste_management: { en: 'solid waste collection and landfill management', fr: 'collecte des déchets solides et gestion des décharges', es: 'recolección de residuos sólidos y gestión de vertederos', pt: 'recolha de resíduos sólidos e gestão de aterros', nl: 'afvalinzameling en stortplaatsbeheer', de: 'Abfallsammlung und Deponiemanagement', ar: 'جمع النفايات الصلبة وإدارة المطارح' },
  sanitation: { en: 'sanitation, latrines and wastewater treatment', fr: 'assainissement, latrines et traitement des eaux usées', es: 'saneamiento, letrinas y tratamiento de aguas residuales', pt: 'saneamento, latrinas e tratamento de águas residuais', nl: 'riolering en afvalwaterzuivering', de: 'Abwasserentsorgung und Kläranlagen', ar: 'الصرف الصحي ومعالجة المياه العادمة' },
  water_supply: { en: 'drinking water supply and water committees', fr: "approvisionnement en eau potable et comités de l'eau", es: 'abastecimiento de agua potable y juntas de agua', pt: 'abastecimento de água potável e comités de água', nl: 'drinkwatervoorziening', de: 'Trinkwasserversorgung', ar: 'التزويد بمياه الشرب' },
  ecotourism: { en: 'ecotourism around natural reserves', fr: 'écotourisme autour des réserves naturelles', es: 'ecoturismo en reservas naturales', pt: 'ecoturismo em reservas naturais', nl: 'ecotoerisme rond natuurgebieden', de: 'Ökotourismus in Naturschutzgebieten' },
  human_resources: { en: 'human resource management and staff motivation', fr: 'gestion des ressources humaines et motivation du personnel', es: 'gestión de recursos humanos y motivación del personal', pt: 'gestão de recursos humanos e motivação do pessoal', nl: 'personeelsbeleid en motivatie', de: 'Personalmanagement und Mitarbeitermotivation' },
  civil_registration: { en: 'birth registration and a digital civil register', fr: "enregistrement des naissances et état civil numérique", es: 'registro de nacimientos y registro civil digital', pt: 'registo de nascimentos e registo civil digital', nl: 'geboorteaangifte en digitale burgerlijke stand', de: 'Geburtenregistrierung und digitales Standesamt', ar: 'تسجيل الولادات والحالة المدنية الرقمية' },
  citizen_participation: { en: 'citizen participation and participatory budgeting', fr: 'participation citoyenne et budget participatif', es: 'participación ciudadana y presupuesto participativo', pt: 'participação cidadã e orçamento participativo', nl: 'burgerparticipatie en participatieve begroting', de: 'Bürgerbeteiligung und Bürgerhaushalt', ar: 'المشاركة المواطنية والميزانية التشاركية' },
  local_economic_development: { en: 'local economic development and markets', fr: 'développement économique local et marchés', es: 'desarrollo económico local y mercados', pt: 'desenvolvimento económico local e mercados', nl: 'lokale economische ontwikkeling', de: 'lokale Wirtschaftsförderung', ar: 'التنمية الاقتصادية المحلية والأسواق' },
  mobility: { en: 'cycling, public transport and road safety', fr: 'vélo, transports publics et sécurité routière', es: 'bicicleta, transporte público y seguridad vial', pt: 'bicicleta, transportes públicos e segurança rodoviária', nl: 'fietsbeleid en openbaar vervoer', de: 'Radverkehr und öffentlicher Nahverkehr' },
  integration_of_newcomers: { en: 'integration of newcomers with buddy programmes', fr: 'intégration des nouveaux arrivants et parrainage', es: 'integración de recién llegados y mentoría', pt: 'integração de recém-chegados e mentoria', nl: 'inburgering en buddyprojecten', de: 'Integration von Neuankömmlingen und Patenschaften' },
  flood_risk: { en: 'flood risk protection and early warning', fr: "protection contre les inondations et alerte précoce", es: 'protección contra inundaciones y alerta temprana', pt: 'proteção contra cheias e alerta precoce', nl: 'overstromingsrisico en vroegtijdige waarschuwing', de: 'Hochwasserschutz und Frühwarnung', ar: 'الحماية من الفيضانات والإنذار المبكر' },
  municipal_finance: { en: 'municipal budgeting and local tax collection', fr: 'budget municipal et collecte des impôts locaux', es: 'presupuesto municipal y recaudación local', pt: 'orçamento municipal e cobrança de impostos locais', nl: 'gemeentelijke begroting en lokale belastingen', de: 'Gemeindehaushalt und kommunale Steuern' },
  urban_planning: { en: 'urban planning and land use plans', fr: "urbanisme et plans d'occupation des sols", es: 'planificación urbana y ordenamiento territorial', pt: 'planeamento urbano e ordenamento do território', nl: 'ruimtelijke ordening', de: 'Stadtplanung und Flächennutzung' },
  youth: { en: 'youth councils and school exchanges', fr: 'conseils de jeunes et échanges scolaires', es: 'consejos juveniles e intercambios escolares', pt: 'conselhos de jovens e intercâmbios escolares', nl: 'jeugdraad en schooluitwisselingen', de: 'Jugendräte und Schulaustausch' },
  public_health: { en: 'environmental health and hygiene campaigns', fr: "santé environnementale et campagnes d'hygiène", es: 'salud ambiental y campañas de higiene', pt: 'saúde ambiental e campanhas de higiene', nl: 'milieugezondheid en hygiënecampagnes', de: 'Umweltgesundheit und Hygienekampagnen' },
};
const PHRASE_THEMES = Object.keys(PHRASES);
const OFFER_LEAD: Partial<Record<Lang, string>> = { en: 'Experience with', fr: 'Expérience en', es: 'Experiencia en', pt: 'Experiência em', nl: 'Ervaring met', de: 'Erfahrung mit', ar: 'خبرة في' };
const SEEK_LEAD: Partial<Record<Lang, string>> = { en: 'Looking for support with', fr: "Recherche un appui pour", es: 'Busca apoyo en', pt: 'Procura apoio em', nl: 'Zoekt ondersteuning bij', de: 'Sucht Unterstützung bei', ar: 'تبحث عن دعم في' };

export type SampleOrganisation = {
  id: string;
  name: string;
  kind: 'municipality' | 'region' | 'association';
  country: string;
  population: number;
  languages: string[];
  offers: string;
  seeks: string;
  themes: string[];
  sdgs: number[];
};

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function placeName(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, SYLLABLES);
  return s[0]!.toUpperCase() + s.slice(1);
}

/** The i-th sample organisation of a run seeded with `seed` (same inputs, same output). */
export function* sampleOrganisations(count: number, seed = 42): Generator<SampleOrganisation> {
  const r = random(seed);
  for (let i = 0; i < count; i++) {
    let w = r() * TOTAL;
    let c = COUNTRIES[0]!;
    for (const x of COUNTRIES) {
      w -= x[1];
      if (w <= 0) {
        c = x;
        break;
      }
    }
    const [country, , langs] = c;
    const lang = langs[0]!;
    const roll = r();
    const kind = roll < 0.85 ? 'municipality' : roll < 0.97 ? 'region' : 'association';
    const place = placeName(r);
    const name = `${KIND_NAMES[lang][kind]} ${place}`;
    const offerThemes = [pick(r, PHRASE_THEMES), pick(r, PHRASE_THEMES)];
    const seekTheme = pick(r, PHRASE_THEMES);
    const extra = r() < 0.5 ? [pick(r, themeCodes)] : [];
    const themes = [...new Set([...offerThemes, seekTheme, ...extra])];
    const phrase = (t: string) => PHRASES[t]![lang] ?? PHRASES[t]!.en!;
    const offers = `${OFFER_LEAD[lang] ?? OFFER_LEAD.en} ${phrase(offerThemes[0]!)}; ${phrase(offerThemes[1]!)}.`;
    const seeks = `${SEEK_LEAD[lang] ?? SEEK_LEAD.en} ${phrase(seekTheme)}.`;
    const population = Math.round(Math.exp(7 + r() * 7.5)); // ~1,100 to ~2 million, log-uniform
    const sdgs = [...new Set([1 + Math.floor(r() * 17), 11, 17])].sort((a, b) => a - b);
    yield { id: `${country.toLowerCase()}-${place.toLowerCase()}-${i}`, name, kind, country, population, languages: langs, offers, seeks, themes, sdgs };
  }
}

/** JSON Lines text of `count` sample organisations. */
export function sampleJsonl(count: number, seed = 42): string {
  let s = '';
  for (const o of sampleOrganisations(count, seed)) s += `${JSON.stringify(o)}\n`;
  return s;
}
