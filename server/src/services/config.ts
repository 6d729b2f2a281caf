/**
 * The associate-app configuration: one global document and optional per-store overrides that
 * REPLACE it (NewStore: store-specific takes precedence). Every change takes the next value of
 * one global version counter, and a store's effective version is the highest version of its
 * two rows, so it only ever grows — even when an override is removed and the store falls back
 * to an older global document, devices see a newer version and fetch it.
 */
import { SERIAL_PATTERN_FIELD, serialPatternProblem } from '../../../src/domain/serial-pattern.ts';
import type { AppConfig, ConfigEnvelope, ErrorDetail } from '../../../src/protocol/schemas.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import type { AppConfigsTable } from '../db/tables.ts';
import { Counters, nextValue } from './counters.ts';

export const GLOBAL_SCOPE = '*';

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
  const scopes = storeId === null ? [GLOBAL_SCOPE] : [GLOBAL_SCOPE, storeId];
  const rows = await db
    .selectFrom('app_configs')
    .selectAll()
    .where('scope', 'in', scopes)
    .execute();
  const global = rows.find((row) => row.scope === GLOBAL_SCOPE);
  const local = storeId === null ? undefined : rows.find((row) => row.scope === storeId);
  const newest = rows.reduce<AppConfigsTable | undefined>(
    (best, row) => (best === undefined || Number(row.version) > Number(best.version) ? row : best),
    undefined,
  );
  if (newest === undefined) return { version: 0, updated_at: null, source: 'none', config: {} };
  const source =
    local?.config_json != null ? local : global?.config_json != null ? global : undefined;
  return {
    version: Number(newest.version),
    updated_at: newest.updated_at,
    source: source === undefined ? 'none' : source === local ? 'store' : 'global',
    config: source?.config_json == null ? {} : (JSON.parse(source.config_json) as AppConfig),
  };
}

/** Replaces the configuration of a scope (`*` or a store id); null removes a store override. */
export async function replaceConfig(
  trx: Trx,
  scope: string,
  config: AppConfig | null,
): Promise<void> {
  const version = await nextValue(trx, Counters.configVersion);
  const row = {
    scope,
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
