/** The taxonomy in one import: themes (owned by matching), and the rest of the coded vocabularies. */
export { THEMES, themeCodes, isThemeCode, getTheme } from './themes.ts';
export * from './labels.ts';
export * from './job-functions.ts';
export * from './sdgs.ts';
export * from './formats.ts';
export * from './approaches.ts';
export * from './regions.ts';
export * from './organisation-kinds.ts';
export * from './population-bands.ts';
export * from './countries.ts';
export * from './languages.ts';
