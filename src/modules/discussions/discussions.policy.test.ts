/** The rules of discussions as tables: who may do what, the first posts waiting, the posting limits, working days. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canDiscuss, retryAfterSeconds, waitsForApproval, workingDaysBefore, type DiscussionAction, type DiscussionStanding } from './discussions.policy.ts';

const ME = 'u1';
const member: DiscussionStanding = { userId: ME, participates: true, coordinates: false };
const coordinator: DiscussionStanding = { userId: 'c1', participates: false, coordinates: true };
const outsider: DiscussionStanding = { userId: 'x1', participates: false, coordinates: false };
const visitor: DiscussionStanding = { userId: null, participates: false, coordinates: false };
const open = { kind: 'consultation', state: 'open', locked: false, hidden: false, authorId: ME };
const othersPost = { authorId: 'u2', isOpening: false, state: 'published' };

test('who may do what', () => {
  const rows: [DiscussionStanding, DiscussionAction, Partial<typeof open> | undefined, typeof othersPost | undefined, boolean][] = [
    [visitor, 'topic.read', open, undefined, false],
    [outsider, 'topic.read', open, undefined, false],
    [member, 'topic.read', open, undefined, true],
    [coordinator, 'topic.read', open, undefined, true],
    [outsider, 'topic.create', undefined, undefined, false],
    [member, 'post.reply', open, undefined, true],
    [member, 'post.reply', { locked: true }, undefined, false],
    [coordinator, 'post.reply', { locked: true }, undefined, true],
    [member, 'post.reply', { state: 'closed' }, undefined, false],
    [member, 'post.markAnswer', open, othersPost, true],
    [member, 'post.markAnswer', { authorId: 'u3' }, othersPost, false],
    [member, 'post.markAnswer', { kind: 'discussion' }, othersPost, false],
    [member, 'post.markAnswer', open, { ...othersPost, state: 'pending' }, false],
    [member, 'post.helped', open, othersPost, true],
    [member, 'post.helped', open, { ...othersPost, authorId: ME }, false],
    [member, 'post.edit', open, { ...othersPost, authorId: ME }, true],
    [member, 'post.edit', { locked: true }, { ...othersPost, authorId: ME }, false],
    [member, 'post.edit', open, othersPost, false],
    [coordinator, 'post.edit', open, othersPost, true],
    [member, 'topic.close', open, undefined, true],
    [member, 'topic.close', { authorId: 'u3' }, undefined, false],
    [coordinator, 'topic.close', { authorId: 'u3' }, undefined, true],
    [member, 'topic.coordinate', open, undefined, false],
    [coordinator, 'topic.coordinate', open, undefined, true],
    [member, 'topic.read', { hidden: true, authorId: 'u3' }, undefined, false],
    [member, 'topic.read', { hidden: true }, undefined, true],
    [member, 'topic.draftGoodPractice', { state: 'closed' }, undefined, true],
    [member, 'topic.draftGoodPractice', open, undefined, false],
  ];
  for (const [s, action, topic, post, expected] of rows) assert.equal(canDiscuss(s, action, topic ? { ...open, ...topic } : undefined, post), expected, `${JSON.stringify(s)} ${action} ${JSON.stringify(topic)} ${JSON.stringify(post)}`);
});

test('a member’s first two posts in a network wait; a coordinator’s never', () => {
  assert.deepEqual([0, 1, 2, 3].map((n) => waitsForApproval(member, n)), [true, true, false, false]);
  assert.equal(waitsForApproval(coordinator, 0), false);
});

test('posting limits: five posts in ten minutes, forty a day; Retry-After until the oldest leaves the window', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  assert.equal(retryAfterSeconds([ago(10), ago(20), ago(30), ago(40)], now), 0);
  assert.equal(retryAfterSeconds([ago(10), ago(20), ago(30), ago(40), ago(500)], now), 100);
  const day = Array.from({ length: 40 }, (_, i) => ago(3600 + i * 60));
  assert.ok(retryAfterSeconds(day, now) > 3600);
});

test('five working days skip the weekend', () => {
  assert.equal(workingDaysBefore(new Date('2026-12-07T09:00:00Z'), 5).toISOString(), '2026-11-30T09:00:00.000Z'); // Monday → Monday
  assert.equal(workingDaysBefore(new Date('2026-12-05T09:00:00Z'), 5).toISOString(), '2026-11-30T09:00:00.000Z'); // Saturday: Friday to Monday are the five
});
