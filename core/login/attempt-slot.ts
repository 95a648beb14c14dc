import { QueryTypes, type Transaction } from 'sequelize';
import { Company, database, type Member } from '../../db/index.js';
import { readLoginSettings } from '../auth/login-settings.js';
import { isLocked } from './lockout.js';

/** Whether a password may be checked now, and the slot to give back. */
export type AttemptSlot =
  | { taken: true; id: string | null }
  | { taken: false; reason: 'account locked' | 'too many attempts at once' };

// Slots older than this are ignored, so a crash cannot keep one taken.
const slotLifetime = "interval '1 minute'";

/**
 * Takes one of the lockout's n password checks before bcrypt runs. Failed
 * sign-ins plus checks still in flight may not exceed n, so a burst of
 * parallel guesses is checked at most n times, not once per request. A
 * locked account gets no check at all: its answer must not depend on the
 * password, or a locked account would still be an oracle for guesses.
 */
export async function takeAttemptSlot(
  member: Member,
  now = new Date(),
): Promise<AttemptSlot> {
  return database().transaction(async (transaction) => {
    const [row] = await database().query<{
      failed_sign_in_count: number;
      locked_at: Date | null;
      lock_expires_at: Date | null;
    }>(
      `SELECT failed_sign_in_count, locked_at, lock_expires_at
       FROM members WHERE id = $1 FOR UPDATE`,
      { bind: [member.id], transaction, type: QueryTypes.SELECT },
    );
    // Counted in a statement of its own, after the row lock is held: under
    // READ COMMITTED a new statement sees the slots that the transaction we
    // waited for has just committed.
    const [flight] = await database().query<{ in_flight: string }>(
      `SELECT count(*) AS in_flight FROM sign_in_attempts
       WHERE member_id = $1 AND started_at > now() - ${slotLifetime}`,
      { bind: [member.id], transaction, type: QueryTypes.SELECT },
    );
    if (!row) return { taken: false, reason: 'account locked' };
    const lock = {
      lockedAt: row.locked_at,
      lockExpiresAt: row.lock_expires_at,
    };
    if (isLocked(lock, now)) return { taken: false, reason: 'account locked' };

    const company = await Company.findByPk(member.companyId, { transaction });
    const threshold = readLoginSettings(
      company?.loginSettings,
    ).lockoutThreshold;
    if (threshold === 0) return { taken: true, id: null };
    const lockRanOut = row.locked_at !== null;
    const failed = lockRanOut ? 0 : row.failed_sign_in_count;
    if (failed + Number(flight?.in_flight ?? 0) >= threshold) {
      return { taken: false, reason: 'too many attempts at once' };
    }
    const [slot] = await database().query<{ id: string }>(
      'INSERT INTO sign_in_attempts (member_id) VALUES ($1) RETURNING id',
      { bind: [member.id], transaction, type: QueryTypes.SELECT },
    );
    return { taken: true, id: slot?.id ?? null };
  });
}

/** Gives a slot back, in the transaction that records the check's outcome. */
export async function releaseAttemptSlot(
  slot: AttemptSlot,
  transaction: Transaction,
): Promise<void> {
  if (!slot.taken || !slot.id) return;
  await database().query('DELETE FROM sign_in_attempts WHERE id = $1', {
    bind: [slot.id],
    transaction,
  });
}

/**
 * After a right password: gives the slot back and tells whether the account
 * is still open, under the member row's lock, so a parallel failure that
 * locked it meanwhile wins.
 */
export async function releaseSlotIfStillOpen(
  member: Member,
  slot: AttemptSlot,
  now = new Date(),
): Promise<boolean> {
  return database().transaction(async (transaction) => {
    await releaseAttemptSlot(slot, transaction);
    const [row] = await database().query<{
      locked_at: Date | null;
      lock_expires_at: Date | null;
    }>(
      'SELECT locked_at, lock_expires_at FROM members WHERE id = $1 FOR UPDATE',
      {
        bind: [member.id],
        transaction,
        type: QueryTypes.SELECT,
      },
    );
    return (
      Boolean(row) &&
      !isLocked(
        { lockedAt: row!.locked_at, lockExpiresAt: row!.lock_expires_at },
        now,
      )
    );
  });
}
