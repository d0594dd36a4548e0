/**
 * Who may do what with good practices. Pure functions over typed action names; the service
 * calls them before acting, views receive the answers as abilities.
 *
 * Editors are the secretariat (broker, admin) and the active organisation admins of an
 * association of local governments. An association admin edits the cases their association
 * owns (and creates new ones for it); the secretariat edits every case.
 */
import type { CurrentUser } from '../../platform/http.ts';
import type { GoodPracticeState } from '../../db/schema/knowledge.ts';

export type GoodPracticeAction = 'goodPractice.view' | 'goodPractice.create' | 'goodPractice.edit' | 'goodPractice.publish' | 'goodPractice.unpublish' | 'goodPractice.viewHistory';

/** The associations the actor is an active org_admin of (organisations.kind = 'association'). */
export type EditorRelation = { adminOfAssociations: readonly string[] };
export const NO_EDITOR_RELATION: EditorRelation = { adminOfAssociations: [] };

/** What the policy needs to know about one case. */
export type CaseFacts = { state: GoodPracticeState; ownerOrganisationId: string | null };

/** The secretariat (broker and platform admin): the one definition is platform/roles.ts's isStaff. */
import { isStaff as isSecretariat } from '../../platform/roles.ts';
export { isSecretariat };

/** Whether the actor edits good practices at all (sees the editor pages). */
export function isEditor(actor: CurrentUser | null, rel: EditorRelation): boolean {
  return isSecretariat(actor) || (!!actor && rel.adminOfAssociations.length > 0);
}

function editsCase(actor: CurrentUser | null, rel: EditorRelation, facts: CaseFacts): boolean {
  if (isSecretariat(actor)) return true;
  return !!actor && facts.ownerOrganisationId !== null && rel.adminOfAssociations.includes(facts.ownerOrganisationId);
}

export function canGoodPractice(actor: CurrentUser | null, action: GoodPracticeAction, rel: EditorRelation = NO_EDITOR_RELATION, facts?: CaseFacts): boolean {
  switch (action) {
    case 'goodPractice.create':
      return isEditor(actor, rel);
    case 'goodPractice.view':
      // Published cases are public; drafts and withdrawn cases only for those who edit them.
      return !!facts && (facts.state === 'published' || editsCase(actor, rel, facts));
    case 'goodPractice.edit':
    case 'goodPractice.viewHistory':
      return !!facts && editsCase(actor, rel, facts);
    case 'goodPractice.publish':
      return !!facts && facts.state !== 'published' && editsCase(actor, rel, facts);
    case 'goodPractice.unpublish':
      return !!facts && facts.state === 'published' && editsCase(actor, rel, facts);
  }
}
