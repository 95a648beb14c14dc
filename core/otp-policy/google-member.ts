import { Op } from 'sequelize';
import { Company, Member } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';
import { readLoginSettings } from '../auth/login-settings.js';
import { checkIpAccess } from '../ip-policy/ip-access.js';
import { isLocked } from '../login/lockout.js';
import type { GoogleIdentity } from './google-client.js';

/**
 * The member a Google identity belongs to: a linked subject first, else a
 * verified email of the company's own domain, which then links the subject.
 */
export async function findMember(
  identity: GoogleIdentity,
): Promise<Member | null> {
  const linked = await Member.findOne({
    where: { googleSubject: identity.subject },
  });
  if (linked) return linked;
  if (!identity.email || !identity.emailVerified) return null;
  const member = await Member.findOne({
    where: { email: identity.email, googleSubject: { [Op.is]: null } },
  });
  if (!member) return null;
  const company = await Company.findByPk(member.companyId);
  const domain = identity.email.split('@')[1];
  if (!company?.emailDomain || domain !== company.emailDomain.toLowerCase())
    return null;
  const [linkedNow] = await Member.update(
    { googleSubject: identity.subject },
    { where: { id: member.id, googleSubject: { [Op.is]: null } } },
  );
  return linkedNow === 1 ? member : null;
}

/**
 * Why a member may not sign in now, or null: the same gates as the password
 * path, since Google lifts no lock, employment rule or allowed-IP rule.
 */
export async function refusal(
  member: Member,
  company: Company,
  context: RequestContext,
): Promise<string | null> {
  const settings = readLoginSettings(company.loginSettings);
  if (member.employmentStatus === 'terminated') return 'terminated';
  if (member.employmentStatus === 'on_leave' && !settings.allowOnLeaveSignIn) {
    return 'on leave';
  }
  if (isLocked(member)) return 'locked';
  if (!(await checkIpAccess(member, company, context.ip, 'sign_in'))) {
    return 'ip not allowed';
  }
  return null;
}
