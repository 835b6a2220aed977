export * from './build';
export * from './errors';
export * from './raw-body';
export * from './sync-runtime';
export { WEBHOOKS_PREFIX } from './routes/webhooks';
