import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { config } from '../../core/config/index.js';

/** A web process started as production starts it, and how to stop it. */
export interface WebProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `api/server.ts` in its own process on a free port, against the
 * test database and the PostgreSQL queue backend, with extra environment.
 */
export async function startWebProcess(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<WebProcess> {
  const port = String(40_000 + crypto.randomInt(20_000));
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      QUEUE_PREFIX: config.queuePrefix,
      SESSION_SECRET: config.sessionSecret,
      OTP_ENCRYPTION_KEYS: config.otpEncryptionKeys,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web process did not start:\n${output}`)),
      60_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"web ready"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`web process exited with ${code}:\n${output}`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
