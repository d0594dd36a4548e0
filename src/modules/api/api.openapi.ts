/** The OpenAPI 3.1 description of /api/v1 (served at /api/v1/openapi.json). Enumerations come from the taxonomy. */
import { themeCodes } from '../../taxonomy/themes.ts';
import { KIND_CODES } from '../../taxonomy/organisation-kinds.ts';
import { REGION_CODES, ORGANISATION_COUNTRY_CODES } from '../../taxonomy/regions.ts';
import { LANGUAGE_CODES } from '../../taxonomy/languages.ts';
import { JOB_FUNCTIONS } from '../../taxonomy/job-functions.ts';
import { POPULATION_BAND_CODES } from '../../taxonomy/population-bands.ts';
import { MEMBERSHIP_ROLES } from '../../db/schema/organisations.ts';
import { requestsOpenApiPaths, requestsOpenApiSchemas } from '../requests/requests.openapi.ts';
import { knowledgeOpenApiPaths, knowledgeOpenApiSchemas } from '../knowledge/knowledge.openapi.ts';
import { matchingOpenApiPaths, matchingOpenApiSchemas } from '../matching/matching.openapi.ts';
import { exchangesOpenApiPaths, exchangesOpenApiSchemas } from '../exchanges/exchanges.openapi.ts';
import { evaluationsOpenApiPaths, evaluationsOpenApiSchemas } from '../evaluations/evaluations.openapi.ts';

const str = { type: 'string' } as const;
const nullable = (s: object) => ({ oneOf: [s, { type: 'null' }] });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: object) => ({ type: 'array', items });
const qp = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: { 400: 'Invalid input or unknown query key', 401: 'Not signed in / bad token', 403: 'Not allowed', 404: 'Missing or not visible' }[c as 400], content: { 'application/json': { schema: ref('Error') } } }]));
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const commonQuery = [
  qp('q', { type: 'string', maxLength: 200 }, 'Full-text query (websearch syntax; words also match as prefixes)'),
  qp('sort', { enum: ['relevance', 'name', 'newest'] }, 'Default: relevance with q, else name'),
  qp('page', { type: 'integer', minimum: 1, maximum: 1000 }, 'Page number, from 1'),
  qp('limit', { type: 'integer', minimum: 1, maximum: 100 }, 'Items per page (default 20)'),
];

export function openApiDocument(baseUrl: string) {
  const organisationInputProps = {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    kind: { enum: [...KIND_CODES] },
    country: { enum: [...ORGANISATION_COUNTRY_CODES], description: 'ISO 3166-1 alpha-2; the network region follows from it' },
    subregion: { type: 'string', maxLength: 200 },
    population: { type: 'integer', minimum: 0 },
    languages: arr({ enum: [...LANGUAGE_CODES] }),
    offers: { type: 'string', maxLength: 5000 },
    seeks: { type: 'string', maxLength: 5000 },
    themes: arr({ enum: [...themeCodes] }),
    sdgs: arr({ type: 'integer', minimum: 1, maximum: 17 }),
    website: { type: 'string', format: 'uri' },
    email: { type: 'string', format: 'email' },
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lon: { type: 'number', minimum: -180, maximum: 180 },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Peerlink API', version: '1.0.0', description: 'Organisations and people of Peerlink, with the same permissions as the web pages. Unknown body fields are ignored; unknown query keys answer 400.' },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }, {}],
    paths: {
      ...requestsOpenApiPaths,
      ...knowledgeOpenApiPaths,
      ...matchingOpenApiPaths,
      ...exchangesOpenApiPaths,
      ...evaluationsOpenApiPaths,
      '/organisations': {
        get: {
          summary: 'Search the organisation directory',
          security: [{ bearerAuth: [] }, { sessionCookie: [] }, {}],
          parameters: [
            ...commonQuery,
            qp('country', { type: 'string', pattern: '^[A-Z]{2}$' }, 'ISO 3166-1 alpha-2'),
            qp('region', { enum: [...REGION_CODES] }, 'Network region'),
            qp('kind', { enum: [...KIND_CODES] }, 'Kind of organisation'),
            qp('theme', { enum: [...themeCodes] }, 'Theme code'),
            qp('language', { enum: [...LANGUAGE_CODES] }, 'Working language (ISO 639-1)'),
            qp('population', { enum: [...POPULATION_BAND_CODES] }, 'Population band'),
          ],
          responses: { '200': json(ref('OrganisationPage')), ...errors(400) },
        },
        post: {
          summary: 'Create an organisation (the caller becomes its organisation admin)',
          security: [{ bearerAuth: [] }, { sessionCookie: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('OrganisationInput') } } },
          responses: { '201': json(ref('Organisation'), 'Created'), ...errors(400, 401) },
        },
      },
      '/organisations/{id}': {
        get: { summary: 'One organisation (contact e-mail and members for signed-in members only)', parameters: [idParam], responses: { '200': json(ref('Organisation')), ...errors(404) } },
        patch: {
          summary: 'Update an organisation (its admins, brokers, platform admins); given fields replace stored ones',
          security: [{ bearerAuth: [] }, { sessionCookie: [] }],
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: ref('OrganisationPatch') } } },
          responses: { '200': json(ref('Organisation')), ...errors(400, 401, 403, 404) },
        },
      },
      '/people': {
        get: {
          summary: 'Search people (members only)',
          security: [{ bearerAuth: [] }, { sessionCookie: [] }],
          parameters: [
            ...commonQuery,
            qp('country', { type: 'string', pattern: '^[A-Z]{2}$' }, "Country of the person's organisation"),
            qp('theme', { enum: [...themeCodes] }, 'Theme code'),
            qp('language', { enum: [...LANGUAGE_CODES] }, 'Language (ISO 639-1)'),
            qp('function', { enum: JOB_FUNCTIONS.map((j) => j.code) }, 'Job function'),
          ],
          responses: { '200': json(ref('PersonPage')), ...errors(400, 401) },
        },
      },
      '/people/{id}': { get: { summary: "One person's profile, with the owner's privacy choices applied", parameters: [idParam], responses: { '200': json(ref('Person')), ...errors(404) } } },
      '/people/me': {
        get: { summary: 'The caller’s own profile', security: [{ bearerAuth: [] }, { sessionCookie: [] }], responses: { '200': json(ref('Person')), ...errors(401, 404) } },
        patch: {
          summary: 'Create or update the caller’s own profile',
          security: [{ bearerAuth: [] }, { sessionCookie: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('ProfileInput') } } },
          responses: { '200': json(ref('Person')), ...errors(400, 401) },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token (plk_…) created on the account page' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: '__Host-peerlink', description: 'The browser session; state-changing calls also need a same-origin Origin header' },
      },
      schemas: {
        ...requestsOpenApiSchemas,
        ...knowledgeOpenApiSchemas,
        ...matchingOpenApiSchemas,
        ...exchangesOpenApiSchemas,
        ...evaluationsOpenApiSchemas,
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: str, message: str, fields: { type: 'object', additionalProperties: str }, reference: str } } },
        },
        OrganisationInput: { type: 'object', required: ['name', 'kind', 'country'], properties: organisationInputProps },
        OrganisationPatch: { type: 'object', properties: organisationInputProps },
        OrganisationCard: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            name: str,
            kind: str,
            country: str,
            region: { enum: [...REGION_CODES] },
            subregion: nullable(str),
            population: nullable({ type: 'integer' }),
            languages: arr(str),
            themes: arr(str),
            offersExcerpt: str,
            isVerified: { type: 'boolean' },
          },
        },
        Organisation: {
          type: 'object',
          properties: {
            ...organisationInputProps,
            id: { type: 'string', format: 'uuid' },
            region: { enum: [...REGION_CODES] },
            email: nullable({ type: 'string', format: 'email' }),
            isVerified: { type: 'boolean' },
            verifiedAt: nullable({ type: 'string', format: 'date-time' }),
            createdAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
            members: arr({ type: 'object', properties: { personId: nullable(str), name: str, role: { enum: [...MEMBERSHIP_ROLES] }, status: { enum: ['active', 'pending'] } } }),
            abilities: { type: 'object', additionalProperties: { type: 'boolean' } },
          },
        },
        OrganisationPage: pageOf('OrganisationCard'),
        PersonCard: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            name: str,
            position: str,
            jobFunction: nullable(str),
            languages: arr(str),
            themes: arr(str),
            organisation: nullable({ type: 'object', properties: { id: str, name: str, country: nullable(str) } }),
          },
        },
        Person: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            name: str,
            position: str,
            jobFunction: nullable(str),
            languages: arr(str),
            expertise: str,
            themes: arr(str),
            availability: str,
            email: nullable({ type: 'string', description: 'null unless the owner shows it to members (staff always see it)' }),
            phone: nullable(str),
            visibility: { enum: ['members', 'public'] },
            organisations: arr({ type: 'object', properties: { id: str, name: str, role: nullable(str) } }),
          },
        },
        PersonPage: pageOf('PersonCard'),
        ProfileInput: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            position: { type: 'string', maxLength: 200 },
            jobFunction: { enum: JOB_FUNCTIONS.map((j) => j.code) },
            languages: arr({ enum: [...LANGUAGE_CODES] }),
            expertise: { type: 'string', maxLength: 5000 },
            themes: arr({ enum: [...themeCodes] }),
            availability: { type: 'string', maxLength: 500 },
            email: { type: 'string', format: 'email' },
            phone: { type: 'string', maxLength: 40 },
            visibility: { enum: ['members', 'public'] },
            showEmail: { type: 'boolean' },
            showPhone: { type: 'boolean' },
          },
        },
      },
    },
  };
}

function pageOf(item: string) {
  return {
    type: 'object',
    properties: {
      items: arr(ref(item)),
      page: { type: 'integer' },
      limit: { type: 'integer' },
      total: { type: 'integer', description: 'Counted up to 1,001; see isTotalCapped' },
      isTotalCapped: { type: 'boolean' },
      links: { type: 'object', properties: { prev: nullable(str), next: nullable(str) } },
    },
  };
}
