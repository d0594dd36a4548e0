/**
 * The privacy module reaches other modules' personal data only through their manifests. These
 * tests pin what the erasure relies on: the hooks are handed over by the composition root, and the
 * erase hooks run in the reverse order of the list, so a module listed after the ones its rows
 * refer to erases first (a CV before the profile it belongs to, a profile before its account).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MODULES } from '../index.ts';
import { defineModule } from '../../platform/module.ts';
import { holders, usePersonalDataOf } from './privacy.hooks.ts';

test('the hooks are those of the manifests handed over, in their order; modules without personal data are left out', () => {
  const a = defineModule({ name: 'a', personalData: { export: async () => ({ x: 1 }) } });
  const b = defineModule({ name: 'b' });
  const c = defineModule({ name: 'c', personalData: { erase: async () => undefined } });
  usePersonalDataOf([a, b, c]);
  assert.deepEqual(holders().map((h) => h.name), ['a', 'c']);
  usePersonalDataOf(MODULES);
});

test('every module holding a person\'s rows erases them, listed after what its rows refer to', () => {
  usePersonalDataOf(MODULES);
  const names = holders().map((h) => h.name);
  const erasing = holders().filter((h) => h.data.erase).map((h) => h.name);
  for (const m of ['accounts', 'organisations', 'files', 'programmes', 'calls']) assert.ok(erasing.includes(m), `${m} erases its part`);
  // Reverse order: files (CVs of profiles) before organisations (the profiles), organisations before accounts (the account row).
  assert.ok(names.indexOf('files') > names.indexOf('organisations'), 'files is listed after organisations');
  assert.ok(names.indexOf('organisations') > names.indexOf('accounts'), 'organisations is listed after accounts');
  assert.ok(holders().some((h) => h.data.identifiers), 'someone names the person for the free-text sweep');
  assert.ok(holders().some((h) => h.data.expire), 'CVs expire through a hook');
});
