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
  'audit-retention': Record<string, never>;
  'outbox-sweep': Record<string, never>;
  'lockout-expiry': { memberId: string };
  'temp-password-expiry': { memberId: string };
  'password-expiry-scan': Record<string, never>;
  'password-expiry-reminder': { memberId: string; threshold: number };
  'otp-unblock': { memberId: string };
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
  'audit-retention': { ...retried, attempts: 3 },
  'outbox-sweep': { ...retried, attempts: 1 },
  'lockout-expiry': retried,
  'temp-password-expiry': retried,
  'password-expiry-scan': { ...retried, attempts: 3 },
  'password-expiry-reminder': retried,
  'otp-unblock': retried,
};

/** Periodic jobs: registered once as schedulers, however many workers run. */
export const schedules: Partial<Record<JobName, { pattern: string }>> = {
  'outbox-sweep': { pattern: '* * * * *' },
  'password-expiry-scan': { pattern: '41 6 * * *' },
  'audit-partitions': { pattern: '17 3 * * *' },
  'audit-retention': { pattern: '47 3 * * *' },
  'audit-export-expiry': { pattern: '23 * * * *' },
};

/**
 * Builds a deterministic job id. BullMQ forbids ':' in custom ids, so the
 * parts are joined with '-', and ISO times lose their colons.
 */
export function jobId(name: JobName, ...parts: string[]): string {
  return [name, ...parts].join('-').replace(/:/g, '');
}
