import { Op } from 'sequelize';
import { Member } from '../../db/index.js';
import { countRecoveryCodes } from './recovery.js';

/** One member's 2-step authentication state, as admins and members see it. */
export interface MemberOtpStatus {
  id: string;
  name: string;
  email: string;
  enrolled: boolean;
  enrolledAt: Date | null;
  blockedUntil: Date | null;
  failures: number;
}

function statusOf(member: Member, now: Date): MemberOtpStatus {
  const blocked = member.otpBlockedUntil && member.otpBlockedUntil > now;
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    enrolled: member.otpEnrolledAt !== null,
    enrolledAt: member.otpEnrolledAt,
    blockedUntil: blocked ? member.otpBlockedUntil : null,
    failures: member.otpFailureCount,
  };
}

/** The company's members with their OTP state, by name, for the reset page. */
export async function listMemberOtpStatus(
  companyId: string,
  search = '',
  now = new Date(),
): Promise<MemberOtpStatus[]> {
  const term = search.trim();
  const members = await Member.findAll({
    where: {
      companyId,
      employmentStatus: { [Op.ne]: 'terminated' },
      ...(term
        ? {
            [Op.or]: [
              { name: { [Op.iLike]: `%${term}%` } },
              { email: { [Op.iLike]: `%${term}%` } },
            ],
          }
        : {}),
    },
    order: [['name', 'ASC']],
    limit: 500,
  });
  return members.map((member) => statusOf(member, now));
}

/** One member's own OTP state, with how many recovery codes remain. */
export async function ownOtpStatus(
  member: Member,
  now = new Date(),
): Promise<MemberOtpStatus & { recoveryCodesLeft: number }> {
  const fresh = await Member.findByPk(member.id);
  return {
    ...statusOf(fresh ?? member, now),
    recoveryCodesLeft: await countRecoveryCodes(member.id),
  };
}
