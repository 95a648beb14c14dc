// One command for a single-machine install: migrations, the demo seed on an
// empty database, the web server and the workers in one process. Production
// runs api/server.ts and workers/main.ts apart (see Procfile).
import path from 'node:path';
import { listen } from '../api/listen.js';
import { config } from '../core/config/index.js';
import { logger } from '../core/logger.js';
import { closeQueues } from '../core/queues/index.js';
import { describeDatabase, openDatabase } from '../core/runtime/database.js';
import { describeMail, openMailTransport } from '../core/runtime/mail.js';
import { describeQueues, openQueues } from '../core/runtime/queues.js';
import { seedIfEmpty } from '../core/runtime/seed.js';
import { installShutdown } from '../core/runtime/shutdown.js';
import { startWorkers } from '../workers/run-workers.js';

async function main() {
  const started = Date.now();
  const shutdown = installShutdown();
  const database = await openDatabase();
  shutdown.add(database.close);
  const queues = await openQueues(database.url);
  shutdown.add(closeQueues);
  const mail = openMailTransport();
  shutdown.add(async () => mail.close());
  logger.info(
    {
      database: describeDatabase(database),
      queues: describeQueues(queues),
      mail: describeMail(mail),
    },
    'defaults chosen',
  );
  const credentials = await seedIfEmpty();
  const workers = await startWorkers({ mail, viewsDir: path.resolve('views') });
  shutdown.add(workers.close);
  const server = await listen();
  shutdown.add(server.close);

  const lines = [
    '',
    `Gatehouse is ready at ${config.publicUrl} (listening on ${server.url}) after ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ...(credentials
      ? [
          `  Demo company: ${credentials.company.name} (${credentials.company.plan})`,
          `  Super admin:  ${credentials.superAdmin.email} / ${credentials.superAdmin.password}`,
          ...credentials.admins.map(
            (admin) =>
              `  Admin:        ${admin.email} / ${credentials.superAdmin.password}  (${admin.permissions.join(', ') || 'no permissions'})`,
          ),
          `  Member:       ${credentials.member.email} / ${credentials.member.password}`,
          ...credentials.otherCompanies.map(
            (other) =>
              `  Other tenant: ${other.name} (${other.plan}), super admin ${other.superAdminEmail} / ${credentials.superAdmin.password}`,
          ),
        ]
      : ['  No demo data in this database.']),
    ...(config.smtpUrl
      ? []
      : [
          `  Mail is written to ${config.mailDir} and listed at ${config.publicUrl}/dev/mail`,
        ]),
    `  Queues: ${config.publicUrl}/ops/queues`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Gatehouse failed to start');
  process.exit(1);
});
