/**
 * The demo's association: VNG International, which carries out CONNECT for the Association of
 * Netherlands Municipalities, follows the Municipality of Almere (a member, confirmed by Almere's
 * admin), so its page shows the first CONNECTion, Agona West – Almere, ready for a lessons brief.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db.ts';
import * as repo from './associations.repository.ts';

export async function seedAssociationsDemo(db: Db, { now }: { now: Date }): Promise<{ associationMembers?: number }> {
  const [vng, almere] = [await repo.organisationIdByExternalId(db, 'nl-vng-international'), await repo.organisationIdByExternalId(db, 'nl-almere')];
  if (!vng || !almere) return {};
  const requestedAt = new Date(now.getTime() - 40 * 86_400_000);
  const added = await repo.insertLink(db, { id: randomUUID(), associationId: vng, memberId: almere, state: 'active', requestedBy: null, requestedAt, decidedBy: null, decidedAt: new Date(requestedAt.getTime() + 86_400_000) });
  return added ? { associationMembers: 1 } : {};
}
