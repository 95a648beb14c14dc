import { Redis } from 'ioredis';

/**
 * Refuses a Redis whose maxmemory-policy may evict keys: BullMQ keeps jobs
 * as keys, and an evicted key is a lost job. INFO is used because managed
 * services often disable CONFIG GET.
 */
export async function assertRedisKeepsKeys(url: string): Promise<string> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await client.connect();
    const info = await client.info('memory');
    const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1] ?? 'unknown';
    if (policy !== 'noeviction') {
      throw new Error(
        `REDIS_URL: Redis runs with maxmemory-policy ${policy}; Gatehouse needs ` +
          'noeviction so that queued jobs are never evicted',
      );
    }
    return policy;
  } finally {
    client.disconnect();
  }
}
