/**
 * The machine-translation engine client (DESIGN.md: Apertium's HTTP service as the self-hosted
 * default, a LibreTranslate-compatible connector where an installation runs LibreTranslate). Only
 * the translations module's background job calls `translate`: never a request path.
 *
 * Apertium (apertium-apy) has the pairs en↔es, fr↔es and es↔pt; every other pair among en, fr, es
 * and pt goes through Spanish (`/translateChain`). It has no Arabic: Arabic text stays in the
 * original. LibreTranslate does all five languages.
 *
 * Configured by `TRANSLATE_URL` (none: no machine translation, the platform works as before),
 * `TRANSLATE_ENGINE` (`apertium`, the default, or `libretranslate`) and `TRANSLATE_API_KEY`
 * (LibreTranslate's key, when it asks for one).
 */
import type { Config } from './config.ts';

export type EngineKind = 'apertium' | 'libretranslate';
export type TranslateLang = 'en' | 'fr' | 'es' | 'pt' | 'ar';

export type Engine = {
  kind: EngineKind;
  /** Whether the engine can translate from one language into another (directly or through a pivot). */
  can(from: string, to: string): boolean;
  /** Translates plain text (paragraphs kept); throws EngineError when the engine fails or is unreachable. */
  translate(text: string, from: TranslateLang, to: TranslateLang): Promise<string>;
};

export class EngineError extends Error {}

const APERTIUM_CODES: Record<string, string> = { en: 'eng', fr: 'fra', es: 'spa', pt: 'por' };
/** The pairs Debian's packages install (apertium-eng-spa, apertium-fr-es, apertium-es-pt). */
const APERTIUM_DIRECT = new Set(['en-es', 'es-en', 'fr-es', 'es-fr', 'es-pt', 'pt-es']);
const LIBRE_LANGS = new Set(['en', 'fr', 'es', 'pt', 'ar']);
const TIMEOUT_MS = 60_000;

/** The Apertium languages of a pair, through Spanish where there is no direct pair. */
export function apertiumChain(from: string, to: string): string[] {
  const chain = APERTIUM_DIRECT.has(`${from}-${to}`) ? [from, to] : [from, 'es', to];
  return chain.map((l) => APERTIUM_CODES[l]!);
}

async function post(url: string, body: BodyInit, headers: Record<string, string>): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new EngineError(`translation engine unreachable: ${(e as Error).name}`);
  }
  const text = await res.text();
  if (!res.ok) throw new EngineError(`translation engine answered ${res.status}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new EngineError('translation engine answered something other than JSON');
  }
}

function apertium(base: string): Engine {
  return {
    kind: 'apertium',
    can: (from, to) => from !== to && from in APERTIUM_CODES && to in APERTIUM_CODES,
    async translate(text, from, to) {
      // Step by step through Spanish where there is no direct pair: apertium-apy's /translateChain ignores
      // markUnknown=no, so its output kept a "*" before every word it did not know ("*fossoyeurs") for readers to see.
      const chain = apertiumChain(from, to);
      let translated = text;
      for (let i = 0; i + 1 < chain.length; i++) {
        const body = new URLSearchParams({ q: translated, markUnknown: 'no' });
        const out = (await post(`${base}/translate?langpair=${chain[i]}|${chain[i + 1]}`, body, { 'Content-Type': 'application/x-www-form-urlencoded' })) as { responseData?: { translatedText?: unknown } };
        const step = out?.responseData?.translatedText;
        if (typeof step !== 'string') throw new EngineError('translation engine gave no text');
        translated = step;
      }
      return translated;
    },
  };
}

function libreTranslate(base: string, apiKey: string | undefined): Engine {
  return {
    kind: 'libretranslate',
    can: (from, to) => from !== to && LIBRE_LANGS.has(from) && LIBRE_LANGS.has(to),
    async translate(text, from, to) {
      const out = (await post(`${base}/translate`, JSON.stringify({ q: text, source: from, target: to, format: 'text', ...(apiKey ? { api_key: apiKey } : {}) }), { 'Content-Type': 'application/json' })) as { translatedText?: unknown };
      if (typeof out?.translatedText !== 'string') throw new EngineError('translation engine gave no text');
      return out.translatedText;
    },
  };
}

/** The configured engine, or null when none is (`TRANSLATE_URL` unset). */
export function engineOf(config: Pick<Config, 'translateUrl' | 'translateEngine' | 'translateApiKey'>): Engine | null {
  if (!config.translateUrl) return null;
  const base = config.translateUrl.replace(/\/$/, '');
  return config.translateEngine === 'libretranslate' ? libreTranslate(base, config.translateApiKey) : apertium(base);
}
