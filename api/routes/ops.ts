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
    const [givenUser = '', givenPassword = ''] = Buffer.from(
      encoded ?? '',
      'base64',
    )
      .toString()
      .split(/:(.*)/s);
    const ok =
      scheme === 'Basic' &&
      safeEqual(givenUser, user) &&
      safeEqual(givenPassword, password);
    if (ok) return next();
    res
      .set('WWW-Authenticate', 'Basic realm="Gatehouse operators"')
      .status(401)
      .send('Operator sign-in required.');
  };
}

const simpleTypes =
  /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/**
 * Bull Board changes state with PUT, DELETE and JSON POSTs, which another
 * site cannot send without a CORS preflight; a POST that a plain HTML form
 * could send is refused, so Bull Board needs no CSRF token.
 */
const refuseCrossSiteForms: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  if (simpleTypes.test(req.get('content-type') ?? 'text/plain')) {
    res.status(403).json({ error: 'Bull Board accepts JSON requests only.' });
    return;
  }
  next();
};

/**
 * Bull Board at /ops/queues. Without operator credentials it is mounted only
 * outside production, where anyone on the machine may look.
 */
export function opsRouter(
  credentials: { user: string; password: string } | undefined,
): Router {
  const router = Router();
  const adapter = new ExpressAdapter();
  adapter.setBasePath('/ops/queues');
  const adapters = () => allQueues().map((queue) => new BullMQAdapter(queue));
  const board = createBullBoard({ queues: adapters(), serverAdapter: adapter });
  // The board holds Queue objects; if the backend was reopened (tests
  // switch between Redis and PostgreSQL), hand it the new ones.
  let shown = allQueues()[0];
  router.use('/ops/queues', (_req, _res, next) => {
    if (allQueues()[0] !== shown) {
      board.replaceQueues(adapters());
      shown = allQueues()[0];
    }
    next();
  });
  if (credentials)
    router.use(
      '/ops/queues',
      operatorOnly(credentials.user, credentials.password),
    );
  router.use('/ops/queues', refuseCrossSiteForms);
  router.use('/ops/queues', adapter.getRouter() as Router);
  return router;
}
