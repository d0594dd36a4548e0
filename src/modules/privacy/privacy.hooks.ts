/**
 * The modules that hold personal data, as the composition root gives them (`usePersonalDataOf(MODULES)`
 * in app.ts and the CLI): the privacy module exports and erases a person's data through their
 * manifests' `personalData` hooks and never reads or writes their tables itself. It cannot import
 * the list of manifests (src/modules/index.ts imports this module: a cycle), so it is handed over.
 */
import type { Manifest, PersonalData } from '../../platform/module.ts';

let registered: readonly Manifest[] | null = null;

/** Called once by each composition root, before any export, erasure or retention run. */
export function usePersonalDataOf(manifests: readonly Manifest[]): void {
  registered = manifests;
}

export type Holder = { name: string; data: PersonalData };

/** The modules with personal-data hooks, in the order of the list. Refuses to run without them: an erasure must never silently skip a module. */
export function holders(): Holder[] {
  if (!registered) throw new Error('privacy: the module manifests were not handed over (call usePersonalDataOf(MODULES) at start)');
  return registered.filter((m) => m.personalData).map((m) => ({ name: m.name, data: m.personalData! }));
}
