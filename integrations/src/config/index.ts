export * from './errors';
export * from './load';
export * from './sandbox-tenant';
export * from './secret-key';
export type * from './types';
