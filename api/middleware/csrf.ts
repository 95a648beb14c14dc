import type { RequestHandler } from 'express';
import { safeEqual, sign } from '../../core/auth/tokens.js';
import { config } from '../../core/config/index.js';
import { AppError } from '../../core/errors.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token for a binding (a session id, or the anonymous cookie). */
export function csrfTokenFor(binding: string): string {
  return sign(config.sessionSecret, `csrf:${binding}`);
}

/**
 * Synchroniser tokens: every page gets a token bound to the session (or,
 * before sign-in, to an anonymous cookie), and every state-changing request
 * must send it back as the _csrf field or the X-CSRF-Token header.
 */
export const csrfProtection: RequestHandler = (req, res, next) => {
  const expected = csrfTokenFor(req.csrfBinding);
  res.locals.csrfToken = expected;
  if (safeMethods.has(req.method)) return next();
  const body = req.body as Record<string, unknown> | undefined;
  const sent =
    (typeof body?._csrf === 'string' && body._csrf) ||
    req.get('x-csrf-token') ||
    '';
  if (!safeEqual(sent, expected)) return next(new AppError('csrf'));
  next();
};
