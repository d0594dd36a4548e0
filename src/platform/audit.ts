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

export async function audit(db: DbOrTx, at: Date, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at,
    actorId: e.actorId ?? null,
    action: e.action,
    objectType: e.objectType ?? null,
    objectId: e.objectId ?? null,
    ip: e.ip ?? null,
    outcome: e.outcome ?? 'ok',
  });
}
