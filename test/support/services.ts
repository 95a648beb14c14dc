import pg from 'pg';
import {
  openDatabase,
  type DatabaseHandle,
} from '../../core/runtime/database.js';
import {
  closeQueues,
  initQueues,
  type QueueBackend,
} from '../../core/queues/index.js';
import { config } from '../../core/config/index.js';

let database: Promise<DatabaseHandle> | undefined;

// With TEST_DATABASE_URL the named database is created when missing, so a
// fresh machine's PostgreSQL needs no manual step.
async function ensureDatabaseExists(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [name],
    );
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/** The migrated test database, opened once per mocha process. */
export function useDatabase(): Promise<DatabaseHandle> {
  database ??= (async () => {
    if (config.databaseUrl) await ensureDatabaseExists(config.databaseUrl);
    return openDatabase();
  })();
  return database;
}

/** Closes the database (and the embedded server) after all suites. */
export async function releaseDatabase(): Promise<void> {
  if (!database) return;
  await closeQueues();
  await (await database).close();
  database = undefined;
}

/** The Redis URL for queue tests: TEST_REDIS_URL, else the local default. */
export const testRedisUrl =
  process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Opens the queue backend of the given kind, closing any other first. */
export async function useQueues(
  kind: 'postgres' | 'redis',
): Promise<QueueBackend> {
  const { url } = await useDatabase();
  await closeQueues();
  return kind === 'redis'
    ? initQueues({ kind, url: testRedisUrl, prefix: config.queuePrefix })
    : initQueues({ kind, url, schema: `${config.queuePrefix}_queues` });
}
