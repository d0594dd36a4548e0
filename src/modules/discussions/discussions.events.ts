/**
 * What happens in a network's discussions, as domain events (recorded in the transaction that makes
 * the change, discussions.service.ts): for the modules that will follow discussions (digests, the
 * newsletter) without discussions knowing them.
 */
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** A topic was opened (its opening post may wait for a coordinator: `published`). */
    'discussions.topicCreated': { networkId: string; topicId: string; kind: 'discussion' | 'consultation'; authorId: string; published: boolean };
    /** A post became visible to the network (at once, or when a coordinator approved it). */
    'discussions.postPublished': { networkId: string; topicId: string; postId: string; authorId: string | null; isOpening: boolean };
    /** The asker marked a reply as the answer of a consultation. */
    'discussions.answerMarked': { networkId: string; topicId: string; postId: string; by: string };
    /** A topic was closed with its summary. */
    'discussions.topicClosed': { networkId: string; topicId: string; by: string };
  }
}

export {};
