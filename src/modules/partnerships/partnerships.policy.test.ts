/** Who may do what with a partnership, as a table (the pure policy; the routes test checks the same through HTTP). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CurrentUser } from '../../platform/http.ts';
import { canPartnership, isAdminOf, type PartnershipAction, type PartnershipStanding } from './partnerships.policy.ts';

const person = (roles: string[] = []): CurrentUser => ({ id: 'u', name: 'N', email: 'n@example.org', locale: 'en', roles: roles as CurrentUser['roles'], coordinatorRegions: [], hasTotp: false });
const none: PartnershipStanding = { isPublic: false, isPartnerMember: false, isPartnerAdmin: false, canConfirmFor: [] };
const member: PartnershipStanding = { ...none, isPartnerMember: true };
const admin: PartnershipStanding = { ...none, isPartnerMember: true, isPartnerAdmin: true };
const toConfirm: PartnershipStanding = { ...admin, canConfirmFor: ['org-b'] };
const pub: PartnershipStanding = { ...none, isPublic: true };

const rows: [string, CurrentUser | null, PartnershipStanding, Record<PartnershipAction, boolean>][] = [
  ['visitor, not public', null, none, { 'partnership.view': false, 'partnership.contribute': false, 'partnership.invite': false, 'partnership.confirm': false }],
  ['visitor, public', null, pub, { 'partnership.view': true, 'partnership.contribute': false, 'partnership.invite': false, 'partnership.confirm': false }],
  ['outsider, not public', person(), none, { 'partnership.view': false, 'partnership.contribute': false, 'partnership.invite': false, 'partnership.confirm': false }],
  ['broker, not public', person(['broker']), none, { 'partnership.view': true, 'partnership.contribute': false, 'partnership.invite': false, 'partnership.confirm': false }],
  ['partner member', person(), member, { 'partnership.view': true, 'partnership.contribute': true, 'partnership.invite': false, 'partnership.confirm': false }],
  ['partner admin, confirmed', person(), admin, { 'partnership.view': true, 'partnership.contribute': true, 'partnership.invite': true, 'partnership.confirm': false }],
  ['partner admin, to confirm', person(), toConfirm, { 'partnership.view': true, 'partnership.contribute': true, 'partnership.invite': true, 'partnership.confirm': true }],
];

test('partnership abilities by standing', () => {
  for (const [who, actor, s, expected] of rows)
    for (const [action, allowed] of Object.entries(expected)) assert.equal(canPartnership(actor, action as PartnershipAction, s), allowed, `${who}: ${action}`);
});

test('only the org_admin role speaks for an organisation', () => {
  assert.equal(isAdminOf(['org_admin']), true);
  assert.equal(isAdminOf(['requester', 'expert', 'approver']), false);
  assert.equal(isAdminOf([]), false);
});
