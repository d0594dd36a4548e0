/** Every table, one file per module. drizzle-kit reads this file. */
export * from './platform.ts';
export * from './accounts.ts';
