/** The newsletter's pure rules: who reads and writes an issue, which version a reader gets, what "one address" is. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canNews, normaliseEmail, versionFor } from './news.policy.ts';

test('a draft is read and written only by those who manage the list; a sent issue is read by all and written by none', () => {
  assert.equal(canNews('issue.read', { manages: false }, { state: 'draft' }), false);
  assert.equal(canNews('issue.read', { manages: true }, { state: 'draft' }), true);
  assert.equal(canNews('issue.read', { manages: false }, { state: 'sending' }), true);
  assert.equal(canNews('issue.read', { manages: false }, { state: 'sent' }), true);
  assert.equal(canNews('issue.write', { manages: true }, { state: 'draft' }), true);
  assert.equal(canNews('issue.write', { manages: true }, { state: 'sent' }), false);
  assert.equal(canNews('issue.send', { manages: true }, { state: 'sending' }), false);
  assert.equal(canNews('issue.send', { manages: false }, { state: 'draft' }), false);
});

test('a reader gets their language, else the one written first', () => {
  const v = [{ lang: 'fr' }, { lang: 'en' }];
  assert.equal(versionFor(v, 'en', 'fr')?.lang, 'en');
  assert.equal(versionFor(v, 'ar', 'fr')?.lang, 'fr');
  assert.equal(versionFor(v, 'pt', 'es')?.lang, 'fr', 'a missing original falls back to the first version');
  assert.equal(versionFor([], 'en', 'en'), undefined);
});

test('one address: trimmed and lower-cased', () => {
  assert.equal(normaliseEmail('  Amina.Kamau@Example.ORG '), 'amina.kamau@example.org');
});
