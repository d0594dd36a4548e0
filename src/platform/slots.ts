/**
 * Page slots: how one module's page shows a section another module renders, without importing it.
 * A page names a slot (`await renderSlot(c, 'networks.page', { networkId })`); any module may fill
 * it in its manifest (`slots: { 'networks.page': async (c, { networkId }) => html`…` }`) — the
 * events module lists a network's upcoming events on the network's page, which the networks module
 * draws. Dependencies then point one way (events → networks) while the page still shows both.
 * Contributions render in the manifests' order. Slot names and arguments are declared by the
 * module that owns the page, by adding to `Slots`:
 *   declare module '../../platform/slots.ts' { interface Slots { 'networks.page': { networkId: string } } }
 */
import { html } from 'hono/html';
import type { Ctx } from './http.ts';
import type { Html } from './html/layout.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Slots {}
export type SlotName = keyof Slots & string;
export type SlotRenderer<A = unknown> = (c: Ctx, args: A) => Promise<Html | null> | Html | null;
/** What a manifest contributes: slot name → renderer. */
export type SlotContributions = { [S in SlotName]?: SlotRenderer<Slots[S]> };

let registry = new Map<string, SlotRenderer[]>();

/** Called by the composition root with the manifests. */
export function useSlotsOf(manifests: readonly { slots?: SlotContributions }[]): void {
  const next = new Map<string, SlotRenderer[]>();
  for (const m of manifests) for (const [name, r] of Object.entries(m.slots ?? {})) next.set(name, [...(next.get(name) ?? []), r as SlotRenderer]);
  registry = next;
}

/** Every contribution to a slot, in order (empty when nobody fills it). */
export async function renderSlot<S extends SlotName>(c: Ctx, name: S, args: Slots[S]): Promise<Html> {
  const parts = await Promise.all((registry.get(name) ?? []).map((r) => r(c, args)));
  return html`${parts.filter((p) => p !== null)}`;
}
