import { Router } from 'express';
import { database } from '../../db/index.js';
import { queueBackend } from '../../core/queues/index.js';

/** Liveness and readiness for load balancers and orchestrators. */
export const healthRouter = Router();

healthRouter.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

healthRouter.get('/readyz', async (_req, res) => {
  const checks = await Promise.allSettled([
    database().query('SELECT 1'),
    queueBackend().ping(),
  ]);
  const [db, queue] = checks.map((check) =>
    check.status === 'fulfilled' ? 'ok' : 'unreachable',
  );
  const ready = db === 'ok' && queue === 'ok';
  res
    .status(ready ? 200 : 503)
    .json({ status: ready ? 'ready' : 'not ready', database: db, queue });
});
