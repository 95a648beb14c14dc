import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

/** A web process (api/server.ts) started by a test, and how to stop it. */
export interface WebProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real web entry point as its own process on a free port, with
 * this test run's database and secrets plus the given variables. Separate
 * processes share nothing in memory, so they show what a deployment with
 * several web servers does.
 */
export function startWebProcess(
  env: Record<string, string> = {},
): Promise<WebProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'api/server.ts'],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  );
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`web process did not start in time\n${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web process exited with ${code}\n${stderr}`));
    });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'web ready' && entry.url) {
          clearTimeout(timer);
          resolve({ url: entry.url, stop });
        }
      } catch {
        // Not a log line; ignore it.
      }
    });
  });
}
