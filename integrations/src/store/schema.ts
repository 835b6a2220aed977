import type { AppTables } from './tables/app';
import type { CoreTables } from './tables/core';
import type { SyncTables } from './tables/sync';

/**
 * Every table of the store, as kysely sees it. To add tables: declare their row types in
 * `tables/<area>.ts`, add them to that area's interface, and create them in the area's migration
 * under `migrations/` (registered in `migrations/index.ts`). Follow the portable column conventions
 * described in `tables/core.ts`, and give every table a `tenant_id`.
 */
export interface Database extends CoreTables, SyncTables, AppTables {}
