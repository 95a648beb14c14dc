import { QueryTypes } from 'sequelize';
import { database, type Member } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { compileIpMatcher } from '../ip/ip-matcher.js';
import {
  validateIpList,
  type IpListError,
  type IpListRow,
} from '../ip/ip-list.js';

/** One stored OTP-excluded entry, as the settings page lists it. */
export interface ExcludedIp {
  entry: string;
  kind: 'address' | 'cidr';
  family: 4 | 6;
  label: string | null;
}

/** The company's OTP-excluded IPs in the order the admin saved them. */
export async function listExcludedIps(
  companyId: string,
): Promise<ExcludedIp[]> {
  return database().query<ExcludedIp>(
    `SELECT entry, kind, family, label FROM otp_excluded_ips
     WHERE company_id = $1 ORDER BY position, entry`,
    { bind: [companyId], type: QueryTypes.SELECT },
  );
}

/**
 * Replaces the company's list when every row is valid (at most 100, each
 * an IPv4 or IPv6 address or CIDR, trimmed, no repeats); otherwise returns
 * the errors and changes nothing. A change is audited with what was added
 * and removed.
 */
export async function saveExcludedIps(
  admin: Member,
  rows: readonly IpListRow[],
  context: RequestContext,
): Promise<{ ok: true } | { ok: false; errors: IpListError[] }> {
  const result = validateIpList(rows);
  if (!result.ok) return result;
  // A /0 excludes a whole address family: 2-step authentication would be
  // off for everyone while the switch still says it is on.
  const everyone = result.entries
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.prefixLength === 0);
  if (everyone.length > 0) {
    return {
      ok: false,
      errors: everyone.map(({ item, index }) => ({
        index,
        message: `"${item.text}" matches every address; turn 2-step authentication off instead`,
      })),
    };
  }

  await database().transaction(async (transaction) => {
    const db = database();
    // Serialises saves per company, so two admins cannot interleave.
    await db.query('SELECT id FROM companies WHERE id = $1 FOR UPDATE', {
      bind: [admin.companyId],
      transaction,
    });
    const before = await db.query<{ entry: string }>(
      'SELECT entry FROM otp_excluded_ips WHERE company_id = $1',
      { bind: [admin.companyId], type: QueryTypes.SELECT, transaction },
    );
    await db.query('DELETE FROM otp_excluded_ips WHERE company_id = $1', {
      bind: [admin.companyId],
      transaction,
    });
    for (const [position, item] of result.entries.entries()) {
      await db.query(
        `INSERT INTO otp_excluded_ips
           (company_id, entry, kind, family, label, position, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        {
          bind: [
            admin.companyId,
            item.text,
            item.kind,
            item.family,
            item.label,
            position,
            admin.id,
          ],
          transaction,
        },
      );
    }
    const old = new Set(before.map((row) => row.entry));
    const now = new Set(result.entries.map((item) => item.text));
    const added = [...now].filter((entry) => !old.has(entry));
    const removed = [...old].filter((entry) => !now.has(entry));
    if (added.length === 0 && removed.length === 0) return;
    await recordAudit(
      {
        companyId: admin.companyId,
        actor: {
          id: admin.id,
          name: admin.name,
          organizationId: admin.organizationId,
        },
        activityType: 'permission_change',
        event: 'edit',
        informationType: 'otp_setting_change',
        context,
        details: { otpExcludedIps: { added, removed } },
      },
      transaction,
    );
  });
  return { ok: true };
}

/**
 * The OTP-excluded entry the client IP falls in, or null. A missing client
 * IP is never excluded.
 */
export async function otpExclusionFor(
  companyId: string,
  ip: string | null,
): Promise<string | null> {
  if (!ip) return null;
  const entries = (await listExcludedIps(companyId)).map((row) => row.entry);
  if (!compileIpMatcher(entries).matches(ip)) return null;
  return entries.find((entry) => compileIpMatcher([entry]).matches(ip)) ?? null;
}
