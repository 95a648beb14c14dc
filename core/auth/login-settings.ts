import { z } from 'zod';
import {
  DEFAULT_PASSWORD_RULES,
  validatePasswordRules,
  type PasswordRules,
} from '../password/password-rules.js';

/** Idle timeouts an admin may choose, in minutes. */
export const idleTimeoutChoices = [10, 30, 60, 180, 360, 720, 1440];

/** Password expiry periods in days; 0 means passwords never expire. */
export const passwordExpiryChoices = [0, 30, 60, 90, 180, 365];

/** Automatic lock release after minutes; 0 means only a reset or an admin. */
export const lockoutReleaseChoices = [0, 10, 30, 60];

const oneOf = (choices: number[], unit: string) =>
  z
    .number()
    .int()
    .refine((value) => choices.includes(value), {
      message: `must be one of ${choices.join(', ')} ${unit}`,
    });

// The password rules keep their own validator, shared with the settings page.
const passwordRulesField = z
  .unknown()
  .optional()
  .transform((value, context): PasswordRules => {
    const checked = validatePasswordRules(value ?? {});
    if (checked.ok) return checked.rules;
    context.addIssue({ code: 'custom', message: 'invalid password rules' });
    return DEFAULT_PASSWORD_RULES;
  });

/**
 * A company's login settings with their defaults. Stored as one validated
 * JSON document on the company row; a missing key takes its default.
 */
export const loginSettingsSchema = z.object({
  idleTimeoutMinutes: z
    .number()
    .int()
    .refine((value) => idleTimeoutChoices.includes(value), {
      message: `must be one of ${idleTimeoutChoices.join(', ')} minutes`,
    })
    .default(60),
  absoluteLifetimeHours: z.number().int().min(1).max(720).default(24),
  allowOnLeaveSignIn: z.boolean().default(false),
  passwordRules: passwordRulesField,
  passwordExpiryDays: oneOf(passwordExpiryChoices, 'days').default(0),
  /** Failed sign-ins that lock an account: 3 to 10, or 0 for never. */
  lockoutThreshold: z
    .number()
    .int()
    .refine((value) => value === 0 || (value >= 3 && value <= 10), {
      message: 'must be from 3 to 10, or off',
    })
    .default(5),
  lockoutReleaseMinutes: oneOf(lockoutReleaseChoices, 'minutes').default(0),
});

export type LoginSettings = z.infer<typeof loginSettingsSchema>;

/** Reads the stored document, falling back to defaults for anything invalid. */
export function readLoginSettings(stored: unknown): LoginSettings {
  const parsed = loginSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : loginSettingsSchema.parse({});
}
