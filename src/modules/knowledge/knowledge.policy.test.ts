import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CurrentUser } from '../../platform/http.ts';
import type { PlatformRole } from '../../db/schema/accounts.ts';
import { canGoodPractice, type EditorRelation, type GoodPracticeAction, type CaseFacts } from './knowledge.policy.ts';

const ASSOC = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';

const user = (roles: PlatformRole[] = []): CurrentUser => ({ id: 'u', name: 'U', email: 'u@example.org', locale: 'en', roles, coordinatorRegions: [], hasTotp: false });

type Who = 'visitor' | 'member' | 'orgAdminNonAssociation' | 'associationAdmin' | 'otherAssociationAdmin' | 'coordinator' | 'committee' | 'broker' | 'admin';
const WHO: Record<Who, { actor: CurrentUser | null; rel: EditorRelation }> = {
  visitor: { actor: null, rel: { adminOfAssociations: [] } },
  member: { actor: user(), rel: { adminOfAssociations: [] } },
  // An org admin of a municipality has no association: the service passes an empty list.
  orgAdminNonAssociation: { actor: user(), rel: { adminOfAssociations: [] } },
  associationAdmin: { actor: user(), rel: { adminOfAssociations: [ASSOC] } },
  otherAssociationAdmin: { actor: user(), rel: { adminOfAssociations: [OTHER] } },
  coordinator: { actor: user(['coordinator']), rel: { adminOfAssociations: [] } },
  committee: { actor: user(['committee']), rel: { adminOfAssociations: [] } },
  broker: { actor: user(['broker']), rel: { adminOfAssociations: [] } },
  admin: { actor: user(['admin']), rel: { adminOfAssociations: [] } },
};

const draft: CaseFacts = { state: 'draft', ownerOrganisationId: ASSOC };
const published: CaseFacts = { state: 'published', ownerOrganisationId: ASSOC };
const withdrawn: CaseFacts = { state: 'unpublished', ownerOrganisationId: ASSOC };
const secretariatDraft: CaseFacts = { state: 'draft', ownerOrganisationId: null };

const editors = new Set<Who>(['associationAdmin', 'broker', 'admin']);
const secretariat = new Set<Who>(['broker', 'admin']);
const anyEditor = new Set<Who>(['associationAdmin', 'otherAssociationAdmin', 'broker', 'admin']);
const all = new Set<Who>(Object.keys(WHO) as Who[]);

/** Role × action × state: who may. Everything not listed is refused. */
const TABLE: [GoodPracticeAction, CaseFacts | undefined, Set<Who>][] = [
  ['goodPractice.create', undefined, anyEditor],
  ['goodPractice.view', published, all],
  ['goodPractice.view', draft, editors],
  ['goodPractice.view', withdrawn, editors],
  ['goodPractice.view', secretariatDraft, secretariat],
  ['goodPractice.edit', published, editors],
  ['goodPractice.edit', draft, editors],
  ['goodPractice.edit', secretariatDraft, secretariat],
  ['goodPractice.viewHistory', draft, editors],
  ['goodPractice.publish', draft, editors],
  ['goodPractice.publish', withdrawn, editors],
  ['goodPractice.publish', published, new Set()],
  ['goodPractice.unpublish', published, editors],
  ['goodPractice.unpublish', draft, new Set()],
  ['goodPractice.unpublish', withdrawn, new Set()],
];

for (const [action, facts, allowed] of TABLE) {
  test(`${action} on ${facts ? `${facts.state} case (${facts.ownerOrganisationId ? 'association' : 'secretariat'})` : 'new case'}: only ${[...allowed].join(', ') || 'nobody'}`, () => {
    for (const who of Object.keys(WHO) as Who[]) {
      const { actor, rel } = WHO[who];
      assert.equal(canGoodPractice(actor, action, rel, facts), allowed.has(who), `${who} ${action}`);
    }
  });
}

test('an action on a case without facts is refused for everyone but create', () => {
  for (const a of ['goodPractice.view', 'goodPractice.edit', 'goodPractice.publish', 'goodPractice.unpublish', 'goodPractice.viewHistory'] as const) {
    assert.equal(canGoodPractice(user(['admin']), a, { adminOfAssociations: [] }), false);
  }
});
