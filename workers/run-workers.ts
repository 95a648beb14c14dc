import type { Worker } from 'bullmq';
import { config } from '../core/config/index.js';
import { logger } from '../core/logger.js';
import { queueBackend, registerSchedules } from '../core/queues/index.js';
import type { WorkerContext } from './job-definition.js';
import { assertEveryJobHasOneHandler, jobDefinitions } from './registry.js';

/** Running workers and how to stop them gracefully. */
export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * Starts one BullMQ worker per job and registers the periodic schedules.
 * close() lets running jobs finish (BullMQ hands back unfinished ones).
 */
export async function startWorkers(
  context: WorkerContext,
): Promise<RunningWorkers> {
  assertEveryJobHasOneHandler();
  const backend = queueBackend();
  const workers = jobDefinitions.map((definition) => {
    const worker = backend.createWorker(
      definition.name,
      async (job) => {
        const started = Date.now();
        await definition.handle(job, context);
        logger.info(
          { job: definition.name, jobId: job.id, ms: Date.now() - started },
          'job done',
        );
      },
      {
        concurrency: Math.min(
          definition.concurrency ?? 1,
          config.workerConcurrency,
        ),
      },
    );
    worker.on('failed', (job, error) =>
      logger.warn(
        {
          job: definition.name,
          jobId: job?.id,
          attempts: job?.attemptsMade,
          err: error,
        },
        'job failed',
      ),
    );
    worker.on('error', (error) =>
      logger.error({ job: definition.name, err: error }, 'worker error'),
    );
    return worker;
  });
  await registerSchedules();
  return {
    workers,
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
