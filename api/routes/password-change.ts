import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  changeOwnPassword,
  completeForcedChange,
} from '../../core/login/change-password.js';
import { cookieOptions, sessionCookie } from '../cookies.js';
import { authOf, requireMember } from '../middleware/require.js';
import { fieldErrors } from '../middleware/validate.js';
import {
  newPasswordSchema,
  publicPage,
  withFormErrors,
} from './password-forms.js';

const changeSchema = z
  .object({ current: z.string().min(1, 'Enter your current password.') })
  .and(newPasswordSchema);

// The forced change is a sign-in stage: only such a session may use it.
function requirePasswordStage(req: Request, res: Response): boolean {
  if (req.auth?.session.stage === 'password_change') return true;
  res.redirect(303, req.auth ? '/' : '/sign-in');
  return false;
}

/** The forced password change at sign-in, and the member's own change. */
export const passwordChangeRouter = Router();

passwordChangeRouter.get('/sign-in/password', (req, res) => {
  if (!requirePasswordStage(req, res)) return;
  res.render('password-change', {
    title: 'Set a new password',
    ...publicPage,
  });
});

passwordChangeRouter.post('/sign-in/password', async (req, res) => {
  if (!requirePasswordStage(req, res)) return;
  const locals = { title: 'Set a new password', ...publicPage };
  const parsed = newPasswordSchema.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).render('password-change', {
      ...locals,
      errors: fieldErrors(parsed.error),
    });
  }
  let token = '';
  const done = await withFormErrors(
    res,
    'password-change',
    locals,
    async () => {
      token = await completeForcedChange(
        authOf(req),
        parsed.data.password,
        req.context,
      );
    },
  );
  if (!done) return;
  res.cookie(sessionCookie, token, cookieOptions());
  res.redirect(303, '/');
});

passwordChangeRouter.get('/account/password', requireMember, (_req, res) => {
  res.render('account-password', { title: 'Change password' });
});

passwordChangeRouter.post(
  '/account/password',
  requireMember,
  async (req, res) => {
    const locals = { title: 'Change password' };
    const parsed = changeSchema.safeParse(req.body);
    if (!parsed.success) {
      return res.status(400).render('account-password', {
        ...locals,
        errors: fieldErrors(parsed.error),
      });
    }
    const { current, password } = parsed.data;
    const done = await withFormErrors(res, 'account-password', locals, () =>
      changeOwnPassword(authOf(req), current, password, req.context),
    );
    if (done) res.render('account-password', { ...locals, saved: true });
  },
);
