import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type RequestHandler } from 'express';
import { safeEqual } from '../../core/auth/tokens.js';
import { allQueues } from '../../core/queues/index.js';

/** HTTP Basic authentication against the operator credentials from config. */
function operatorOnly(user: string, password: string): RequestHandler {
  return (req, res, next) => {
    const [scheme, encoded] = (req.get('authorization') ?? '').split(' ');
    const [givenUser = '', givenPassword = ''] = Buffer.from(encoded ?? '', 'base64')
      .toString()
      .split(/:(.*)/s);
    const ok = scheme === 'Basic' && safeEqual(givenUser, user) && safeEqual(givenPassword, password);
    if (ok) return next();
    res.set('WWW-Authenticate', 'Basic realm="Gatehouse operators"').status(401).send('Operator sign-in required.');
  };
}

/**
 * Bull Board at /ops/queues. Without operator credentials it is mounted only
 * outside production, where anyone on the machine may look.
 */
export function opsRouter(credentials: { user: string; password: string } | undefined): Router {
  const router = Router();
  const adapter = new ExpressAdapter();
  adapter.setBasePath('/ops/queues');
  createBullBoard({ queues: allQueues().map((queue) => new BullMQAdapter(queue)), serverAdapter: adapter });
  if (credentials) router.use('/ops/queues', operatorOnly(credentials.user, credentials.password));
  router.use('/ops/queues', adapter.getRouter() as Router);
  return router;
}
