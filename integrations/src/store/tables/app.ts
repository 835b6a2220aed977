/** Tables behind the apps' context API, migration 003_app. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppTables {}
