/**
 * What the requests module tells the others (platform/events.ts): a request was submitted to its
 * programme; the committee's decision was recorded. Ids only: a subscriber reads what it needs.
 */
declare module '../../platform/events.ts' {
  interface DomainEvents {
    'requests.submitted': { requestId: string; programmeId: string; organisationId: string };
    'requests.decided': { requestId: string; programmeId: string; outcome: 'selected' | 'rejected' | 'waiting_list' };
  }
}

export {};
