/**
 * The OpenAPI 3.1 paths and schemas of the CONNECT lifecycle under /api/v1 (requests, reviews,
 * decisions, calls, offers, matches). A fragment for the API document: spread `paths` and
 * `schemas` into it. Refusals of a valid action in the wrong state answer 409 with the outcome
 * as `error.code`.
 */
import { themeCodes } from '../../taxonomy/themes.ts';
import { EXCHANGE_FORMAT_CODES } from '../../taxonomy/formats.ts';
import { LANGUAGE_CODES } from '../../taxonomy/languages.ts';
import { REQUEST_STATES } from './requests.workflow.ts';
import { STEPS } from './requests.schema.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: object) => ({ type: 'array', items });
const uuid = { type: 'string', format: 'uuid' } as const;
const idParam = { name: 'id', in: 'path', required: true, schema: uuid };
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const ok = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const outcome = (...extra: string[]) => ({ type: 'object', properties: { ok: { type: 'boolean' }, ...Object.fromEntries(extra.map((e) => [e, { type: 'string' }])) } });
const refusals = { '400': err('Invalid input, a message per field'), '401': err('No valid token or session'), '403': err('Visible to you, but not yours to do'), '404': err('Missing, or not visible to you'), '409': err('Not possible in the current state; error.code names the reason') };
const action = (summary: string, requestBody?: object, response: object = outcome()) => ({
  post: { summary, parameters: [idParam], ...(requestBody ? { requestBody: body(requestBody) } : {}), responses: { '200': ok(response), '201': ok(response, 'Created'), ...refusals } },
});

const stepBodies = {
  challenge: { title: { type: 'string', maxLength: 200 }, challenge: { type: 'string', minLength: 20, maxLength: 5000 }, context: { type: 'string', maxLength: 5000 }, tried: { type: 'string', maxLength: 5000 } },
  objectives: { objectives: { type: 'string' }, results: { type: 'string' } },
  scope: { themes: arr({ enum: [...themeCodes] }), sdgs: arr({ type: 'integer', minimum: 1, maximum: 17 }), formats: arr({ enum: [...EXCHANGE_FORMAT_CODES] }), languages: arr({ enum: [...LANGUAGE_CODES] }), periodStart: { type: 'string', format: 'date' }, periodEnd: { type: 'string', format: 'date' } },
  participants: { participants: { type: 'string' }, stakeholders: { type: 'string' } },
  cofunding: { cofunding: { type: 'string', maxLength: 2000 } },
};

export const requestsOpenApiSchemas = {
  Request: {
    type: 'object',
    properties: {
      id: uuid,
      state: { enum: [...REQUEST_STATES] },
      title: { type: 'string' },
      ...Object.assign({}, ...Object.values(stepBodies)),
      stepsDone: arr({ enum: [...STEPS] }),
      isComplete: { type: 'boolean' },
      organisation: { type: 'object', properties: { id: uuid, name: { type: 'string' }, country: { type: 'string' } } },
      programme: { type: 'object', properties: { id: uuid, name: { type: 'string' }, slug: { type: 'string' } } },
      round: { type: 'object', properties: { id: uuid, name: { type: 'string' }, closesAt: { type: 'string', format: 'date-time' } } },
      endorsement: { oneOf: [{ type: 'object', properties: { name: { type: 'string' }, at: { type: 'string', format: 'date-time' }, note: { type: 'string' } } }, { type: 'null' }] },
      abilities: { type: 'object', additionalProperties: { type: 'boolean' } },
    },
  },
  Call: {
    type: 'object',
    description: 'A public call for expertise: no confidential detail of the request',
    properties: {
      id: uuid,
      title: { type: 'string' },
      expertiseSought: { type: 'string' },
      themes: arr({ type: 'string' }),
      formats: arr({ type: 'string' }),
      languages: arr({ type: 'string' }),
      periodStart: { type: ['string', 'null'], format: 'date' },
      periodEnd: { type: ['string', 'null'], format: 'date' },
      deadline: { type: 'string', format: 'date-time' },
      state: { enum: ['open', 'matched', 'closed'] },
      isTakingOffers: { type: 'boolean' },
      organisation: { type: 'object', properties: { name: { type: 'string' }, country: { type: 'string' } } },
      programme: { type: 'object', properties: { name: { type: 'string' }, slug: { type: 'string' } } },
    },
  },
  OfferInput: {
    type: 'object',
    required: ['experts'],
    properties: {
      organisationId: { ...uuid, description: 'An organisation you administer; omit to offer yourself as an individual expert' },
      experts: arr({ type: 'object', required: ['personId', 'motivation', 'languages'], properties: { personId: uuid, motivation: { type: 'string', maxLength: 3000 }, languages: arr({ enum: [...LANGUAGE_CODES] }), availability: { type: 'string', maxLength: 500 } } }),
    },
  },
  ScoreBoard: {
    type: 'object',
    properties: {
      criteria: arr({ type: 'object', properties: { id: uuid, label: { type: 'string' }, weight: { type: 'integer' }, scores: arr({ type: ['integer', 'null'] }), mean: { type: ['number', 'null'] }, spread: { type: ['number', 'null'] } } }),
      reviewers: arr({ type: 'object', properties: { name: { type: 'string' }, weightedTotal: { type: ['number', 'null'] }, comments: { type: 'object', additionalProperties: { type: 'string' } } } }),
      weightedMean: { type: ['number', 'null'] },
    },
  },
};

export const requestsOpenApiPaths = {
  '/requests': {
    get: { summary: 'Your requests and those your committee reviews', responses: { '200': ok({ type: 'object', properties: { own: arr({ type: 'object' }), toReview: arr({ type: 'object' }) } }), '401': refusals['401'] } },
    post: {
      summary: 'Start a draft request (active requester of a verified organisation, round open)',
      requestBody: body({ type: 'object', required: ['organisationId', 'roundId'], properties: { organisationId: uuid, roundId: uuid } }),
      responses: { '201': ok(outcome('id'), 'Created'), ...refusals },
    },
  },
  '/requests/{id}': { get: { summary: 'A request you may see', parameters: [idParam], responses: { '200': ok(ref('Request')), '404': refusals['404'] } } },
  '/requests/{id}/steps/{step}': {
    put: {
      summary: 'Save one step of the draft (validated; withdraws an endorsement)',
      parameters: [idParam, { name: 'step', in: 'path', required: true, schema: { enum: [...STEPS] } }],
      requestBody: body({ oneOf: Object.values(stepBodies).map((p) => ({ type: 'object', properties: p })) }),
      responses: { '200': ok(outcome('next')), ...refusals },
    },
  },
  '/requests/{id}/endorse': action("The organisation's approver endorses the complete draft", { type: 'object', properties: { note: { type: 'string' } } }),
  '/requests/{id}/submit': action('Submit the endorsed draft while the round is open'),
  '/requests/{id}/withdraw': action('Withdraw a submitted, undecided request'),
  '/requests/{id}/eligibility': {
    get: { summary: 'Automatic rules and the broker verdict (secretariat)', parameters: [idParam], responses: { '200': ok({ type: 'object' }), '404': refusals['404'] } },
    ...action('The broker records eligible or ineligible (a reason is required for ineligible)', { type: 'object', required: ['verdict'], properties: { verdict: { enum: ['eligible', 'ineligible'] }, reason: { type: 'string' } } }),
  },
  '/requests/{id}/review-opening': action('The broker opens the committee review'),
  '/requests/{id}/conflict': action('A committee member declares a conflict of interest (once)', { type: 'object', required: ['hasConflict'], properties: { hasConflict: { type: 'boolean' }, note: { type: 'string' } } }),
  '/requests/{id}/review': {
    put: {
      summary: 'A committee member scores each criterion 0–5 with a comment, inside the review window',
      parameters: [idParam],
      requestBody: body({ type: 'object', properties: { scores: { type: 'object', additionalProperties: { type: 'object', properties: { score: { type: 'integer', minimum: 0, maximum: 5 }, comment: { type: 'string' } } } } } }),
      responses: { '200': ok(outcome()), ...refusals },
    },
  },
  '/requests/{id}/reviews': { get: { summary: 'Scores side by side with mean and spread (secretariat; committee after the decision)', parameters: [idParam], responses: { '200': ok(ref('ScoreBoard')), '404': refusals['404'] } } },
  '/requests/{id}/decision': {
    get: { summary: 'The decision, if any', parameters: [idParam], responses: { '200': ok({ type: 'object' }), '404': refusals['404'] } },
    ...action('Record the decision (broker or a committee member without conflict); one per request', { type: 'object', required: ['outcome', 'reasons'], properties: { outcome: { enum: ['selected', 'rejected', 'waiting_list'] }, reasons: { type: 'string' } } }),
  },
  '/requests/{id}/call': action('The broker publishes the call for expertise of a selected request', {
    type: 'object',
    required: ['title', 'expertiseSought', 'formats', 'languages', 'deadline'],
    properties: { title: { type: 'string' }, expertiseSought: { type: 'string' }, themes: arr({ enum: [...themeCodes] }), formats: arr({ enum: [...EXCHANGE_FORMAT_CODES] }), languages: arr({ enum: [...LANGUAGE_CODES] }), periodStart: { type: 'string', format: 'date' }, periodEnd: { type: 'string', format: 'date' }, deadline: { type: 'string', format: 'date-time' } },
  }),
  '/calls': {
    get: {
      summary: 'Open calls for expertise',
      parameters: [
        { name: 'theme', in: 'query', required: false, schema: { enum: [...themeCodes] } },
        { name: 'format', in: 'query', required: false, schema: { enum: [...EXCHANGE_FORMAT_CODES] } },
      ],
      responses: { '200': ok({ type: 'object', properties: { calls: arr(ref('Call')) } }), '400': refusals['400'] },
    },
  },
  '/calls/{id}': { get: { summary: 'A public call for expertise', parameters: [idParam], responses: { '200': ok(ref('Call')), '404': refusals['404'] } } },
  '/calls/{id}/offers': {
    get: { summary: "The offers of a call (secretariat), with the provider's last activity", parameters: [idParam], responses: { '200': ok({ type: 'object' }), '404': refusals['404'] } },
    post: { summary: 'Offer expertise: one offer per call and person', parameters: [idParam], requestBody: body(ref('OfferInput')), responses: { '201': ok(outcome('id'), 'Created'), ...refusals } },
  },
  '/offers/{id}': { get: { summary: 'An offer with its experts, thread and match', parameters: [idParam], responses: { '200': ok({ type: 'object' }), '404': refusals['404'] } } },
  '/offers/{id}/messages': action('A message in the offer thread (broker and provider)', { type: 'object', required: ['body'], properties: { body: { type: 'string', maxLength: 5000 } } }),
  '/offers/{id}/shortlist': action('The broker shortlists an offer'),
  '/offers/{id}/withdraw': action('The provider withdraws the offer before it is proposed'),
  '/offers/{id}/propose': action('The broker proposes the offer as the match of its call', undefined, outcome('matchId')),
  '/matches/{id}/confirm': action('The requesting side or the provider confirms; both → the request is matched', undefined, { type: 'object', properties: { ok: { type: 'boolean' }, isConfirmed: { type: 'boolean' } } }),
  '/matches/{id}/decline': action('Either side declines the proposed match'),
};
