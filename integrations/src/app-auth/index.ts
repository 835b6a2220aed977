export * from './installation-secrets';
export * from './verify-token';
export * from './fastify-guard';
