import { Router, type RequestHandler } from 'express';
import { readLoginSettings } from '../../core/auth/login-settings.js';
import { AppError } from '../../core/errors.js';
import {
  endOwnSession,
  listOwnSessions,
} from '../../core/login/own-sessions.js';
import { sessionCookie } from '../cookies.js';
import { authOf, requireMember } from '../middleware/require.js';
import { isUuid } from '../../core/ids.js';

/**
 * Gives the layout the idle timeout, so api/public/idle-warning.js can warn
 * a minute before the server ends an idle session.
 */
export const idleTimeoutLocals: RequestHandler = (req, res, next) => {
  if (req.auth?.session.stage === 'active') {
    const settings = readLoginSettings(req.auth.company.loginSettings);
    // touchSession skips writes within a minute of the last one, so the
    // server's idle clock may have started up to a minute ago.
    const elapsed = Date.now() - req.auth.session.lastSeenAt.getTime();
    const started = elapsed >= 60_000 ? 0 : elapsed;
    res.locals.idleTimeoutSeconds = Math.floor(
      (settings.idleTimeoutMinutes * 60_000 - started) / 1000,
    );
  }
  next();
};

/** A member's own sessions, and staying signed in after the warning. */
export const mySessionsRouter = Router();

mySessionsRouter.get('/account/sessions', requireMember, async (req, res) => {
  const { member, session } = authOf(req);
  res.render('my-sessions', {
    title: 'Your sessions',
    sessions: await listOwnSessions(member, session.id),
    ended: req.query.ended === '1',
  });
});

mySessionsRouter.post(
  '/account/sessions/:id/end',
  requireMember,
  async (req, res) => {
    const { member, session } = authOf(req);
    const id = String(req.params.id);
    if (!isUuid(id)) throw new AppError('notFound');
    await endOwnSession(member, id, req.context);
    if (id === session.id) {
      res.clearCookie(sessionCookie, { path: '/' });
      return res.redirect(303, '/sign-in');
    }
    res.redirect(303, '/account/sessions?ended=1');
  },
);

// Any signed-in request counts as activity; this one exists so the warning's
// "Stay signed in" button has something cheap to call.
mySessionsRouter.post('/session/keep-alive', requireMember, (_req, res) => {
  res.status(204).end();
});
