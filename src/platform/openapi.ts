/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the services parse with
 * (zod 4's JSON Schema output), so that a limit is stated once. Each module declares its operations
 * next to its API routes (`declareOperations` in `<m>.api.ts`): method, path, operationId, summary,
 * the schemas of params, query, body and answer, and whether a sign-in is required. The document
 * lists what is declared; a test checks that every declared operation is a mounted route and every
 * mounted API route is declared. No domain code here.
 */
import { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413;

export type Operation = {
  method: Method;
  /** The route as Hono writes it, under /api/v1: `/good-practices/:id`. */
  path: string;
  /** Unique across the API: what client generators name the call. */
  operationId: string;
  summary: string;
  description?: string;
  /** `required`: a token or a session, else 401. `optional` (the default): visitors get what visitors may see. */
  auth?: 'required' | 'optional';
  /** Path parameters (every `:name` of the path); a missing one is documented as a string. */
  params?: z.ZodObject;
  /** The query string (an object schema: each key a parameter). */
  query?: z.ZodType;
  /** The JSON body. */
  body?: z.ZodType;
  /** The JSON answer, where a schema states it. */
  response?: z.ZodType;
  /** The status of success (200 unless said). */
  status?: 200 | 201;
  /** Refusals besides those the rest implies (400 with input, 401 with a required sign-in). */
  errors?: readonly ErrorStatus[];
  /** The module that serves it (grouping in the document). */
  tag?: string;
};

/** The error answer of every refusal: a code, a message in the caller's language, and for invalid input a message per field. */
export const errorAnswer = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'not_found, invalid_input, invalid_json, invalid_query, consent_required, or the reason of a refused action' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'Invalid input: a message per field, in the caller’s language' }),
      reference: z.string().optional(),
    }),
  })
;

/** An action's outcome (refusals answer 409 with the reason as `error.code`). */
export const outcome = z.looseObject({ ok: z.literal(true) });

const registry = new Map<string, Operation>();

/** Declares a module's API operations (called at the top of its `<m>.api.ts`); returns them for the router. */
export function declareOperations(tag: string, ops: readonly Operation[]): readonly Operation[] {
  for (const op of ops) {
    const seen = registry.get(op.operationId);
    if (seen && (seen.method !== op.method || seen.path !== op.path)) throw new Error(`operationId ${op.operationId} declared twice`);
    registry.set(op.operationId, { ...op, tag: op.tag ?? tag });
  }
  return ops;
}

/** Every operation declared so far (every module's `<m>.api.ts` is loaded by the time the app serves). */
export function declaredOperations(): Operation[] {
  return [...registry.values()];
}

/** `/good-practices/:id` → `/good-practices/{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

type Json = Record<string, unknown>;
type ZodInternals = { _zod: { def: { type: string; shape?: Record<string, z.ZodType> } } };

/**
 * JSON Schema of a zod schema as a caller writes it (`input`) or reads it (`output`). What JSON
 * Schema cannot say (a refinement, a transform) is left open. A key is required on input only if
 * leaving it out is refused: zod marks a key that a preprocess fills (a list from a form) as required.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as ZodInternals)._zod.def;
      if (io !== 'input' || def.type !== 'object' || !def.shape) return;
      const required = Object.entries(def.shape)
        .filter(([, s]) => !s.safeParse(undefined).success)
        .map(([k]) => k);
      if (required.length) ctx.jsonSchema.required = required;
      else delete ctx.jsonSchema.required;
    },
  }) as Json;
  delete out.$schema;
  return out;
}

const REASONS: Record<ErrorStatus, string> = {
  400: 'Invalid input: `error.fields` has a message per field',
  401: 'No valid token or session',
  403: 'Visible to you, but not yours to do (or consent to the privacy notice is required)',
  404: 'Missing, or not visible to you',
  409: 'Not possible in the current state; `error.code` names the reason',
  413: 'Too large',
};

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const json = (schema: Json) => ({ 'application/json': { schema } });

function operationObject(op: Operation): Json {
  const parameters: Json[] = [];
  const paramShape = (op.params as unknown as ZodInternals | undefined)?._zod.def.shape ?? {};
  for (const [, name] of op.path.matchAll(/:(\w+)/g)) {
    const s = paramShape[name!];
    parameters.push({ name, in: 'path', required: true, schema: s ? jsonSchema(s, 'input') : { type: 'string' } });
  }
  if (op.query) {
    const q = jsonSchema(op.query, 'input');
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((q.properties ?? {}) as Record<string, Json>)) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: 'query', required: required.has(name), schema: rest, ...(description ? { description } : {}) });
    }
  }
  const statuses = new Set<ErrorStatus>(op.errors ?? []);
  if (op.body || op.query || op.params) statuses.add(400);
  if (op.auth === 'required') statuses.add(401);
  const ok = String(op.status ?? 200);
  const responses: Json = { [ok]: { description: ok === '201' ? 'Created' : 'OK', content: json(op.response ? jsonSchema(op.response, 'output') : {}) } };
  for (const s of [...statuses].sort()) responses[String(s)] = { description: REASONS[s], content: json(ERROR_REF) };
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.tag ? { tags: [op.tag] } : {}),
    security: op.auth === 'required' ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [{ bearerAuth: [] }, { sessionCookie: [] }, {}],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: json(jsonSchema(op.body, 'input')) } } : {}),
    responses,
  };
}

export type DocumentInfo = { baseUrl: string; title: string; version: string; description: string };

/** The OpenAPI 3.1 document of the operations given. */
export function openApiDocument(ops: readonly Operation[], info: DocumentInfo): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of [...ops].sort((a, b) => a.path.localeCompare(b.path))) (paths[openApiPath(op.path)] ??= {})[op.method] = operationObject(op);
  const { id: _id, ...error } = jsonSchema(errorAnswer, 'output');
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: `${info.baseUrl}/api/v1` }],
    tags: [...new Set(ops.map((o) => o.tag).filter((t): t is string => !!t))].sort().map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token (plk_…) created on the account page' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: '__Host-peerlink', description: 'The browser session; state-changing calls also need a same-origin Origin header' },
      },
      schemas: { Error: error },
    },
  };
}
