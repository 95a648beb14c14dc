import type { IpMatcher } from '../ip/ip-matcher.js';
import type { IpSettings } from './ip-settings.js';

/** What the member is trying to do; scope decides which of these is checked. */
export type IpPurpose = 'sign_in' | 'request' | 'work_record';

/** The part of a member the rule looks at. */
export interface IpSubject {
  role: 'super_admin' | 'admin' | 'member';
}

/**
 * True when the company's rule applies to this member and purpose at all:
 * the list is on, the member is not an exempt super admin, and the scope
 * covers the purpose ('work_records' covers only clocking in and out).
 */
export function ipRuleApplies(
  settings: IpSettings,
  subject: IpSubject,
  purpose: IpPurpose,
): boolean {
  if (!settings.enabled) return false;
  if (subject.role === 'super_admin' && !settings.applyToSuperAdmin) {
    return false;
  }
  return settings.scope === 'all' || purpose === 'work_record';
}

/**
 * Decides whether an IP may do something. Pure and synchronous: the request
 * hot path calls it with a precompiled matcher. A missing IP is refused when
 * the rule applies, since nothing proves it is on the list.
 */
export function isIpAllowed(
  settings: IpSettings,
  matcher: IpMatcher,
  subject: IpSubject,
  ip: string | null,
  purpose: IpPurpose,
): boolean {
  if (!ipRuleApplies(settings, subject, purpose)) return true;
  return matcher.matches(ip ?? undefined);
}
