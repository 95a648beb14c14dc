import { logger } from '../logger.js';

/**
 * Runs the given steps once on SIGTERM or SIGINT, in order, then exits. A
 * second signal exits at once, for an operator who really means it.
 */
export function onShutdown(steps: (() => Promise<unknown>)[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const step of steps) {
      await step().catch((error: unknown) => logger.error({ err: error }, 'shutdown step failed'));
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
