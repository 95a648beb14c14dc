import crypto from 'node:crypto';
import pg from 'pg';
import { closeDatabase, database, initDatabase } from '../../../db/index.js';
import { useDatabase } from '../../support/services.js';

/** A throw-away database on the test PostgreSQL server. */
export interface FreshDatabase {
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

// The server the test database lives on: the machine's PostgreSQL under
// TEST_DATABASE_URL, or the embedded one on a machine without it.
async function serverUrl(): Promise<URL> {
  const url = new URL((await useDatabase()).url);
  url.pathname = '/postgres';
  return url;
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({
    connectionString: (await serverUrl()).toString(),
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty database with a random name on the test server. */
export async function createFreshDatabase(
  label: string,
): Promise<FreshDatabase> {
  const name = `gatehouse_${label}_${crypto.randomBytes(5).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = await serverUrl();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function openUrl(): string | null {
  try {
    const {
      host,
      port,
      database: name,
      username,
      password,
    } = database().config;
    const url = new URL(`postgres://${host}:${port ?? 5432}/${name}`);
    url.username = username;
    if (password) url.password = password;
    return url.toString();
  } catch {
    return null;
  }
}

/**
 * Points the process-wide Sequelize instance at `url` for one suite, and
 * returns a function that points it back at whatever was open before, so
 * suites sharing the test database are not disturbed.
 */
export async function useDatabaseFor(
  url: string,
): Promise<() => Promise<void>> {
  const previous = openUrl();
  await closeDatabase();
  initDatabase(url);
  return async () => {
    await closeDatabase();
    if (previous) initDatabase(previous);
  };
}
