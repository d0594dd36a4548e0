/**
 * Funding programmes' rules, pure (issue 13): whether a programme is open on a day and its next
 * closing date, and the answer to the finder's yes/no eligibility questions with its reasons.
 * Days are calendar dates (YYYY-MM-DD) in UTC, compared as strings.
 */
import type { FundingDeadlineKind } from '../../db/schema/knowledge.ts';
import type { EligibilityQuestion } from './knowledge.guide.schema.ts';

export type Deadline = { kind: FundingDeadlineKind; opens: string | null; closes: string | null };
export type DeadlineState = { openNow: boolean; next: string | null; nextOpens: string | null };

/**
 * `rolling`: always open, no date. `none`: ask the funder (never "open now"). `dated`: open from
 * `opens` (or always before) to `closes`, inclusive. `yearly`: open between the same days each year;
 * a window that crosses the new year (opens 11-01, closes 02-15) is open in both parts.
 */
export function deadlineState(d: Deadline, today: string): DeadlineState {
  switch (d.kind) {
    case 'rolling':
      return { openNow: true, next: null, nextOpens: null };
    case 'none':
      return { openNow: false, next: null, nextOpens: null };
    case 'dated': {
      if (!d.closes) return { openNow: false, next: null, nextOpens: null };
      const started = !d.opens || d.opens <= today;
      const openNow = started && today <= d.closes;
      return { openNow, next: today <= d.closes ? d.closes : null, nextOpens: !started ? d.opens : null };
    }
    case 'yearly': {
      if (!d.opens || !d.closes) return { openNow: false, next: null, nextOpens: null };
      const year = Number(today.slice(0, 4));
      const md = today.slice(5);
      const wraps = d.closes < d.opens;
      const openNow = wraps ? md >= d.opens || md <= d.closes : md >= d.opens && md <= d.closes;
      const next = md <= d.closes ? `${year}-${d.closes}` : `${year + 1}-${d.closes}`;
      const nextOpens = openNow ? null : md < d.opens ? `${year}-${d.opens}` : `${year + 1}-${d.opens}`;
      return { openNow, next, nextOpens };
    }
  }
}

export type EligibilityFacts = { organisationKinds: readonly string[]; needsPartner: boolean; cofinancingPercent: number | null; countries: readonly string[]; regions: readonly string[] };
export type EligibilityAnswers = Partial<Record<EligibilityQuestion, 'yes' | 'no'>> & { country?: string; region?: string };
export type EligibilityReason =
  | { code: 'governmentOnly' | 'notGovernment' | 'kindsOk' | 'partnerNeeded' | 'partnerOk' | 'partnerNotNeeded' | 'cofinanceUnknown' | 'cofinanceNone' | 'countryOk' | 'countryNot' }
  | { code: 'cofinanceNeeded' | 'cofinanceOk'; percent: number };
export type Eligibility = { verdict: 'yes' | 'no' | 'unknown'; reasons: EligibilityReason[] };

const GOVERNMENT = ['municipality', 'region'];

/**
 * The answer for one programme: `no` as soon as one answer rules it out (each reason says which),
 * `unknown` when the programme does not say what an answer depends on, `yes` otherwise. Null when
 * no question was answered.
 */
export function eligibility(p: EligibilityFacts, a: EligibilityAnswers): Eligibility | null {
  if (!a.government && !a.partner && !a.cofinance && !a.country) return null;
  const reasons: EligibilityReason[] = [];
  let no = false;
  let unknown = false;
  if (a.government) {
    const kinds = p.organisationKinds;
    if (kinds.length && a.government === 'yes' && !kinds.some((k) => GOVERNMENT.includes(k))) {
      no = true;
      reasons.push({ code: 'notGovernment' });
    } else if (kinds.length && a.government === 'no' && kinds.every((k) => GOVERNMENT.includes(k))) {
      no = true;
      reasons.push({ code: 'governmentOnly' });
    } else reasons.push({ code: 'kindsOk' });
  }
  if (a.partner) {
    if (p.needsPartner && a.partner === 'no') {
      no = true;
      reasons.push({ code: 'partnerNeeded' });
    } else reasons.push({ code: p.needsPartner ? 'partnerOk' : 'partnerNotNeeded' });
  }
  if (a.cofinance) {
    if (p.cofinancingPercent === null) {
      unknown = true;
      reasons.push({ code: 'cofinanceUnknown' });
    } else if (p.cofinancingPercent === 0) reasons.push({ code: 'cofinanceNone' });
    else if (a.cofinance === 'no') {
      no = true;
      reasons.push({ code: 'cofinanceNeeded', percent: p.cofinancingPercent });
    } else reasons.push({ code: 'cofinanceOk', percent: p.cofinancingPercent });
  }
  if (a.country) {
    const anywhere = !p.countries.length && !p.regions.length;
    if (anywhere || p.countries.includes(a.country) || (!!a.region && p.regions.includes(a.region))) reasons.push({ code: 'countryOk' });
    else {
      no = true;
      reasons.push({ code: 'countryNot' });
    }
  }
  return { verdict: no ? 'no' : unknown ? 'unknown' : 'yes', reasons };
}
