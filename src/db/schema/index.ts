export * from './accounts.ts';
export * from './platform.ts';
export * from './organisations.ts';
export * from './requests.ts';
export * from './knowledge.ts';
export * from './exchanges.ts';
export * from './privacy.ts';
export * from './moderation.ts';
