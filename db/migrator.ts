import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';

/** What every migration's up and down receive. */
export interface MigrationContext {
  context: Sequelize;
}

interface MigrationModule {
  up(params: MigrationContext): Promise<void>;
  down(params: MigrationContext): Promise<void>;
}

const folder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
);
const lockKey = 7_142_001; // any constant shared by every Gatehouse process

function migrationFiles(): string[] {
  return fs
    .readdirSync(folder)
    .filter((file) => /^\d{4}-[a-z0-9-]+\.ts$/.test(file))
    .sort();
}

/** Builds the Umzug instance over db/migrations, ordered by file name. */
export function createMigrator(sequelize: Sequelize) {
  return new Umzug<Sequelize>({
    migrations: migrationFiles().map((file) => {
      const load = async () =>
        (await import(
          pathToFileURL(path.join(folder, file)).href
        )) as MigrationModule;
      return {
        name: file.replace(/\.ts$/, ''),
        up: async ({ context }) => (await load()).up({ context }),
        down: async ({ context }) => (await load()).down({ context }),
      };
    }),
    context: sequelize,
    storage: new SequelizeStorage({
      sequelize,
      tableName: 'schema_migrations',
    }),
    logger: undefined,
  });
}

/**
 * Applies pending migrations. Web and worker processes may start together,
 * so an advisory lock on a dedicated connection lets one migrate at a time.
 */
export async function migrateToLatest(
  sequelize: Sequelize,
  databaseUrl: string,
): Promise<string[]> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [lockKey]);
    const applied = await createMigrator(sequelize).up();
    return applied.map((migration) => migration.name);
  } finally {
    await lock
      .query('SELECT pg_advisory_unlock($1)', [lockKey])
      .catch(() => {});
    await lock.end();
  }
}
