/**
 * The associate-app configuration: one global document and optional per-store overrides that
 * REPLACE it (NewStore: store-specific takes precedence). Every change takes the next value of
 * one global version counter, and a store's effective version is the highest version of its
 * two rows, so it only ever grows — even when an override is removed and the store falls back
 * to an older global document, devices see a newer version and fetch it.
 */
import { SERIAL_PATTERN_FIELD, serialPatternProblem } from '../../../src/domain/serial-pattern.ts';
import {
  StoreId,
  type AppConfig,
  type ConfigEnvelope,
  type ErrorDetail,
} from '../../../src/protocol/schemas.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import type { AppConfigsTable } from '../db/tables.ts';
import { ApiError } from '../errors.ts';
import { Counters, nextValue } from './counters.ts';

/** The global document's scope: a character no store id may hold (`StoreId`'s pattern). */
const GLOBAL_SCOPE = '*';

/** Where a configuration lives: the global document, or one store's override. */
export type ConfigScope = { readonly global: true } | { readonly storeId: string };

export const GLOBAL_CONFIG: ConfigScope = { global: true };

const STORE_ID = new RegExp(StoreId.pattern ?? '^$');

/**
 * The `app_configs` row key of a scope. A store id is checked again here (the routes' schemas
 * refuse it first): a store named `*` would otherwise read and write the global document.
 */
function scopeKey(scope: ConfigScope): string {
  if ('global' in scope) return GLOBAL_SCOPE;
  if (!STORE_ID.test(scope.storeId)) {
    throw new ApiError(400, 'invalid_store_id', `${scope.storeId} is not a valid store id.`, [
      { field: 'store_id', message: 'must be letters, digits, ".", "_" or "-"' },
    ]);
  }
  return scope.storeId;
}

/**
 * Rules beyond the schema, as field errors (empty = acceptable). The serial pattern must be
 * one every device can run in linear time: the same `serialPatternProblem` the devices use
 * (re2js; lookaround and backreferences refused, JavaScript-only spellings translated).
 */
export function validateConfig(config: AppConfig): ErrorDetail[] {
  const serialized: unknown = config.capabilities?.serialized_inventory;
  if (serialized !== undefined && (typeof serialized !== 'object' || serialized === null)) {
    return [{ field: 'capabilities.serialized_inventory', message: 'must be an object' }];
  }
  const problem = serialPatternProblem(
    config.capabilities?.serialized_inventory?.serial_number_regex,
  );
  return problem === null ? [] : [{ field: SERIAL_PATTERN_FIELD, message: problem }];
}

type Queryable = StoreDb['db'] | Trx;

/** The configuration a store's devices must use (global when storeId is null). */
export async function effectiveConfig(
  db: Queryable,
  storeId: string | null,
): Promise<ConfigEnvelope> {
  // A store named `*` (possible before store ids were checked) gets no override of its own.
  const local = storeId === null || storeId === GLOBAL_SCOPE ? null : storeId;
  const scopes = local === null ? [GLOBAL_SCOPE] : [GLOBAL_SCOPE, local];
  const rows = await db
    .selectFrom('app_configs')
    .selectAll()
    .where('scope', 'in', scopes)
    .execute();
  const global = rows.find((row) => row.scope === GLOBAL_SCOPE);
  const override = local === null ? undefined : rows.find((row) => row.scope === local);
  const newest = rows.reduce<AppConfigsTable | undefined>(
    (best, row) => (best === undefined || Number(row.version) > Number(best.version) ? row : best),
    undefined,
  );
  if (newest === undefined) return { version: 0, updated_at: null, source: 'none', config: {} };
  const source =
    override?.config_json != null ? override : global?.config_json != null ? global : undefined;
  return {
    version: Number(newest.version),
    updated_at: newest.updated_at,
    source: source === undefined ? 'none' : source === override ? 'store' : 'global',
    config: source?.config_json == null ? {} : (JSON.parse(source.config_json) as AppConfig),
  };
}

/** Replaces the configuration of a scope; null removes a store override. */
export async function replaceConfig(
  trx: Trx,
  scope: ConfigScope,
  config: AppConfig | null,
): Promise<void> {
  const key = scopeKey(scope);
  const version = await nextValue(trx, Counters.configVersion);
  const row = {
    scope: key,
    config_json: config === null ? null : JSON.stringify(config),
    version,
    updated_at: new Date().toISOString(),
  };
  await trx
    .insertInto('app_configs')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('scope').doUpdateSet({
        config_json: row.config_json,
        version: row.version,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
