import { execFileSync } from 'node:child_process';

/**
 * Skips the calling test when an outside tool is missing, with one line
 * saying so; under CI a missing tool is a failure instead.
 */
export function requireTool(
  context: Mocha.Context,
  name: string,
  probe: string[],
): void {
  try {
    execFileSync(probe[0] ?? name, probe.slice(1), { stdio: 'ignore' });
  } catch {
    const message = `${name} is not installed; skipping "${context.currentTest?.title ?? context.test?.title}"`;
    if (process.env.CI)
      throw new Error(`${message} — under CI this is a failure`);
    console.log(`      (${message})`);
    context.skip();
  }
}

/**
 * Skips the calling suite when no Redis answers at TEST_REDIS_URL (or the
 * local default), with one line saying so; under CI that is a failure.
 */
export async function requireRedis(
  context: Mocha.Context,
  url: string,
): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
  });
  try {
    await client.connect();
    await client.ping();
  } catch {
    const message = `no Redis at ${url}; skipping the Redis-backend tests`;
    if (process.env.CI)
      throw new Error(`${message} — under CI this is a failure`);
    console.log(`      (${message})`);
    context.skip();
  } finally {
    client.disconnect();
  }
}
