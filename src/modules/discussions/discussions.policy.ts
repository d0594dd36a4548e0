/**
 * Who may do what in a network's discussions. Pure: the standing (from networks.service: does the
 * actor take part, coordinate) and the facts of the topic and post decide.
 */
export type DiscussionStanding = { userId: string | null; participates: boolean; coordinates: boolean };

export type TopicFacts = { kind: string; state: string; locked: boolean; hidden: boolean; authorId: string | null };
export type PostFacts = { authorId: string | null; isOpening: boolean; state: string };

export type DiscussionAction =
  | 'topic.read'
  | 'topic.create'
  | 'post.reply'
  | 'post.edit'
  | 'post.helped'
  | 'post.markAnswer'
  | 'topic.close'
  | 'topic.coordinate'
  | 'topic.draftGoodPractice';

/** The first posts of a member in a network wait for a coordinator (SECURITY.md 28): this many. */
export const POSTS_BEFORE_TRUST = 2;

/**
 * Reading is for those who take part (members who accepted the current guidelines) and
 * coordinators: members share their cities' challenges under the network's confidentiality
 * statement. A topic hidden by a coordinator is for coordinators and its author.
 */
export function canDiscuss(s: DiscussionStanding, action: DiscussionAction, topic?: TopicFacts, post?: PostFacts): boolean {
  const member = s.participates || s.coordinates;
  const own = (id: string | null | undefined) => !!s.userId && id === s.userId;
  if (topic?.hidden && !s.coordinates && !own(topic.authorId)) return false;
  switch (action) {
    case 'topic.read':
      return member;
    case 'topic.create':
      return member;
    case 'post.reply':
      return member && !!topic && topic.state === 'open' && (!topic.locked || s.coordinates);
    case 'post.edit':
      return member && !!post && (s.coordinates || (own(post.authorId) && !!topic && !topic.locked));
    case 'post.helped':
      return member && !!post && post.state === 'published' && !own(post.authorId);
    case 'post.markAnswer':
      return member && !!topic && topic.kind === 'consultation' && own(topic.authorId) && !!post && !post.isOpening && post.state === 'published';
    case 'topic.close':
      return member && !!topic && topic.state === 'open' && (own(topic.authorId) || s.coordinates);
    case 'topic.coordinate':
      return s.coordinates;
    case 'topic.draftGoodPractice':
      return member && !!topic && topic.kind === 'consultation' && topic.state === 'closed' && (own(topic.authorId) || s.coordinates);
  }
}

/** Whether a new post of this author waits for a coordinator: a member's first posts in the network do, a coordinator's never. */
export const waitsForApproval = (s: DiscussionStanding, approvedPostsInNetwork: number): boolean => !s.coordinates && approvedPostsInNetwork < POSTS_BEFORE_TRUST;

/** Per-person posting limits (SECURITY.md 26): posts (topics and replies) in a short and a long window. */
export const POST_LIMITS = [
  { windowMs: 10 * 60_000, max: 5 },
  { windowMs: 24 * 3600_000, max: 40 },
] as const;

/** Seconds until the person may post again (0: now), from the times of their recent posts. */
export function retryAfterSeconds(recent: readonly Date[], now: Date): number {
  let wait = 0;
  for (const l of POST_LIMITS) {
    const inWindow = recent.filter((d) => d.getTime() > now.getTime() - l.windowMs).sort((a, b) => a.getTime() - b.getTime());
    if (inWindow.length >= l.max) wait = Math.max(wait, Math.ceil((inWindow[inWindow.length - l.max]!.getTime() + l.windowMs - now.getTime()) / 1000));
  }
  return wait;
}

/** The moment `days` working days (Monday to Friday) before `now`. */
export function workingDaysBefore(now: Date, days: number): Date {
  const d = new Date(now);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}
