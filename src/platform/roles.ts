/**
 * Role helpers: pure functions over the signed-in person's platform roles (CurrentUser.roles), for
 * every module's policy. One definition, here below the modules.
 */

/** Broker and platform admin: the secretariat, who may act on any organisation, request or exchange. */
export function isStaff(actor: { roles: readonly string[] } | null | undefined): boolean {
  return !!actor && (actor.roles.includes('broker') || actor.roles.includes('admin'));
}
