import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THEMES, THEME_GROUPS, themeCodes, isThemeCode, getTheme } from './themes.ts';

test('the taxonomy has at least 45 themes with unique snake_case codes', () => {
  assert.ok(THEMES.length >= 45);
  assert.equal(new Set(themeCodes).size, THEMES.length);
  for (const code of themeCodes) assert.match(code, /^[a-z][a-z_]*[a-z]$/);
});

test('every theme has a non-empty label in all five languages, Arabic in Arabic script', () => {
  for (const theme of THEMES) {
    for (const lang of ['en', 'fr', 'es', 'pt', 'ar'] as const) assert.ok(theme.labels[lang].trim().length > 0, `${theme.code}.${lang}`);
    assert.match(theme.labels.ar, /[\u0600-\u06FF]/, theme.code);
    assert.ok(theme.group && THEME_GROUPS[theme.group], theme.code);
  }
});

test('the themes named in the matching issue are present', () => {
  for (const code of ['waste_management', 'sanitation', 'water_supply', 'human_resources', 'ecotourism', 'local_economic_development', 'civil_registration', 'citizen_participation', 'disaster_risk', 'flood_risk', 'mobility', 'integration_of_newcomers', 'urban_planning', 'food_security', 'climate_adaptation', 'energy', 'public_health', 'education', 'youth', 'culture', 'digital_government', 'municipal_finance']) {
    assert.ok(isThemeCode(code), code);
  }
});

test('isThemeCode refuses unknown codes and non-strings; getTheme finds by code', () => {
  assert.equal(isThemeCode('nope'), false);
  assert.equal(isThemeCode(42), false);
  assert.equal(getTheme('sanitation')?.labels.fr, 'Assainissement et eaux usées');
});
