import { initQueues, type QueueBackend } from '../queues/index.js';
import { assertRedisKeepsKeys } from '../queues/redis-policy.js';
import { config } from '../config/index.js';

/**
 * Opens BullMQ on Redis when REDIS_URL is set (refusing an evicting Redis),
 * otherwise on BullMQ's PostgreSQL backend in the application database.
 */
export async function openQueues(databaseUrl: string): Promise<QueueBackend> {
  if (config.redisUrl) {
    await assertRedisKeepsKeys(config.redisUrl);
    return initQueues({
      kind: 'redis',
      url: config.redisUrl,
      prefix: config.queuePrefix,
    });
  }
  return initQueues({
    kind: 'postgres',
    url: databaseUrl,
    schema: `${config.queuePrefix}_queues`,
  });
}

/** Describes the queue backend for the start-up line. */
export function describeQueues(backend: QueueBackend): string {
  if (backend.kind === 'postgres') return 'BullMQ on PostgreSQL';
  const url = new URL(config.redisUrl ?? '');
  return `BullMQ on Redis at ${url.hostname}:${url.port || 6379}`;
}
