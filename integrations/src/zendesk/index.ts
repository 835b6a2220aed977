export * from './conventions';
export * from './types';
export * from './errors';
export * from './rate-budget';
export * from './http';
export * from './jobs';
export * from './client';
export * from './webhook-signature';
