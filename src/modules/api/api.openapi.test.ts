/**
 * The OpenAPI document of /api/v1 is generated from the operations the modules declare: it is
 * valid OpenAPI 3.1 in shape, every operation has a unique operationId, every documented operation
 * is a mounted route (not the app's "no route" answer), and every mounted API route is documented.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { declaredOperations, openApiPath } from '../../platform/openapi.ts';

type Op = { operationId: string; summary: string; parameters?: { name: string; in: string; required: boolean; schema: object }[]; requestBody?: object; responses: Record<string, { content?: object }> };
type Doc = { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, object> } };

let t: TestApp;
let doc: Doc;
before(async () => {
  // One client asks every documented operation: more than the per-IP limit of a minute as the API grows.
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const res = await t.client().get('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  doc = JSON.parse(res.body_) as Doc;
});
after(() => t.close());

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** The API routes mounted in the app (middleware are registered as ALL), as OpenAPI method and path. */
const mountedApiRoutes = () =>
  [...new Set(t.app.routes.filter((r) => r.path.startsWith('/api/v1/') && METHODS.has(r.method.toLowerCase())).map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path.slice('/api/v1'.length))}`))].sort();
const documented = () => Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort();

test('the document is OpenAPI 3.1: servers under /api/v1, an operationId for every operation, unique, path parameters declared, JSON responses', () => {
  assert.equal(doc.openapi, '3.1.0');
  assert.match(doc.servers[0]!.url, /\/api\/v1$/);
  assert.ok(doc.components.schemas.Error);
  const ids = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      assert.ok(METHODS.has(method), `${method} ${path}`);
      assert.ok(op.operationId && !ids.has(op.operationId), `${method} ${path}: operationId ${op.operationId}`);
      ids.add(op.operationId);
      assert.ok(op.summary, `${method} ${path}: summary`);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort(), inPath, `${method} ${path}: path parameters`);
      assert.ok(Object.keys(op.responses).some((s) => s.startsWith('2')), `${method} ${path}: a success answer`);
    }
  }
  assert.equal(ids.size, declaredOperations().length);
});

test('every mounted API route is documented, and every documented operation is a mounted route', () => {
  const mounted = mountedApiRoutes();
  assert.ok(mounted.length >= 50, String(mounted.length));
  assert.deepEqual(mounted.filter((r) => !documented().includes(r)), [], 'routes without a documented operation');
  assert.deepEqual(documented().filter((r) => !mounted.includes(r)), [], 'documented operations without a route');
});

test('a request to each documented operation is answered by its route: never 405 or 500, and a 404 only where a route stands (a random id)', async () => {
  // The app's "no route" answer and a route's "not found" look the same (404, the same body), so a 404 is
  // accepted only where Hono has a route of that method and path; anything else the route answered itself.
  const client = t.client();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      const url = `/api/v1${path.replace(/\{step\}/g, 'challenge').replace(/\{\w+\}/g, randomUUID())}`;
      const res = await client.request(method.toUpperCase(), url, method === 'get' ? {} : { json: {} });
      if (res.status === 404) assert.ok(t.app.routes.some((r) => r.method === method.toUpperCase() && openApiPath(r.path) === `/api/v1${path}`), `${method} ${path} has no route`);
      assert.notEqual(res.status, 405, `${method} ${path}`);
      assert.ok(res.status < 500, `${method} ${path}: ${res.status} ${res.body_.slice(0, 200)}`);
    }
  }
  // And a path nobody routes is the app's 404.
  assert.equal((await client.get(`/api/v1/no-such-route-${randomUUID()}`)).status, 404);
});

test('the limits of the zod schemas are the document’s: a good practice’s title, the themes of the taxonomy, a score 0–5', () => {
  const schemaOf = (path: string, method: string) => (doc.paths[path]![method]!.requestBody as { content: { 'application/json': { schema: { properties: Record<string, { maxLength?: number; items?: { enum?: string[] } }>; required?: string[] } } } }).content['application/json'].schema;
  const gp = schemaOf('/good-practices', 'post');
  assert.equal(gp.properties.title!.maxLength, 200);
  assert.ok(gp.properties.themes!.items!.enum!.includes('waste_management'));
  assert.deepEqual(gp.required!.sort(), ['lang', 'summary', 'title'], 'a list filled by the form reader is not required');
  assert.ok(schemaOf('/organisations', 'post').properties.themes!.items!.enum!.includes('waste_management'));
  const review = schemaOf('/requests/{id}/reviews', 'post') as unknown as { properties: { scores: { additionalProperties: { properties: { score: { minimum: number; maximum: number } } } } } };
  assert.deepEqual([review.properties.scores.additionalProperties.properties.score.minimum, review.properties.scores.additionalProperties.properties.score.maximum], [0, 5]);
  for (const [path, method] of [['/good-practices', 'post'], ['/good-practices/{id}', 'put'], ['/good-practices/{id}/publish', 'post'], ['/requests/{id}/reviews', 'post'], ['/matches/{id}/exchange', 'post']] as const) assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  const list = doc.paths['/good-practices']!.get!.parameters!.map((p) => p.name).sort();
  assert.deepEqual(list, ['approach', 'format', 'language', 'limit', 'page', 'q', 'region', 'sdg', 'theme']);
});
