import { Router } from 'express';
import { z } from 'zod';
import { signInWithPassword } from '../../core/auth/sign-in.js';
import { findLiveSession, revokeSession } from '../../core/auth/sessions.js';
import { recordAudit } from '../../core/audit/record.js';
import { cookieOptions, sessionCookie } from '../cookies.js';
import { fieldErrors } from '../middleware/validate.js';

const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address.')
    .max(320, 'This email address is too long.'),
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(1024, 'This password is too long.'),
  next: z.string().optional(),
});

// Only same-site paths, so the sign-in form cannot redirect elsewhere.
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

// Why someone lands on the sign-in page, said in a line above the form.
const signInNotices: Record<string, string> = {
  reset: 'Your password was changed. Sign in with the new one.',
};

/** Sign-in and sign-out. */
export const authRouter = Router();

authRouter.get('/sign-in', (req, res) => {
  if (req.auth?.session.stage === 'active') return res.redirect(303, '/');
  res.render('sign-in', {
    title: 'Sign in',
    layout: 'public',
    next: req.query.next,
    notice:
      signInNotices[
        String(req.query.reset ? 'reset' : (req.query.reason ?? ''))
      ],
  });
});

authRouter.post('/sign-in', async (req, res) => {
  const parsed = signInSchema.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).render('sign-in', {
      title: 'Sign in',
      layout: 'public',
      errors: fieldErrors(parsed.error),
      email: typeof req.body?.email === 'string' ? req.body.email : '',
      next: typeof req.body?.next === 'string' ? req.body.next : undefined,
    });
  }
  const { email, password, next } = parsed.data;
  const result = await signInWithPassword(email, password, req.context);
  if (!result.ok) {
    return res.status(401).render('sign-in', {
      title: 'Sign in',
      layout: 'public',
      failure: result.message,
      email,
      next,
    });
  }
  // A previous session in this browser ends: a new id is issued at sign-in.
  const previous = req.cookies[sessionCookie];
  if (previous) {
    const old = await findLiveSession(previous);
    if (old) await revokeSession(old.session.id, 'replaced by sign-in');
  }
  res.cookie(sessionCookie, result.token, cookieOptions());
  res.redirect(303, result.stage === 'active' ? safeNext(next) : '/');
});

authRouter.post('/sign-out', async (req, res) => {
  if (req.auth) {
    const { session, member } = req.auth;
    await revokeSession(session.id, 'signed out');
    await recordAudit({
      companyId: member.companyId,
      actor: {
        id: member.id,
        name: member.name,
        organizationId: member.organizationId,
      },
      activityType: 'login',
      event: 'delete',
      informationType: 'authentication_token',
      target: { id: member.id, name: member.name },
      context: req.context,
      details: { reason: 'signed out' },
    });
  }
  res.clearCookie(sessionCookie, { path: '/' });
  res.redirect(303, '/sign-in');
});
