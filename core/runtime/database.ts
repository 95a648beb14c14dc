import path from 'node:path';
import {
  closeDatabase,
  initDatabase,
  migrateToLatest,
} from '../../db/index.js';
import { startEmbeddedPostgres } from '../../db/embedded-postgres.js';
import { config } from '../config/index.js';
import { logger } from '../logger.js';

/** The database this process uses and how to let go of it. */
export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under the data
 * folder when none is set, then applies pending migrations.
 */
export async function openDatabase(): Promise<DatabaseHandle> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, (message) =>
        logger.debug({ source: 'embedded-postgres' }, message.trim()),
      );
  const url = config.databaseUrl ?? embedded?.url;
  if (!url) throw new Error('no database URL');
  const sequelize = initDatabase(url);
  await sequelize.authenticate();
  const applied = await migrateToLatest(sequelize, url);
  if (applied.length) logger.info({ applied }, 'database migrated');
  return {
    url,
    embedded: Boolean(embedded),
    close: async () => {
      await closeDatabase();
      await embedded?.stop();
    },
  };
}

/** Describes the chosen database without its password, for the start-up line. */
export function describeDatabase(handle: DatabaseHandle): string {
  if (handle.embedded)
    return `embedded PostgreSQL in ${path.relative(process.cwd(), config.dataDir) || '.'}/pg`;
  const url = new URL(handle.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
