// Entry point of the worker process (Procfile "worker:"). It never loads
// Express or the page views; it renders email templates only.
import path from 'node:path';
import { logger } from '../core/logger.js';
import { closeQueues } from '../core/queues/index.js';
import { describeDatabase, openDatabase } from '../core/runtime/database.js';
import { describeMail, openMailTransport } from '../core/runtime/mail.js';
import { describeQueues, openQueues } from '../core/runtime/queues.js';
import { installShutdown } from '../core/runtime/shutdown.js';
import { startWorkers } from './run-workers.js';

async function main() {
  const shutdown = installShutdown();
  const database = await openDatabase();
  shutdown.add(database.close);
  const queues = await openQueues(database.url);
  shutdown.add(closeQueues);
  const mail = openMailTransport();
  shutdown.add(async () => mail.close());
  const running = await startWorkers({ mail, viewsDir: path.resolve('views') });
  shutdown.add(running.close);
  logger.info(
    {
      database: describeDatabase(database),
      queues: describeQueues(queues),
      mail: describeMail(mail),
    },
    'worker ready',
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
});
