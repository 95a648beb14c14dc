import type { RequestHandler } from 'express';
import { findLiveSession, touchSession } from '../../core/auth/sessions.js';
import { permissionsOf } from '../../core/auth/permissions.js';
import { sessionCookie } from '../cookies.js';

/**
 * Loads the session behind the cookie, if it is live, and binds CSRF tokens
 * to it. A dead cookie is simply ignored; pages that need a member say so.
 */
export const loadSession: RequestHandler = async (req, res, next) => {
  const token = req.cookies[sessionCookie];
  if (!token) return next();
  const live = await findLiveSession(token);
  if (!live) {
    res.clearCookie(sessionCookie, { path: '/' });
    return next();
  }
  await touchSession(live.session);
  // Signed-in answers show personal data; no shared cache may keep them.
  res.set('Cache-Control', 'no-store');
  req.auth = { ...live, permissions: await permissionsOf(live.member) };
  req.csrfBinding = `session:${live.session.id}`;
  // Plain values only: templates must not reach into model instances.
  res.locals.viewer = {
    id: live.member.id,
    name: live.member.name,
    email: live.member.email,
    role: live.member.role,
    companyName: live.company.name,
  };
  next();
};
