// Entry point of the web process (Procfile "web:"). It serves pages and the
// JSON API and enqueues jobs; it never runs them.
import { closeQueues } from '../core/queues/index.js';
import { logger } from '../core/logger.js';
import { describeDatabase, openDatabase } from '../core/runtime/database.js';
import { describeQueues, openQueues } from '../core/runtime/queues.js';
import { installShutdown } from '../core/runtime/shutdown.js';
import { listen } from './listen.js';

async function main() {
  const shutdown = installShutdown();
  const database = await openDatabase();
  shutdown.add(database.close);
  const queues = await openQueues(database.url);
  shutdown.add(closeQueues);
  const server = await listen();
  shutdown.add(server.close);
  logger.info(
    {
      database: describeDatabase(database),
      queues: describeQueues(queues),
      url: server.url,
    },
    'web ready',
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'web failed to start');
  process.exit(1);
});
