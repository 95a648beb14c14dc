import type { Member, Session } from '../../db/index.js';
import type { LoginSettings } from './login-settings.js';

/**
 * Why a session must end now under the company's current login settings,
 * or null while it may go on: idle too long, older than the absolute
 * lifetime (as set now, so shortening it applies to open sessions too), or
 * its member is on leave while members on leave may not sign in.
 */
export function sessionEndReason(
  session: Pick<Session, 'lastSeenAt' | 'createdAt'>,
  member: Pick<Member, 'employmentStatus'>,
  settings: LoginSettings,
  now: Date,
): string | null {
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  if (idleMs > settings.idleTimeoutMinutes * 60_000) return 'idle timeout';
  const ageMs = now.getTime() - session.createdAt.getTime();
  if (ageMs > settings.absoluteLifetimeHours * 3600_000) {
    return 'absolute lifetime';
  }
  if (member.employmentStatus === 'terminated') return 'terminated';
  if (member.employmentStatus === 'on_leave' && !settings.allowOnLeaveSignIn) {
    return 'on leave';
  }
  return null;
}
