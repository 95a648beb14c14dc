import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { logger } from '../../core/logger.js';
import {
  completePasswordReset,
  isResetTokenValid,
  requestPasswordReset,
} from '../../core/login/password-reset.js';
import { fieldErrors } from '../middleware/validate.js';
import {
  newPasswordSchema,
  publicPage,
  withFormErrors,
} from './password-forms.js';

const forgotSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(320),
});

/** "Forgot password" and the reset link it sends. */
export const passwordRouter = Router();

passwordRouter.get('/password/forgot', (_req, res) => {
  res.render('password-forgot', { title: 'Forgot password', ...publicPage });
});

passwordRouter.post('/password/forgot', async (req, res) => {
  const locals = { title: 'Forgot password', ...publicPage };
  const parsed = forgotSchema.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).render('password-forgot', {
      ...locals,
      errors: fieldErrors(parsed.error),
    });
  }
  // The same answer whether or not the address belongs to a member, sent
  // before the work a known address causes, so timing tells nothing either.
  res.render('password-forgot', { ...locals, sent: true });
  await requestPasswordReset(parsed.data.email).catch((error: unknown) =>
    logger.error({ err: error, requestId: req.id }, 'password reset failed'),
  );
});

passwordRouter.get('/password/reset/:token', async (req, res) => {
  const valid = await isResetTokenValid(String(req.params.token));
  if (!valid) throw new AppError('gone');
  res.render('password-reset', {
    title: 'Choose a new password',
    ...publicPage,
  });
});

passwordRouter.post('/password/reset/:token', async (req, res) => {
  const locals = { title: 'Choose a new password', ...publicPage };
  const parsed = newPasswordSchema.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).render('password-reset', {
      ...locals,
      errors: fieldErrors(parsed.error),
    });
  }
  const token = String(req.params.token);
  const done = await withFormErrors(res, 'password-reset', locals, () =>
    completePasswordReset(token, parsed.data.password, req.context),
  );
  if (done) res.redirect(303, '/sign-in?reset=1');
});
