import { QueryTypes } from 'sequelize';
import { database } from '../../db/index.js';
import { toWorkRecordView, type WorkRecordView } from './clock.js';

/** A calendar month, `YYYY-MM`. */
export const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The current month in a time zone, as `YYYY-MM`. */
export function currentMonth(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  const year = parts.find((part) => part.type === 'year')?.value ?? '1970';
  const month = parts.find((part) => part.type === 'month')?.value ?? '01';
  return `${year}-${month}`;
}

// The month's bounds in the company's time zone, computed by PostgreSQL.
const monthRange = `
  clock_in_at >= (to_date($2, 'YYYY-MM')::timestamp AT TIME ZONE $3)
  AND clock_in_at < ((to_date($2, 'YYYY-MM') + interval '1 month')::timestamp AT TIME ZONE $3)`;

/** A member's own records of one month, oldest first. */
export async function memberMonth(
  member: { id: string; companyId: string },
  month: string,
  timeZone: string,
): Promise<WorkRecordView[]> {
  const rows = await database().query<Parameters<typeof toWorkRecordView>[0]>(
    `SELECT * FROM work_records
     WHERE member_id = $1 AND company_id = $4 AND ${monthRange}
     ORDER BY clock_in_at`,
    {
      bind: [member.id, month, timeZone, member.companyId],
      type: QueryTypes.SELECT,
    },
  );
  return rows.map(toWorkRecordView);
}

/** One row of the company view: a record and whose it is. */
export interface CompanyWorkRecord extends WorkRecordView {
  memberId: string;
  memberName: string;
}

/** Every record of a company in one month, by member then time. */
export async function companyMonth(
  companyId: string,
  month: string,
  timeZone: string,
  limit = 5000,
): Promise<CompanyWorkRecord[]> {
  const rows = await database().query<
    Parameters<typeof toWorkRecordView>[0] & {
      member_id: string;
      member_name: string;
    }
  >(
    `SELECT w.*, m.name AS member_name FROM work_records w
     JOIN members m ON m.id = w.member_id AND m.company_id = w.company_id
     WHERE w.company_id = $1 AND ${monthRange.replace(/clock_in_at/g, 'w.clock_in_at')}
     ORDER BY m.name, w.clock_in_at LIMIT $4`,
    { bind: [companyId, month, timeZone, limit], type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({
    ...toWorkRecordView(row),
    memberId: row.member_id,
    memberName: row.member_name,
  }));
}

/** The member's open record, if they are clocked in. */
export async function openRecord(member: {
  id: string;
  companyId: string;
}): Promise<WorkRecordView | null> {
  const [row] = await database().query<Parameters<typeof toWorkRecordView>[0]>(
    `SELECT * FROM work_records
     WHERE member_id = $1 AND company_id = $2 AND clock_out_at IS NULL`,
    { bind: [member.id, member.companyId], type: QueryTypes.SELECT },
  );
  return row ? toWorkRecordView(row) : null;
}
