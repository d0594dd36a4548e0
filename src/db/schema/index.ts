// One file per module's tables (platform.ts and mail.ts are the platform's). drizzle-kit reads this index.
export * from './platform.ts';
export * from './mail.ts';
export * from './accounts.ts';
export * from './organisations.ts';
export * from './programmes.ts';
export * from './requests.ts';
export * from './calls.ts';
export * from './files.ts';
export * from './knowledge.ts';
export * from './exchanges.ts';
export * from './evaluations.ts';
export * from './privacy.ts';
export * from './moderation.ts';
export * from './networks.ts';
export * from './translations.ts';
export * from './discussions.ts';
export * from './events.ts';
