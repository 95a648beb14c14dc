import { Op } from 'sequelize';
import { database, Member } from '../../db/index.js';
import { recordAudit } from '../../core/audit/record.js';
import type { JobDefinition } from '../job-definition.js';

/**
 * Voids a temporary password that was not used within its 24 hours. Sign-in
 * refuses it after that time anyway; this removes the hash and audits it.
 * A password used or replaced in the meantime is left alone. Either way the
 * password is removed from the stored copies of its email.
 */
export const tempPasswordExpiry: JobDefinition<'temp-password-expiry'> = {
  name: 'temp-password-expiry',
  async handle(job) {
    await database().transaction(async (transaction) => {
      // Whatever became of it, the password is worthless now: drop it from
      // the emails already sent, so the outbox does not keep it.
      await database().query(
        `UPDATE email_messages SET data = data - 'password'
         WHERE member_id = $1 AND template = 'temporary-password'
           AND status <> 'pending' AND data ? 'password'`,
        { bind: [job.data.memberId], transaction },
      );
      const member = await Member.findOne({
        where: {
          id: job.data.memberId,
          temporaryPasswordExpiresAt: { [Op.lte]: new Date() },
        },
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (!member) return;
      await member.update(
        { passwordHash: null, temporaryPasswordExpiresAt: null },
        { transaction },
      );
      await recordAudit(
        {
          companyId: member.companyId,
          actor: null,
          activityType: 'login',
          event: 'delete',
          informationType: 'temporary_password_issuance',
          target: { id: member.id, name: member.name },
          context: { ip: null, deviceId: null, userAgent: null },
          details: { change: 'temporary password expired unused' },
        },
        transaction,
      );
    });
  },
};
