import { z } from 'zod';

/** Idle timeouts an admin may choose, in minutes. */
export const idleTimeoutChoices = [10, 30, 60, 180, 360, 720, 1440];

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
});

export type LoginSettings = z.infer<typeof loginSettingsSchema>;

/** Reads the stored document, falling back to defaults for anything invalid. */
export function readLoginSettings(stored: unknown): LoginSettings {
  const parsed = loginSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : loginSettingsSchema.parse({});
}
