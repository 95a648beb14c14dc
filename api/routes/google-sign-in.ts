import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { config } from '../../core/config/index.js';
import { AppError } from '../../core/errors.js';
import { logger } from '../../core/logger.js';
import {
  googleAuthorization,
  googleIdentity,
  googleSignInEnabled,
} from '../../core/otp-policy/google-client.js';
import { signInWithGoogle } from '../../core/otp-policy/google-sign-in.js';
import { findLiveSession, revokeSession } from '../../core/auth/sessions.js';
import { cookieOptions, sessionCookie } from '../cookies.js';

const checksCookie = 'gh_oidc';
const callbackPath = '/sign-in/google/callback';
const failure =
  'Google sign-in did not complete. Try again, or sign in with your email address and password.';

const checksSchema = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  verifier: z.string().min(43).max(200),
});

function readChecks(raw: unknown) {
  if (typeof raw !== 'string') return null;
  try {
    const parsed = checksSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Tells the sign-in page whether to offer Google. */
export const googleSignInLocals: RequestHandler = (_req, res, next) => {
  res.locals.googleSignIn = googleSignInEnabled();
  next();
};

/** "Sign in with Google" through OpenID Connect. */
export const googleSignInRouter = Router();

googleSignInRouter.get('/sign-in/google', async (_req, res) => {
  if (!googleSignInEnabled()) throw new AppError('notFound');
  const { url, checks } = await googleAuthorization(
    config.publicUrl + callbackPath,
  );
  res.cookie(checksCookie, JSON.stringify(checks), {
    ...cookieOptions(10 * 60_000),
    path: callbackPath,
  });
  res.redirect(303, url);
});

googleSignInRouter.get(callbackPath, async (req, res) => {
  if (!googleSignInEnabled()) throw new AppError('notFound');
  const checks = readChecks(req.cookies[checksCookie]);
  res.clearCookie(checksCookie, { path: callbackPath });
  const again = (message: string) =>
    res.status(401).render('sign-in', {
      title: 'Sign in',
      layout: 'public',
      failure: message,
      googleSignIn: true,
    });
  if (!checks) return again(failure);

  let identity;
  try {
    identity = await googleIdentity(
      new URL(req.originalUrl, config.publicUrl),
      checks,
    );
  } catch (error) {
    logger.warn(
      { err: error, requestId: req.id },
      'google sign-in callback refused',
    );
    return again(failure);
  }
  const result = await signInWithGoogle(identity, req.context);
  if (!result.ok) return again(result.message);

  const previous = req.cookies[sessionCookie];
  const old = previous ? await findLiveSession(previous) : null;
  if (old) await revokeSession(old.session.id, 'replaced by sign-in');
  res.cookie(sessionCookie, result.token, cookieOptions());
  res.redirect(303, '/');
});
