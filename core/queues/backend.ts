import {
  createPostgresBackend,
  Queue,
  Worker,
  withBackend,
  type Processor,
  type WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';

/** Which datastore the queues use, and how to reach it. */
export type QueueBackendConfig =
  | { kind: 'redis'; url: string; prefix: string }
  | { kind: 'postgres'; url: string; schema: string };

/** Creates queues and workers on one backend and closes what it opened. */
export interface QueueBackend {
  kind: QueueBackendConfig['kind'];
  createQueue(name: string): Queue;
  createWorker(
    name: string,
    processor: Processor,
    options: Omit<WorkerOptions, 'connection'>,
  ): Worker;
  ping(): Promise<void>;
  close(): Promise<void>;
}

function redisBackend(url: string, prefix: string): QueueBackend {
  // BullMQ workers block on Redis and need maxRetriesPerRequest: null.
  const shared = new Redis(url, { maxRetriesPerRequest: null });
  return {
    kind: 'redis',
    createQueue: (name) => new Queue(name, { connection: shared, prefix }),
    createWorker: (name, processor, options) =>
      new Worker(name, processor, { ...options, connection: shared, prefix }),
    ping: async () => {
      await shared.ping();
    },
    close: async () => {
      await shared.quit();
    },
  };
}

function postgresBackend(url: string, schema: string): QueueBackend {
  const classes = withBackend(createPostgresBackend);
  const connection = { connectionString: url, schema, migrate: true, max: 5 };
  const probe = new classes.Queue('readiness-probe', { connection });
  return {
    kind: 'postgres',
    createQueue: (name) =>
      new classes.Queue(name, { connection }) as unknown as Queue,
    createWorker: (name, processor, options) =>
      new classes.Worker(name, processor, {
        ...options,
        connection,
      }) as unknown as Worker,
    ping: async () => {
      await probe.getJobCounts('waiting');
    },
    close: async () => {
      await probe.close();
    },
  };
}

/** Opens the configured backend; nothing connects until first use. */
export function openQueueBackend(config: QueueBackendConfig): QueueBackend {
  return config.kind === 'redis'
    ? redisBackend(config.url, config.prefix)
    : postgresBackend(config.url, config.schema);
}
