import { QueryTypes, type Transaction } from 'sequelize';
import { database } from '../../db/index.js';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  matchRecoveryCode,
} from '../otp/recovery-codes.js';

/**
 * Replaces a member's recovery codes with 10 new ones and returns them in
 * clear text, to be shown once; only their hashes are kept.
 */
export async function issueRecoveryCodes(
  member: { id: string; companyId: string },
  transaction: Transaction,
): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await deleteRecoveryCodes(member.id, transaction);
  await database().query(
    `INSERT INTO otp_recovery_codes (company_id, member_id, code_hash)
     SELECT $1, $2, unnest($3::text[])`,
    {
      bind: [member.companyId, member.id, codes.map(hashRecoveryCode)],
      transaction,
    },
  );
  return codes;
}

/** Removes every recovery code of a member (re-enrolment or reset). */
export async function deleteRecoveryCodes(
  memberId: string,
  transaction?: Transaction,
): Promise<void> {
  await database().query(
    'DELETE FROM otp_recovery_codes WHERE member_id = $1',
    { bind: [memberId], transaction },
  );
}

/**
 * Spends one recovery code: finds the stored hash the input matches and
 * deletes it in a statement that only succeeds while the row still exists,
 * so two racing requests cannot both spend it. Returns how many remain, or
 * null when the input matches no unspent code.
 */
export async function spendRecoveryCode(
  memberId: string,
  input: unknown,
  transaction?: Transaction,
): Promise<{ remaining: number } | null> {
  const db = database();
  const rows = await db.query<{ id: string; code_hash: string }>(
    'SELECT id, code_hash FROM otp_recovery_codes WHERE member_id = $1',
    { bind: [memberId], type: QueryTypes.SELECT, transaction },
  );
  const index = matchRecoveryCode(
    input,
    rows.map((row) => row.code_hash),
  );
  const match = rows[index];
  if (!match) return null;

  const deleted = await db.query<{ id: string }>(
    'DELETE FROM otp_recovery_codes WHERE id = $1 RETURNING id',
    { bind: [match.id], type: QueryTypes.SELECT, transaction },
  );
  if (deleted.length === 0) return null;
  return { remaining: await countRecoveryCodes(memberId, transaction) };
}

/** How many unspent recovery codes a member has. */
export async function countRecoveryCodes(
  memberId: string,
  transaction?: Transaction,
): Promise<number> {
  const [row] = await database().query<{ count: string }>(
    'SELECT count(*) AS count FROM otp_recovery_codes WHERE member_id = $1',
    { bind: [memberId], type: QueryTypes.SELECT, transaction },
  );
  return Number(row?.count ?? 0);
}
