/**
 * The OpenAPI 3.1 paths and schemas of the good-practice API (GET /api/v1/good-practices and
 * /api/v1/good-practices/{id}). A fragment for the API document: spread `knowledgeOpenApiPaths`
 * into `paths` and `knowledgeOpenApiSchemas` into `components.schemas`.
 */
import { themeCodes } from '../../taxonomy/themes.ts';
import { APPROACH_CODES } from '../../taxonomy/approaches.ts';
import { EXCHANGE_FORMAT_CODES } from '../../taxonomy/formats.ts';
import { REGION_CODES } from '../../taxonomy/regions.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { GOOD_PRACTICE_STATES } from '../../db/schema/knowledge.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: object) => ({ type: 'array', items });
const str = { type: 'string' } as const;
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const q = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description });

const localizedText = {
  type: 'object',
  description: 'A text in the reader’s language where it exists, else in the original language, with flags.',
  properties: { text: str, lang: str, isOtherLanguage: { type: 'boolean' }, isTranslation: { type: 'boolean' }, isMachineTranslation: { type: 'boolean' } },
};

const cardProperties = {
  id: { type: 'string', format: 'uuid' },
  title: ref('LocalizedText'),
  summary: ref('LocalizedText'),
  approach: { enum: [...APPROACH_CODES, null] },
  themes: arr({ enum: [...themeCodes] }),
  sdgs: arr({ type: 'integer', minimum: 1, maximum: 17 }),
  regions: arr({ enum: [...REGION_CODES] }),
  formats: arr({ enum: [...EXCHANGE_FORMAT_CODES] }),
  languages: arr(str),
  originalLanguage: str,
  partners: arr(str),
  state: { enum: [...GOOD_PRACTICE_STATES] },
  publishedAt: { type: ['string', 'null'], format: 'date-time' },
};

export const knowledgeOpenApiSchemas = {
  LocalizedText: localizedText,
  GoodPracticeCard: { type: 'object', properties: cardProperties },
  GoodPractice: {
    type: 'object',
    properties: {
      ...cardProperties,
      texts: { type: 'object', properties: Object.fromEntries(['problem', 'solution', 'results', 'challenges', 'prerequisites', 'cost', 'transferability'].map((k) => [k, ref('LocalizedText')])) },
      partnerLinks: arr({ type: 'object', properties: { name: str, country: { type: ['string', 'null'] }, organisationId: { type: ['string', 'null'], format: 'uuid' } } }),
      contacts: arr({ type: 'object', description: 'Only people who agreed to be named; email only for signed-in callers.', properties: { name: str, role: str, organisation: str, email: { type: ['string', 'null'] } } }),
      translations: { type: 'object', additionalProperties: { enum: ['human', 'machine'] } },
      source: str,
      exchangeId: { type: ['string', 'null'], format: 'uuid' },
      ownerOrganisationId: { type: ['string', 'null'], format: 'uuid' },
      ownerName: { type: ['string', 'null'] },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  GoodPracticeList: {
    type: 'object',
    properties: {
      items: arr(ref('GoodPracticeCard')),
      page: { type: 'integer' },
      limit: { type: 'integer' },
      total: { type: 'integer' },
      facets: {
        type: 'object',
        description: 'For each facet, the values present in the matching set with their counts.',
        properties: Object.fromEntries(['theme', 'region', 'sdg', 'approach', 'format', 'language'].map((f) => [f, arr({ type: 'object', properties: { value: str, count: { type: 'integer' } } })])),
      },
      links: { type: 'object', properties: { prev: { type: ['string', 'null'] }, next: { type: ['string', 'null'] } } },
    },
  },
};

export const knowledgeOpenApiPaths = {
  '/api/v1/good-practices': {
    get: {
      summary: 'Published good practices: full text and facets, with facet counts',
      parameters: [
        q('q', { type: 'string', maxLength: 200 }, 'Words (each a prefix), over the texts in every language and the partner names'),
        q('theme', { enum: [...themeCodes] }, 'Theme code'),
        q('region', { enum: [...REGION_CODES] }, 'Region code'),
        q('sdg', { type: 'integer', minimum: 1, maximum: 17 }, 'SDG number'),
        q('approach', { enum: [...APPROACH_CODES] }, 'Cooperation approach'),
        q('format', { enum: [...EXCHANGE_FORMAT_CODES] }, 'Exchange format'),
        q('language', { enum: [...LOCALES] }, 'A language the case is written in'),
        q('page', { type: 'integer', minimum: 1, maximum: 1000, default: 1 }, 'Page'),
        q('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Results per page'),
      ],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref('GoodPracticeList') } } }, '400': err('Unknown query key or value') },
    },
  },
  '/api/v1/good-practices/{id}': {
    get: {
      summary: 'One published good practice (a draft only for its editors)',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, q('lang', { enum: [...LOCALES] }, 'The language to read it in')],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref('GoodPractice') } } }, '400': err('Unknown query key or value'), '404': err('Missing, or not visible to you') },
    },
  },
};
