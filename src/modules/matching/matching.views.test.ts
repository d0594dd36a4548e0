/** Match reasons read in the reader's language, with nothing left in English (issue 14.4). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { i18n } from '../../platform/i18n.ts';
import { reasonText } from './matching.views.ts';

test('the region of a "same region" reason is named in the reader\'s language', () => {
  const r = { code: 'context', params: { aspect: 'region', value: 'Western Africa' } } as const;
  assert.match(reasonText(i18n().translator('fr'), 'fr', r), /Afrique occidentale/);
  assert.doesNotMatch(reasonText(i18n().translator('fr'), 'fr', r), /Western/);
  assert.match(reasonText(i18n().translator('ar'), 'ar', r), /غرب أفريقيا/);
  assert.match(reasonText(i18n().translator('en'), 'en', r), /Western Africa/);
});
