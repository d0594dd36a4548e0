/** Page slots: every module's contribution renders in manifest order, escaped; an empty slot renders nothing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html } from 'hono/html';
import type { Ctx } from './http.ts';
import { renderSlot, useSlotsOf } from './slots.ts';

declare module './slots.ts' {
  interface Slots {
    'test.page': { id: string };
    'test.empty': Record<string, never>;
  }
}

test('a slot shows what each manifest contributes, in order, escaped; nobody contributing shows nothing', async () => {
  useSlotsOf([
    { slots: { 'test.page': async (_c, { id }) => html`<p>first ${id}</p>` } },
    { slots: {} },
    { slots: { 'test.page': () => null } },
    { slots: { 'test.page': (_c, { id }) => html`<p>second ${id}</p>` } },
  ]);
  const c = {} as Ctx;
  assert.equal(String(await renderSlot(c, 'test.page', { id: '<b>x</b>' })), '<p>first &lt;b&gt;x&lt;/b&gt;</p><p>second &lt;b&gt;x&lt;/b&gt;</p>');
  assert.equal(String(await renderSlot(c, 'test.empty', {})), '');
});
