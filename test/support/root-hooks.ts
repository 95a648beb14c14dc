// Root hooks shared by every suite. Suites that need PostgreSQL or a queue
// ask for them through test/support/services.ts, so unit tests stay fast.
import { releaseDatabase } from './services.js';

export const mochaHooks = {
  async afterAll() {
    await releaseDatabase();
  },
};
