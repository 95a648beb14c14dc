import { QueryTypes } from 'sequelize';
import { database, type Company, type Member } from '../../db/index.js';
import { readLoginSettings } from '../auth/login-settings.js';
import { checkPassword } from '../password/password-rules.js';
import { clearSignInFailures } from './lock-release.js';
import { isLocked } from './lockout.js';
import { passwordExpiresAt } from './password-expiry.js';

/** Told to a locked member who typed the right password, and only to them. */
export const lockedMessage =
  'This account is locked after too many failed sign-ins. Use "Forgot your password?" below to reset your password and unlock it, or ask your company administrator.';

/** Told when a temporary password is past its 24 hours or already used. */
export const temporaryPasswordExpiredMessage =
  'This temporary password has expired. Ask your super administrator for a new one, or reset your password.';

/** Whether sign-in may go on, and why not. */
export type GateResult =
  { ok: true } | { ok: false; reason: string; message: string };

/**
 * Runs the login-settings rules once the password is known to be right:
 * a locked account or an expired temporary password stops here; a used
 * temporary password is voided; an expired or no longer compliant password
 * sends the member to change it (mustChangePassword) before anything else.
 */
export async function passwordGate(
  member: Member,
  company: Company,
  password: string,
  now = new Date(),
): Promise<GateResult> {
  if (isLocked(member, now)) {
    return { ok: false, reason: 'account locked', message: lockedMessage };
  }
  if (member.temporaryPasswordExpiresAt) {
    const voided = await voidTemporaryPassword(member, now);
    if (!voided) {
      return {
        ok: false,
        reason: 'temporary password expired',
        message: temporaryPasswordExpiredMessage,
      };
    }
  }
  await clearSignInFailures(member);

  const settings = readLoginSettings(company.loginSettings);
  const expiresAt = passwordExpiresAt(member, settings.passwordExpiryDays);
  const expired = expiresAt !== null && expiresAt <= now;
  const failures = checkPassword(password, settings.passwordRules, {
    email: member.email,
  });
  if (!member.mustChangePassword && (expired || failures.length > 0)) {
    await member.update({ mustChangePassword: true });
  }
  return { ok: true };
}

// A temporary password works once: the first sign-in clears it, and the
// row condition makes a parallel second sign-in find nothing to clear.
async function voidTemporaryPassword(
  member: Member,
  now: Date,
): Promise<boolean> {
  const rows = await database().query<{ id: string }>(
    `UPDATE members SET password_hash = NULL,
       used_temporary_password_hash = password_hash,
       temporary_password_expires_at = NULL, must_change_password = true,
       updated_at = now()
     WHERE id = $1 AND password_hash = $2
       AND temporary_password_expires_at > $3
     RETURNING id`,
    {
      bind: [member.id, member.passwordHash, now],
      type: QueryTypes.SELECT,
    },
  );
  if (rows.length === 0) return false;
  member.set({ mustChangePassword: true, temporaryPasswordExpiresAt: null });
  return true;
}
