import type { JobsOptions } from 'bullmq';

/**
 * Every job Gatehouse runs: its payload (ids only, never secrets) and the
 * options it is enqueued with. One queue per job keeps Bull Board readable
 * and lets operators pause one kind of work without the others.
 */
export interface JobPayloads {
  'send-email': { emailId: string };
  'audit-export': { exportId: string };
  'audit-export-expiry': Record<string, never>;
  'audit-partitions': Record<string, never>;
  'outbox-sweep': Record<string, never>;
}

export type JobName = keyof JobPayloads;

const retried: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 5_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Enqueue options per job; a job's handler lives in workers/jobs/. */
export const jobOptions: Record<JobName, JobsOptions> = {
  'send-email': retried,
  'audit-export': { ...retried, attempts: 3 },
  'audit-export-expiry': retried,
  'audit-partitions': retried,
  'outbox-sweep': { ...retried, attempts: 1 },
};

/** Periodic jobs: registered once as schedulers, however many workers run. */
export const schedules: Partial<Record<JobName, { pattern: string }>> = {
  'outbox-sweep': { pattern: '* * * * *' },
  'audit-partitions': { pattern: '17 3 * * *' },
  'audit-export-expiry': { pattern: '23 * * * *' },
};

/**
 * Builds a deterministic job id. BullMQ forbids ':' in custom ids, so the
 * parts are joined with '-', and ISO times lose their colons.
 */
export function jobId(name: JobName, ...parts: string[]): string {
  return [name, ...parts].join('-').replace(/:/g, '');
}
