/** The append-only audit log: actor, action, object, time, IP, outcome. Never content, passwords, tokens or session ids. */
import { auditLog } from '../db/schema/platform.ts';
import type { DbOrTx } from './db.ts';

export type AuditEntry = {
  actorId?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  ip?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
};

/**
 * An object id as recorded: what a caller typed can be anything (a refused request for `/admin/users/%00/roles`
 * is audited too), so control characters go (PostgreSQL refuses NUL in text) and the length is capped.
 */
const recordedId = (id: string | null | undefined): string | null => (id == null ? null : id.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 200));

export async function audit(db: DbOrTx, at: Date, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at,
    actorId: e.actorId ?? null,
    action: e.action,
    objectType: e.objectType ?? null,
    objectId: recordedId(e.objectId),
    ip: e.ip ?? null,
    outcome: e.outcome ?? 'ok',
  });
}
