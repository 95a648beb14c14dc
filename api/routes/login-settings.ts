import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  readLoginSettings,
  type LoginSettings,
} from '../../core/auth/login-settings.js';
import { AppError } from '../../core/errors.js';
import { updateLoginSettings } from '../../core/login/update-login-settings.js';
import {
  authOf,
  requireMember,
  requirePermission,
} from '../middleware/require.js';
import { parseInput } from '../middleware/validate.js';
import { pageLocals } from '../presenters/login-settings-page.js';

const whole = (field: string) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`);
const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined);

// The form posts strings; this turns them into the settings document, and
// core/login checks the allowed values and ranges.
const formSchema = z.object({
  version: whole('version'),
  minLength: whole('minLength'),
  maxLength: whole('maxLength'),
  requireLetters: checkbox,
  requireDigits: checkbox,
  requireSymbols: checkbox,
  requireMixedCase: checkbox,
  passwordExpiryDays: whole('passwordExpiryDays'),
  lockoutThreshold: whole('lockoutThreshold'),
  lockoutReleaseMinutes: whole('lockoutReleaseMinutes'),
  idleTimeoutMinutes: whole('idleTimeoutMinutes'),
  absoluteLifetimeHours: whole('absoluteLifetimeHours'),
  allowOnLeaveSignIn: checkbox,
});

function formToSettings(form: z.infer<typeof formSchema>) {
  return {
    passwordRules: {
      minLength: form.minLength,
      maxLength: form.maxLength,
      requireLetters: form.requireLetters,
      requireDigits: form.requireDigits,
      requireSymbols: form.requireSymbols,
      requireMixedCase: form.requireMixedCase,
    },
    passwordExpiryDays: form.passwordExpiryDays,
    lockoutThreshold: form.lockoutThreshold,
    lockoutReleaseMinutes: form.lockoutReleaseMinutes,
    idleTimeoutMinutes: form.idleTimeoutMinutes,
    absoluteLifetimeHours: form.absoluteLifetimeHours,
    allowOnLeaveSignIn: form.allowOnLeaveSignIn,
  };
}

function storedLocals(req: Request) {
  const { company } = authOf(req);
  return pageLocals(
    readLoginSettings(company.loginSettings),
    company.settingsVersion,
  );
}

/** Admins with the Login settings permission configure sign-in rules. */
export const loginSettingsRouter = Router();
loginSettingsRouter.use(
  '/settings/login',
  requireMember,
  requirePermission('login_settings'),
);

loginSettingsRouter.get('/settings/login', (req, res) => {
  res.render('login-settings', {
    ...storedLocals(req),
    saved: req.query.saved === '1',
  });
});

loginSettingsRouter.post('/settings/login', async (req, res) => {
  const posted = formSchema.safeParse(req.body);
  try {
    const form = parseInput(formSchema, req.body);
    await updateLoginSettings(
      authOf(req).member,
      formToSettings(form),
      form.version,
      req.context,
    );
    res.redirect(303, '/settings/login?saved=1');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'conflict') {
      return res.status(409).render('login-settings', {
        ...storedLocals(req),
        failure: error.message,
      });
    }
    if (error.code !== 'validation') throw error;
    // Show what the admin typed, so they fix the field instead of redoing all.
    const shown = posted.success
      ? pageLocals(
          formToSettings(posted.data) as LoginSettings,
          posted.data.version,
        )
      : storedLocals(req);
    res.status(400).render('login-settings', {
      ...shown,
      errors: error.fields,
      failure: 'The settings were not saved: some fields need attention.',
    });
  }
});
