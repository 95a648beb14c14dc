import { logger } from '../logger.js';

/** Steps to run at shutdown; add each as soon as there is something to close. */
export interface Shutdown {
  add(step: () => Promise<unknown>): void;
}

/**
 * Installs SIGTERM and SIGINT handlers at once, before anything starts: a
 * signal that arrived before a handler existed would kill the process
 * without draining. Steps run last-added first (the server stops taking
 * requests before the database closes), then the process exits. A second
 * signal exits at once, for an operator who really means it.
 */
export function installShutdown(): Shutdown {
  const steps: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const step of steps.reverse()) {
      await step().catch((error: unknown) =>
        logger.error({ err: error }, 'shutdown step failed'),
      );
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return { add: (step) => steps.push(step) };
}
