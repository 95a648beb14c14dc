import { QueryTypes, type Transaction } from 'sequelize';
import { database } from '../../db/index.js';

/** Failed attempts within the window that block OTP entry. */
export const OTP_FAILURE_LIMIT = 10;

/** How long the failure window and the block each last, in hours. */
export const OTP_BLOCK_HOURS = 24;

/** What one recorded failure did to the member's budget. */
export type FailureOutcome =
  | { blocked: false; failures: number; failuresLeft: number }
  | { blocked: true; blockedUntil: Date; justBlocked: boolean };

// The failures of the last 24 hours before this one, newest first. Only
// the latest nine matter: with this one they make the tenth. Written once
// and used in several SET clauses, which all read the row as it was.
const recent = `ARRAY(SELECT t FROM unnest(otp_failure_times) AS t
  WHERE t > $2::timestamptz - interval '${OTP_BLOCK_HOURS} hours'
  ORDER BY t DESC LIMIT ${OTP_FAILURE_LIMIT - 1})`;
const count = `(cardinality(${recent}) + 1)`;

/**
 * Counts one failed OTP attempt against the member, across every session,
 * browser and IP, in a rolling 24-hour window, in a single UPDATE:
 * PostgreSQL re-reads a row that a parallel request changed first, so
 * racing attempts cannot both slip under the limit. The tenth failure
 * within 24 hours sets a 24-hour block.
 */
export async function recordOtpFailure(
  memberId: string,
  now: Date,
  transaction?: Transaction,
): Promise<FailureOutcome> {
  const rows = await database().query<{
    otp_failure_count: number;
    otp_blocked_until: Date | null;
  }>(
    `UPDATE members SET
       otp_failure_times = ${recent} || ARRAY[$2::timestamptz],
       otp_failure_count = ${count},
       otp_failure_window_start = coalesce(
         (SELECT min(t) FROM unnest(${recent}) AS t), $2::timestamptz),
       otp_blocked_until =
         CASE WHEN ${count} >= ${OTP_FAILURE_LIMIT}
              THEN $2::timestamptz + interval '${OTP_BLOCK_HOURS} hours'
              ELSE otp_blocked_until END
     WHERE id = $1
       AND (otp_blocked_until IS NULL OR otp_blocked_until <= $2::timestamptz)
     RETURNING otp_failure_count, otp_blocked_until`,
    { bind: [memberId, now], type: QueryTypes.SELECT, transaction },
  );
  const row = rows[0];
  if (!row) {
    const blockedUntil = await activeBlock(memberId, now, transaction);
    return {
      blocked: true,
      blockedUntil: blockedUntil ?? now,
      justBlocked: false,
    };
  }
  const until = row.otp_blocked_until;
  if (until && until > now) {
    return { blocked: true, blockedUntil: until, justBlocked: true };
  }
  return {
    blocked: false,
    failures: row.otp_failure_count,
    failuresLeft: OTP_FAILURE_LIMIT - row.otp_failure_count,
  };
}

/**
 * The end of the member's block, or null when there is none. A block whose
 * time has passed is over here, whether or not the unblock job ran.
 */
export async function activeBlock(
  memberId: string,
  now: Date,
  transaction?: Transaction,
): Promise<Date | null> {
  const [row] = await database().query<{ otp_blocked_until: Date | null }>(
    'SELECT otp_blocked_until FROM members WHERE id = $1',
    { bind: [memberId], type: QueryTypes.SELECT, transaction },
  );
  const until = row?.otp_blocked_until ?? null;
  return until && until > now ? until : null;
}

/**
 * Clears a block whose time is over, with its failure count, and answers
 * whether there was one to clear. Idempotent: a second call finds nothing.
 */
export async function clearExpiredBlock(
  memberId: string,
  now: Date,
  transaction?: Transaction,
): Promise<Date | null> {
  const rows = await database().query<{ ended: Date }>(
    `UPDATE members m SET otp_blocked_until = NULL, otp_failure_count = 0,
       otp_failure_window_start = NULL, otp_failure_times = '{}'
     FROM (SELECT id, otp_blocked_until AS ended FROM members WHERE id = $1
           FOR UPDATE) old
     WHERE m.id = old.id AND m.otp_blocked_until IS NOT NULL
       AND m.otp_blocked_until <= $2::timestamptz
     RETURNING old.ended`,
    { bind: [memberId, now], type: QueryTypes.SELECT, transaction },
  );
  return rows[0]?.ended ?? null;
}
