import type { Job } from 'bullmq';
import type { MailTransport } from '../core/mail/transport.js';
import type { JobName, JobPayloads } from '../core/queues/index.js';

/** What every handler may use besides the database. */
export interface WorkerContext {
  mail: MailTransport;
  viewsDir: string;
}

/** One job: its handler and how many may run at once in one process. */
export interface JobDefinition<N extends JobName> {
  name: N;
  /** Jobs of this kind run in parallel per worker process; default 1. */
  concurrency?: number;
  /** Must be idempotent: re-read state, and skip what is already done. */
  handle(job: Job<JobPayloads[N]>, context: WorkerContext): Promise<void>;
}

/** True on the job's final attempt, when a failure is final too. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
