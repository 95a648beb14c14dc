import { expect } from 'chai';
import {
  queueFor,
  registerSchedules,
  schedules,
  type JobName,
} from '../../../core/queues/index.js';
import { testRedisUrl, useQueues } from '../../support/services.js';
import { requireRedis } from '../../support/tools.js';

for (const backend of ['postgres', 'redis'] as const) {
  describe(`periodic jobs on the ${backend} backend`, () => {
    before(async function () {
      if (backend === 'redis') await requireRedis(this, testRedisUrl);
      await useQueues(backend);
    });

    after(async () => {
      await useQueues('postgres');
    });

    it('are registered once however many workers start', async () => {
      await Promise.all([
        registerSchedules(),
        registerSchedules(),
        registerSchedules(),
      ]);
      await registerSchedules();
      for (const name of Object.keys(schedules) as JobName[]) {
        const schedulers = await queueFor(name).getJobSchedulers();
        expect(
          schedulers.map((s) => s.key ?? s.id),
          name,
        ).to.have.length(1);
      }
    });
  });
}
