/**
 * The OpenAPI 3.1 paths and schemas of exchanges, terms of reference and evaluations under
 * /api/v1. A fragment for the API document: spread `exchangesOpenApiPaths` into `paths` and
 * `exchangesOpenApiSchemas` into `components.schemas` (it refers to the shared `Error` schema).
 */
import { EXCHANGE_FORMAT_CODES } from '../../taxonomy/formats.ts';
import { EXCHANGE_STATES, EXCHANGE_EVENTS } from './exchanges.workflow.ts';
import { STAGES } from '../evaluations/evaluations.schedule.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: object) => ({ type: 'array', items });
const uuid = { type: 'string', format: 'uuid' } as const;
const str = { type: 'string' } as const;
const date = { type: 'string', format: 'date' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const idParam = { name: 'id', in: 'path', required: true, schema: uuid };
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const ok = (schema: object) => ({ description: 'OK', content: { 'application/json': { schema } } });
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const reads = { '401': err('No valid token or session'), '404': err('Missing, or not visible to you') };
const writes = { ...reads, '400': err('Invalid input, a message per field'), '409': err('Not possible in the current state; error.code names the reason') };

export const exchangesOpenApiSchemas = {
  ExchangeSummary: {
    type: 'object',
    properties: { id: uuid, title: str, format: { enum: [...EXCHANGE_FORMAT_CODES] }, state: { enum: [...EXCHANGE_STATES] }, startDate: date, endDate: date },
  },
  Exchange: {
    type: 'object',
    properties: {
      exchange: {
        type: 'object',
        properties: { id: uuid, matchId: uuid, programmeId: uuid, title: str, format: { enum: [...EXCHANGE_FORMAT_CODES] }, state: { enum: [...EXCHANGE_STATES] }, startDate: date, endDate: date, place: str, onlineLink: str, checklist: { type: 'object', additionalProperties: { type: 'boolean' } } },
      },
      participants: arr({ type: 'object', properties: { side: { enum: ['host', 'peer', 'stakeholder'] }, kind: str, women: { type: 'integer' }, men: { type: 'integer' }, otherGender: { type: 'integer' } } }),
      budget: arr({ type: 'object', properties: { label: str, amountCents: { type: 'integer' }, currency: str, fundedBy: str } }),
      transitions: arr({ type: 'object', properties: { from: str, to: str, at: dateTime, actorName: { type: ['string', 'null'] } } }),
      documents: arr({ type: 'object', properties: { id: uuid, label: str, size: { type: 'integer' }, createdAt: dateTime, uploaderName: str } }),
      agenda: arr({ type: 'object', properties: { id: uuid, day: date, time: str, title: str } }),
      tasks: arr({ type: 'object', properties: { id: uuid, title: str, dueDate: date, isDone: { type: 'boolean' } } }),
      tor: { type: 'object', properties: { latest: { type: ['integer', 'null'] }, agreed: { type: ['integer', 'null'] } } },
    },
  },
  TermsOfReference: {
    type: 'object',
    properties: {
      exchangeId: uuid,
      agreedVersion: { type: ['integer', 'null'] },
      versions: arr({
        type: 'object',
        properties: {
          id: uuid,
          version: { type: 'integer' },
          content: { type: 'object', properties: { objectives: str, activities: str, expectedResults: str, deliverables: str, roles: str, interpretation: str } },
          authorName: str,
          createdAt: dateTime,
          signatures: arr({ type: 'object', properties: { side: { enum: ['host', 'peer', 'broker'] }, name: str, at: dateTime } }),
        },
      }),
    },
  },
  EvaluationResults: {
    type: 'object',
    properties: {
      exchange: { type: 'object', properties: { id: uuid, title: str } },
      averageScale: { type: ['number', 'null'] },
      rows: arr({
        type: 'object',
        properties: { id: uuid, stage: { enum: [...STAGES] }, side: { enum: ['host', 'peer'] }, title: str, sentAt: dateTime, reminders: { type: 'integer' }, answeredAt: { type: ['string', 'null'], format: 'date-time' }, items: arr({ type: 'object', properties: { label: str, kind: { enum: ['scale', 'choice', 'number', 'text'] }, value: {} } }) },
      }),
    },
  },
  Evaluation: {
    type: 'object',
    properties: {
      id: uuid,
      exchange: { type: 'object', properties: { id: uuid, title: str } },
      stage: { enum: [...STAGES] },
      side: { enum: ['host', 'peer'] },
      questions: arr({ type: 'object', properties: { id: uuid, position: { type: 'integer' }, kind: { enum: ['scale', 'choice', 'number', 'text'] }, label: str, choices: arr(str), isRequired: { type: 'boolean' } } }),
      answer: { type: ['object', 'null'], properties: { answers: { type: 'object', additionalProperties: {} }, at: dateTime } },
      canAnswer: { type: 'boolean' },
    },
  },
};

export const exchangesOpenApiPaths = {
  '/exchanges': { get: { summary: 'Exchanges you take part in (all of them for a broker)', responses: { '200': ok(arr(ref('ExchangeSummary'))), '401': reads['401'] } } },
  '/exchanges/{id}': { get: { summary: 'An exchange: plan, participants by side/type/gender, budget, documents, agenda, tasks, history', parameters: [idParam], responses: { '200': ok(ref('Exchange')), ...reads } } },
  '/exchanges/{id}/terms': { get: { summary: 'Terms of reference: every version with who signed it for which side, when', parameters: [idParam], responses: { '200': ok(ref('TermsOfReference')), ...reads } } },
  '/exchanges/{id}/terms/signatures': {
    post: {
      summary: 'Sign the latest version for every side you stand for (host, peer, broker)',
      parameters: [idParam],
      requestBody: body({ type: 'object', required: ['version'], properties: { version: { type: 'integer' } } }),
      responses: { '200': ok({ type: 'object', properties: { ok: { type: 'boolean' }, sides: arr(str), agreed: { type: 'boolean' } } }), ...writes },
    },
  },
  '/exchanges/{id}/transitions': {
    post: {
      summary: 'Move the exchange on (broker): agree, hold, evaluate, close',
      parameters: [idParam],
      requestBody: body({ type: 'object', required: ['event'], properties: { event: { enum: [...EXCHANGE_EVENTS] } } }),
      responses: { '200': ok({ type: 'object', properties: { ok: { type: 'boolean' }, to: { enum: [...EXCHANGE_STATES] } } }), ...writes },
    },
  },
  '/exchanges/{id}/evaluations': { get: { summary: 'Evaluation results of an exchange (every side for the broker, your own side otherwise)', parameters: [idParam], responses: { '200': ok(ref('EvaluationResults')), ...reads } } },
  '/evaluations/{id}': { get: { summary: 'A questionnaire sent to your side, with its answer if given', parameters: [idParam], responses: { '200': ok(ref('Evaluation')), ...reads } } },
  '/evaluations/{id}/answers': {
    post: {
      summary: 'Answer for your side, once (a second answer answers 409 already_answered)',
      parameters: [idParam],
      requestBody: body({ type: 'object', required: ['answers'], properties: { answers: { type: 'object', additionalProperties: { type: ['string', 'number'] } } } }),
      responses: { '200': ok({ type: 'object', properties: { ok: { type: 'boolean' } } }), ...writes },
    },
  },
};
