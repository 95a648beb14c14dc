import { expect } from 'chai';
import { Redis } from 'ioredis';
import { assertRedisKeepsKeys } from '../../../core/queues/redis-policy.js';
import { testRedisUrl } from '../../support/services.js';
import { requireRedis } from '../../support/tools.js';

describe('the Redis eviction check', () => {
  let admin: Redis;
  let original = 'noeviction';

  before(async function () {
    await requireRedis(this, testRedisUrl);
    admin = new Redis(testRedisUrl);
    original =
      ((await admin.config('GET', 'maxmemory-policy')) as string[])[1] ??
      'noeviction';
  });

  after(async () => {
    await admin?.config('SET', 'maxmemory-policy', original);
    admin?.disconnect();
  });

  it('accepts a Redis that never evicts keys', async () => {
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    expect(await assertRedisKeepsKeys(testRedisUrl)).to.equal('noeviction');
  });

  it('refuses one that may evict keys, naming REDIS_URL and the policy', async () => {
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    let message = '';
    await assertRedisKeepsKeys(testRedisUrl).catch(
      (error: Error) => (message = error.message),
    );
    expect(message).to.contain('REDIS_URL').and.contain('allkeys-lru');
  });
});
