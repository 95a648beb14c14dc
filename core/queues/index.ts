import type { Job, JobsOptions, Queue } from 'bullmq';
import {
  jobOptions,
  schedules,
  type JobName,
  type JobPayloads,
} from './jobs.js';
import {
  openQueueBackend,
  type QueueBackend,
  type QueueBackendConfig,
} from './backend.js';

export * from './jobs.js';
export type { QueueBackend, QueueBackendConfig } from './backend.js';

let backend: QueueBackend | undefined;
const queues = new Map<JobName, Queue>();

/** Opens the queue backend for this process. */
export function initQueues(config: QueueBackendConfig): QueueBackend {
  backend ??= openQueueBackend(config);
  return backend;
}

/** The open backend; throws when initQueues has not run. */
export function queueBackend(): QueueBackend {
  if (!backend) throw new Error('initQueues() has not been called');
  return backend;
}

/** The queue for one job name, created on first use. */
export function queueFor(name: JobName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = queueBackend().createQueue(name);
    queues.set(name, queue);
  }
  return queue;
}

/**
 * Adds a job with its catalogue options. Call it only after the transaction
 * that made the job necessary has committed; the outbox sweep re-enqueues
 * work whose enqueue was lost to a crash in between.
 */
export async function enqueue<N extends JobName>(
  name: N,
  data: JobPayloads[N],
  options: JobsOptions = {},
): Promise<Job> {
  return queueFor(name).add(name, data, { ...jobOptions[name], ...options });
}

/** Removes a delayed job by id, if it is still waiting. */
export async function removeJob(name: JobName, id: string): Promise<void> {
  const job = await queueFor(name).getJob(id);
  await job?.remove().catch(() => undefined);
}

/**
 * Registers the periodic jobs. upsertJobScheduler keys on the scheduler id,
 * so any number of workers starting or restarting leaves one schedule each.
 */
export async function registerSchedules(): Promise<void> {
  for (const [name, schedule] of Object.entries(schedules)) {
    try {
      await queueFor(name as JobName).upsertJobScheduler(
        name,
        { pattern: schedule.pattern },
        { name, data: {}, opts: jobOptions[name as JobName] },
      );
    } catch (error) {
      // Two workers starting together race to create the first iteration;
      // the loser is told the job exists, which means the schedule does.
      if (!/job ID already exists/i.test(String((error as Error).message)))
        throw error;
    }
  }
}

/** Every queue that exists, for Bull Board. */
export function allQueues(): Queue[] {
  return (Object.keys(jobOptions) as JobName[]).map(queueFor);
}

/** Closes the queues and the backend connection. */
export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((queue) => queue.close()));
  queues.clear();
  await backend?.close();
  backend = undefined;
}
