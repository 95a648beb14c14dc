import { isIpAllowed, type IpPurpose } from './ip-decision.js';
import { companyIpPolicy, type PolicyCompany } from './policy-cache.js';

/** The message every refusal shows, with the IP the server saw. */
export function ipRefusalMessage(ip: string | null): string {
  return `Access from this IP address (${ip ?? 'unknown'}) is not allowed.`;
}

/**
 * Whether a member may do `purpose` from `ip` under their company's rule,
 * using the compiled, cached rule (no query while the rule is unchanged).
 */
export async function checkIpAccess(
  member: { role: 'super_admin' | 'admin' | 'member' },
  company: PolicyCompany,
  ip: string | null,
  purpose: IpPurpose,
): Promise<boolean> {
  const policy = await companyIpPolicy(company);
  return isIpAllowed(policy.settings, policy.matcher, member, ip, purpose);
}
