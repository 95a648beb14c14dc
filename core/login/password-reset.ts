import { Op, QueryTypes } from 'sequelize';
import { Company, database, Member } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { config } from '../config/index.js';
import { AppError } from '../errors.js';
import { notify } from '../notify.js';
import { setMemberPassword } from './set-password.js';

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60;

/** Reset links one member can be sent in an hour. */
export const RESET_LINKS_PER_HOUR = 3;

/**
 * Sends a reset link if the email belongs to a member who may sign in, and
 * does nothing otherwise; the caller answers the same either way.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  const member = await Member.findOne({
    where: {
      email: email.trim().toLowerCase(),
      employmentStatus: { [Op.ne]: 'terminated' },
    },
  });
  if (!member) return;
  const token = newToken();
  const send = await database().transaction(async (transaction) => {
    // At most a few links an hour: the form must not flood an inbox. The
    // member row lock makes the count hold under parallel requests.
    await database().query('SELECT id FROM members WHERE id = $1 FOR UPDATE', {
      bind: [member.id],
      transaction,
    });
    const [recent] = await database().query<{ n: string }>(
      `SELECT count(*) AS n FROM password_reset_tokens
       WHERE member_id = $1 AND created_at > now() - interval '1 hour'`,
      { bind: [member.id], type: QueryTypes.SELECT, transaction },
    );
    if (Number(recent?.n ?? 0) >= RESET_LINKS_PER_HOUR) return async () => {};
    const [row] = await database().query<{ id: string }>(
      `INSERT INTO password_reset_tokens
         (company_id, member_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4)) RETURNING id`,
      {
        bind: [
          member.companyId,
          member.id,
          hashToken(token),
          RESET_LINK_MINUTES,
        ],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return notify(
      {
        companyId: member.companyId,
        memberId: member.id,
        recipient: member.email,
        kind: 'password-reset',
        title: 'Password reset requested',
        body: 'A password reset link was sent to your email address.',
        email: {
          template: 'password-reset',
          data: {
            name: member.name,
            link: `${config.publicUrl}/password/reset/${token}`,
          },
          secretFields: ['link'],
        },
        dedupeKey: `password-reset-${row?.id}`,
      },
      transaction,
    );
  });
  await send();
}

/** Tells whether a reset link still works, without using it up. */
export async function isResetTokenValid(token: string): Promise<boolean> {
  const rows = await database().query(
    `SELECT 1 FROM password_reset_tokens WHERE token_hash = $1
       AND used_at IS NULL AND expires_at > now()`,
    { bind: [hashToken(token)], type: QueryTypes.SELECT },
  );
  return rows.length > 0;
}

/**
 * Sets a new password through a reset link. The link is used up in the
 * same transaction, so two submissions cannot both succeed, and a refused
 * password leaves it usable. Also ends every session and releases a lock.
 */
export async function completePasswordReset(
  token: string,
  password: string,
  context: RequestContext,
): Promise<void> {
  await database().transaction(async (transaction) => {
    const [used] = await database().query<{ member_id: string }>(
      `UPDATE password_reset_tokens SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING member_id`,
      { bind: [hashToken(token)], type: QueryTypes.SELECT, transaction },
    );
    if (!used) throw new AppError('gone');
    const member = await Member.scope('withSecrets').findByPk(used.member_id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    const company =
      member && (await Company.findByPk(member.companyId, { transaction }));
    if (!member || !company) throw new AppError('gone');
    await setMemberPassword(
      { member, company, password, via: 'reset', context },
      transaction,
    );
    // Other links sent earlier die with this one.
    await database().query(
      `UPDATE password_reset_tokens SET used_at = now()
       WHERE member_id = $1 AND used_at IS NULL`,
      { bind: [member.id], transaction },
    );
  });
}
