import { QueryTypes } from 'sequelize';
import { database, type Member } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { revokeMemberSessions } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import { notify } from '../notify.js';
import { deleteRecoveryCodes } from './recovery.js';
import { cancelUnblock } from './unblock.js';

/**
 * An admin's Member OTP reset: clears the member's secret, recovery codes,
 * failure count and block at once, ends their sessions, audits it and tells
 * them; afterwards the pending unblock job is removed. The member enrols
 * again at their next sign-in. Members of other companies are not found.
 *
 * @throws {AppError} notFound when no such member is in the admin's company.
 */
export async function resetMemberOtp(
  admin: Member,
  memberId: string,
  context: RequestContext,
): Promise<void> {
  const send = await database().transaction(async (transaction) => {
    const [target] = await database().query<{
      id: string;
      name: string;
      email: string;
      was_enrolled: boolean;
      was_blocked: boolean;
    }>(
      `UPDATE members m SET otp_secret_encrypted = NULL,
         otp_enrolled_at = NULL, otp_last_time_step = NULL,
         otp_failure_count = 0, otp_failure_window_start = NULL,
         otp_failure_times = '{}',
         otp_blocked_until = NULL, updated_at = now()
       FROM (SELECT id, otp_enrolled_at IS NOT NULL AS was_enrolled,
               coalesce(otp_blocked_until > now(), false) AS was_blocked
             FROM members WHERE id = $1 AND company_id = $2
               AND (role <> 'super_admin' OR $3) FOR UPDATE) old
       WHERE m.id = old.id
       RETURNING m.id, m.name, m.email, old.was_enrolled, old.was_blocked`,
      {
        // A super admin's second factor is reset only by a super admin:
        // OTP settings alone must not open a super admin's account.
        bind: [memberId, admin.companyId, admin.role === 'super_admin'],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (!target) throw new AppError('notFound');

    await deleteRecoveryCodes(target.id, transaction);
    const sessionsEnded = await revokeMemberSessions(
      target.id,
      'otp reset by admin',
      transaction,
    );
    await recordAudit(
      {
        companyId: admin.companyId,
        actor: {
          id: admin.id,
          name: admin.name,
          organizationId: admin.organizationId,
        },
        activityType: 'permission_change',
        event: 'delete',
        informationType: 'otp_member_reset',
        target: { id: target.id, name: target.name },
        context,
        details: {
          wasEnrolled: target.was_enrolled,
          wasBlocked: target.was_blocked,
          sessionsEnded,
        },
      },
      transaction,
    );
    return notify(
      {
        companyId: admin.companyId,
        memberId: target.id,
        recipient: target.email,
        kind: 'otp_reset',
        title: 'Your 2-step authentication was reset',
        body: `${admin.name} reset your 2-step authentication. Set it up again at your next sign-in.`,
        link: '/help/otp',
        email: {
          template: 'otp-reset',
          data: { name: target.name, adminName: admin.name },
        },
        dedupeKey: `otp-reset-${target.id}-${Date.now()}`,
      },
      transaction,
    );
  });
  await cancelUnblock(memberId);
  await send();
}
