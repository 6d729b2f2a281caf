/**
 * Runs the in-code migrations in order with Kysely's Migrator. Migrations live in this folder
 * as modules (not discovered from disk) so the server runs from any working directory and
 * under tsx without a build step. Add a new one by appending to `migrations` with a sortable key.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from '../tables.ts';
import { initialMigration } from './001-initial.ts';
import { serialRegistryMigration } from './002-serial-registry.ts';
import { accessMigration } from './003-access.ts';
import { fulfillmentMigration } from './004-fulfillment.ts';
import { hardeningMigration } from './005-hardening.ts';
import { returnsMigration } from './006-returns.ts';
import { receiptEmailMigration } from './007-receipt-email.ts';
import { identifierCaseMigration } from './008-identifier-case.ts';
import { shiftsMigration } from './009-shifts.ts';

const migrations: Record<string, Migration> = {
  '001-initial': initialMigration,
  '002-serial-registry': serialRegistryMigration,
  '003-access': accessMigration,
  '004-fulfillment': fulfillmentMigration,
  '005-hardening': hardeningMigration,
  '006-returns': returnsMigration,
  '007-receipt-email': receiptEmailMigration,
  '008-identifier-case': identifierCaseMigration,
  '009-shifts': shiftsMigration,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  // Unordered: migrations written in parallel (002 after 003 ran on a dev database) still apply.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined) {
    const name = failed?.migrationName ?? 'unknown';
    throw new Error(`database migration ${name} failed`, { cause: error });
  }
}
