/**
 * The OpenAPI 3.1 fragment of the evaluation results across a programme under /api/v1. For the API
 * document: spread `evaluationsOpenApiPaths` into `paths` and `evaluationsOpenApiSchemas` into
 * `components.schemas` (it refers to the shared `Error` schema).
 */
import { STAGES, SIDES } from './evaluations.schedule.ts';
import { QUESTION_KINDS } from './evaluations.service.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: object) => ({ type: 'array', items });
const uuid = { type: 'string', format: 'uuid' } as const;
const str = { type: 'string' } as const;
const int = { type: 'integer', minimum: 0 } as const;
const numOrNull = { type: ['number', 'null'] } as const;
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

export const evaluationsOpenApiSchemas = {
  ProgrammeEvaluationResults: {
    type: 'object',
    required: ['programme', 'stages'],
    properties: {
      programme: { type: 'object', properties: { id: uuid, name: str } },
      stages: arr({
        type: 'object',
        properties: {
          stage: { enum: [...STAGES] },
          sides: arr({
            type: 'object',
            properties: {
              side: { enum: [...SIDES] },
              sent: int,
              answered: int,
              versions: arr({
                type: 'object',
                description: 'A questionnaire version sent to this side at least once',
                properties: {
                  questionnaireId: uuid,
                  version: { type: 'integer', minimum: 1 },
                  title: str,
                  current: { type: 'boolean', description: 'false for a version replaced or retired' },
                  sent: int,
                  answered: int,
                  questions: arr({
                    type: 'object',
                    properties: {
                      id: uuid,
                      position: int,
                      kind: { enum: [...QUESTION_KINDS] },
                      label: str,
                      answers: { ...int, description: 'How many answered this question' },
                      mean: { ...numOrNull, description: 'scale and number' },
                      median: { ...numOrNull, description: 'number' },
                      distribution: { type: ['array', 'null'], description: 'scale: answers per value 1–5', items: { type: 'object', properties: { value: { type: 'integer', minimum: 1, maximum: 5 }, n: int } } },
                      options: { type: ['array', 'null'], description: 'choice: answers per option', items: { type: 'object', properties: { option: str, n: int } } },
                      texts: { type: ['array', 'null'], description: 'text: the latest answers (at most 20; `answers` counts them all)', items: { type: 'object', properties: { exchangeId: uuid, exchangeTitle: str, text: str } } },
                    },
                  }),
                },
              }),
            },
          }),
        },
      }),
    },
  },
};

export const evaluationsOpenApiPaths = {
  '/programmes/{id}/evaluation-results': {
    get: {
      summary: 'Evaluation results across a programme, per stage, side and questionnaire version (brokers and admins)',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: ref('ProgrammeEvaluationResults') } } },
        '401': err('No valid token or session'),
        '404': err('Missing, or not visible to you'),
      },
    },
  },
};
