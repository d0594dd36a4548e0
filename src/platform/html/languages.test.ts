/** Languages are chosen from names in the reader's language, not typed as codes (issue 14.7). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { i18n } from '../i18n.ts';
import { emptyForm } from './form.ts';
import { chosenLanguages, languageChoices } from './languages.ts';

const render = async (locale: 'fr' | 'ar', values: Record<string, unknown>, errors: Record<string, string> = {}) =>
  String(await languageChoices({ t: i18n().translator(locale), locale, name: 'languages', label: 'Langues', form: { ...emptyForm(values), errors } }));

test('named in the reader\'s language, chosen ones checked, the rare ones behind "More languages"', async () => {
  const fr = await render('fr', { languages: ['fr', 'wo'] });
  assert.match(fr, /<input type="checkbox" name="languages" value="fr" id="f-languages-fr" checked> <span>Français<\/span>/);
  assert.match(fr, /value="en" id="f-languages-en"> <span>Anglais<\/span>/);
  const [shown, more] = fr.split('<details>');
  assert.match(shown!, /value="wo"[^>]*checked> <span>Wolof/, 'a chosen rare language is shown with the common ones');
  assert.match(more!, /<summary>Autres langues<\/summary>/);
  assert.match(more!, /value="zu"/);
  assert.doesNotMatch(more!, /value="fr"/);
  assert.match(await render('ar', {}), /value="fr" id="f-languages-fr"> <span>الفرنسية<\/span>/);
});

test('an error is tied to the group', async () => {
  const html = await render('fr', {}, { languages: 'requests.form.chooseOne' });
  assert.match(html, /<fieldset id="f-languages" aria-describedby="e-languages">/);
  assert.match(html, /<p class="error-text" id="e-languages">/);
});

test('what older forms and the API send still reads: lists, or codes separated by spaces or commas', () => {
  assert.deepEqual(chosenLanguages(['fr', 'en']), ['fr', 'en']);
  assert.deepEqual(chosenLanguages('fr en,es'), ['fr', 'en', 'es']);
  assert.deepEqual(chosenLanguages(undefined), []);
});
