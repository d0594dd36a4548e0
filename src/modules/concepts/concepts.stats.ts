/**
 * Size of the thesaurus: concepts, and distinct terms per language (lower-cased, trimmed), of the merged
 * thesaurus (`CONCEPTS`, `CONCEPTS_AR`). Run: `npx node src/modules/concepts/concepts.stats.ts`.
 */
import { CONCEPTS } from './concepts.thesaurus.ts';
import { CONCEPTS_AR } from './concepts.thesaurus.ar.ts';

export function thesaurusStats(): { concepts: number; terms: Record<'en' | 'fr' | 'es' | 'pt' | 'ar', number> } {
  const langs = ['en', 'fr', 'es', 'pt'] as const;
  const sets = { en: new Set<string>(), fr: new Set<string>(), es: new Set<string>(), pt: new Set<string>(), ar: new Set<string>() };
  let concepts = 0;
  for (const rows of Object.values(CONCEPTS)) {
    for (const row of rows) {
      concepts++;
      langs.forEach((l, i) => { for (const t of row[i + 1].split('|')) if (t.trim()) sets[l].add(t.trim().toLowerCase()); });
    }
  }
  for (const terms of Object.values(CONCEPTS_AR)) for (const t of terms.split('|')) if (t.trim()) sets.ar.add(t.trim());
  return { concepts, terms: { en: sets.en.size, fr: sets.fr.size, es: sets.es.size, pt: sets.pt.size, ar: sets.ar.size } };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(thesaurusStats()));
