import type { Member } from '../../db/index.js';

/** Days before expiry on which a member is reminded, once each. */
export const reminderThresholds = [14, 7, 3, 1] as const;

/**
 * When a member's password expires under a period of `days` (0: never).
 * A password with no change date counts from the member's creation.
 */
export function passwordExpiresAt(
  member: Pick<Member, 'passwordChangedAt' | 'createdAt'>,
  days: number,
): Date | null {
  if (days <= 0) return null;
  const from = member.passwordChangedAt ?? member.createdAt;
  return new Date(from.getTime() + days * 86_400_000);
}
