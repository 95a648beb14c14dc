import { Company, database, Member } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { readLoginSettings } from '../auth/login-settings.js';
import { revokeMemberSessions } from '../auth/sessions.js';
import { config } from '../config/index.js';
import { AppError } from '../errors.js';
import { notify } from '../notify.js';
import {
  generateTemporaryPassword,
  hashPassword,
} from '../password/password-hash.js';
import { enqueue, jobId } from '../queues/index.js';
import { releaseLock } from './lock-release.js';

/** How long a temporary password works if nobody uses it. */
export const TEMPORARY_PASSWORD_HOURS = 24;

/** What the issuing super admin is shown, once. */
export interface IssuedTemporaryPassword {
  password: string;
  expiresAt: Date;
  member: { id: string; name: string; email: string };
}

/**
 * Issues a random temporary password that meets the company's rules. Only
 * a super admin may; it replaces the member's password, ends their sessions,
 * is emailed to them, works once and for 24 hours, and is audited.
 */
export async function issueTemporaryPassword(
  actor: Member,
  memberId: string,
  context: RequestContext,
): Promise<IssuedTemporaryPassword> {
  if (actor.role !== 'super_admin') throw new AppError('forbidden');
  let password = '';
  const expiresAt = new Date(Date.now() + TEMPORARY_PASSWORD_HOURS * 3600_000);
  const { member, send } = await database().transaction(async (transaction) => {
    const target = await Member.findOne({
      where: { id: memberId, companyId: actor.companyId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!target || target.employmentStatus === 'terminated') {
      throw new AppError('notFound');
    }
    const company = await Company.findByPk(actor.companyId, { transaction });
    const rules = readLoginSettings(company?.loginSettings).passwordRules;
    password = generateTemporaryPassword(rules, { email: target.email });
    await target.update(
      {
        passwordHash: await hashPassword(password, config.bcryptCost),
        temporaryPasswordExpiresAt: expiresAt,
        mustChangePassword: true,
      },
      { transaction },
    );
    // A new password from an admin also lifts a lock, as a reset does.
    const unlocked = await releaseLock(target.id, transaction);
    const ended = await revokeMemberSessions(
      target.id,
      'temporary password issued',
      transaction,
    );
    await recordAudit(
      {
        companyId: actor.companyId,
        actor: {
          id: actor.id,
          name: actor.name,
          organizationId: actor.organizationId,
        },
        activityType: 'permission_change',
        event: 'create',
        informationType: 'temporary_password_issuance',
        target: { id: target.id, name: target.name },
        context,
        details: {
          expiresAt: expiresAt.toISOString(),
          sessionsEnded: ended,
          accountUnlocked: unlocked,
        },
      },
      transaction,
    );
    const sendEmail = await notify(
      {
        companyId: target.companyId,
        memberId: target.id,
        recipient: target.email,
        kind: 'temporary-password',
        title: 'A temporary password was issued to you',
        body: 'Check your email. Sign in with it within 24 hours and choose a new password.',
        email: {
          template: 'temporary-password',
          data: {
            name: target.name,
            issuer: actor.name,
            password,
            expiresAt: expiresAt.toISOString().replace('T', ' ').slice(0, 16),
            link: `${config.publicUrl}/sign-in`,
          },
          secretFields: ['password'],
        },
        dedupeKey: `temporary-password-${target.id}-${expiresAt.getTime()}`,
      },
      transaction,
    );
    return { member: target, send: sendEmail };
  });
  await send();
  await enqueue(
    'temp-password-expiry',
    { memberId: member.id },
    {
      jobId: jobId(
        'temp-password-expiry',
        member.id,
        String(expiresAt.getTime()),
      ),
      delay: TEMPORARY_PASSWORD_HOURS * 3600_000,
    },
  );
  return {
    password,
    expiresAt,
    member: { id: member.id, name: member.name, email: member.email },
  };
}
