/**
 * The OpenAPI 3.1 paths and schemas of matching under /api/v1: the ranked candidates of an
 * expertise call or of a request with no call yet (staff), "invite to offer", and the member's
 * opportunities (open calls ranked for their profile or an organisation they administer). A fragment for the API document: spread `paths`
 * and `schemas` into it.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: object) => ({ type: 'array', items });
const uuid = { type: 'string', format: 'uuid' } as const;
const str = { type: 'string' } as const;
const idParam = { name: 'id', in: 'path', required: true, schema: uuid };
const qp = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description });
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const ok = (schema: object) => ({ description: 'OK', content: { 'application/json': { schema } } });

export const matchingOpenApiSchemas = {
  MatchReason: {
    type: 'object',
    required: ['code', 'params'],
    description: 'A structured reason: `code` is theme, text, job, language, context, history or availability; `params` fill the message (see docs/matching.md).',
    properties: { code: { enum: ['theme', 'text', 'job', 'language', 'context', 'history', 'availability'] }, params: { type: 'object' } },
  },
  Candidate: {
    type: 'object',
    required: ['type', 'id', 'name', 'score', 'reasons'],
    properties: {
      type: { enum: ['organisation', 'person'] },
      id: uuid,
      name: str,
      country: { oneOf: [str, { type: 'null' }] },
      organisationName: { oneOf: [str, { type: 'null' }], description: 'A person’s organisation' },
      score: { type: 'number', minimum: 0, maximum: 1 },
      reasons: arr(ref('MatchReason')),
      canInvite: { type: 'boolean', description: 'Someone can be told (the person’s account, or an organisation admin)' },
    },
  },
  CallCandidates: {
    type: 'object',
    properties: {
      call: { type: 'object', properties: { id: uuid, title: str, state: str, languages: arr(str), requestId: uuid, organisationName: str } },
      filters: { type: 'object', properties: { type: { enum: ['organisation', 'person'] }, country: str, language: { type: 'boolean' }, top: { type: 'integer' } } },
      notices: arr(str),
      candidates: { ...arr(ref('Candidate')), description: 'Best first; ties broken by type and id. The same order as the page and the CLI.' },
    },
  },
  RequestCandidates: {
    type: 'object',
    properties: {
      request: { type: 'object', properties: { id: uuid, title: str, state: str, languages: arr(str), organisationName: str, callId: { oneOf: [uuid, { type: 'null' }], description: 'Its published call, if any' } } },
      filters: { type: 'object', properties: { type: { enum: ['organisation', 'person'] }, country: str, language: { type: 'boolean' }, top: { type: 'integer' } } },
      notices: arr(str),
      candidates: { ...arr(ref('Candidate')), description: 'Best first; ties broken by type and id. The same order as the page.' },
    },
  },
  Opportunities: {
    type: 'object',
    required: ['for', 'opportunities'],
    properties: {
      for: { oneOf: [{ type: 'object', properties: { kind: { enum: ['person', 'organisation'] }, id: uuid, name: str } }, { type: 'null' }], description: 'null: the member has no expert profile yet' },
      opportunities: {
        description: 'Open calls, best first (at most 10); the same order as /opportunities.',
        ...arr({
          type: 'object',
          required: ['id', 'title', 'score', 'reasons'],
          properties: { id: uuid, title: str, organisationName: str, country: str, deadline: { type: 'string', format: 'date-time' }, score: { type: 'number', minimum: 0, maximum: 1 }, reasons: arr(ref('MatchReason')) },
        }),
      },
    },
  },
};

export const matchingOpenApiPaths = {
  '/calls/{id}/candidates': {
    get: {
      summary: 'Ranked candidates (organisations and experts) for an expertise call, with reasons (brokers and admins)',
      parameters: [
        idParam,
        qp('type', { enum: ['organisation', 'person'] }, 'Only organisations or only experts'),
        qp('country', { type: 'string', pattern: '^[A-Za-z]{2}$' }, 'ISO 3166-1 alpha-2'),
        qp('language', { enum: ['1', 'on', 'true'] }, 'Only candidates sharing one of the call’s working languages (hard filter)'),
        qp('top', { type: 'integer', minimum: 1, maximum: 50 }, 'Number of candidates (default 20)'),
      ],
      responses: { '200': ok(ref('CallCandidates')), '400': err('Invalid filter or unknown query key'), '401': err('No valid token or session'), '404': err('Missing, or not visible to you') },
    },
  },
  '/requests/{id}/candidates': {
    get: {
      summary: 'Ranked candidates for a request before (or without) its call, with reasons (brokers and admins); inviting needs the published call',
      parameters: [
        idParam,
        qp('type', { enum: ['organisation', 'person'] }, 'Only organisations or only experts'),
        qp('country', { type: 'string', pattern: '^[A-Za-z]{2}$' }, 'ISO 3166-1 alpha-2'),
        qp('language', { enum: ['1', 'on', 'true'] }, 'Only candidates sharing one of the request’s working languages (hard filter)'),
        qp('top', { type: 'integer', minimum: 1, maximum: 50 }, 'Number of candidates (default 20)'),
      ],
      responses: { '200': ok(ref('RequestCandidates')), '400': err('Invalid filter or unknown query key'), '401': err('No valid token or session'), '404': err('Missing, or not visible to you') },
    },
  },
  '/opportunities': {
    get: {
      summary: 'Open calls ranked for your expert profile, or for an organisation you administer (as /opportunities)',
      parameters: [qp('organisation', uuid, 'An organisation you administer (staff: any); without it, your own profile')],
      responses: { '200': ok(ref('Opportunities')), '401': err('No valid token or session'), '404': err('The organisation is missing or not yours') },
    },
  },
  '/calls/{id}/candidates/invite': {
    post: {
      summary: 'Invite a candidate to offer: the person, or the organisation’s admins, are told in their language (audited)',
      parameters: [idParam],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['type', 'id'], properties: { type: { enum: ['organisation', 'person'] }, id: uuid } } } } },
      responses: {
        '200': ok({ type: 'object', properties: { ok: { type: 'boolean' }, notified: { type: 'integer' } } }),
        '400': err('Invalid input'),
        '401': err('No valid token or session'),
        '404': err('Missing, or not visible to you'),
        '409': err('no_account, own_organisation or closed'),
      },
    },
  },
};
