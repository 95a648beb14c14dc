import type { Transaction } from 'sequelize';
import { Member, MemberProfile, Organization } from '../../db/index.js';
import { AppError } from '../errors.js';
import { isUuid } from '../ids.js';

/** A member with what their profile pages read. */
export interface LoadedProfile {
  member: Member;
  organizationName: string | null;
  profile: MemberProfile | null;
}

/**
 * Loads a member of the given company with their profile. A member of
 * another company, or no member at all, answers 404 alike.
 */
export async function loadProfile(
  companyId: string,
  memberId: string,
  transaction?: Transaction,
): Promise<LoadedProfile> {
  if (!isUuid(memberId)) throw new AppError('notFound');
  const lock = transaction ? transaction.LOCK.UPDATE : undefined;
  const member = await Member.findOne({
    where: { id: memberId, companyId },
    transaction,
    lock,
  });
  if (!member) throw new AppError('notFound');
  const [profile, organization] = await Promise.all([
    MemberProfile.findOne({
      where: { memberId, companyId },
      transaction,
      lock,
    }),
    member.organizationId
      ? Organization.findOne({
          where: { id: member.organizationId, companyId },
          transaction,
        })
      : null,
  ]);
  return { member, organizationName: organization?.name ?? null, profile };
}
