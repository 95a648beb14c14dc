import { QueryTypes, type Transaction } from 'sequelize';
import { database } from '../../db/index.js';
import type { IpListItem } from '../ip/ip-list.js';

/** One stored allowed-IP entry, as the settings page lists it. */
export interface StoredAllowedIp {
  entry: string;
  kind: 'address' | 'cidr';
  family: 4 | 6;
  label: string | null;
  createdAt: Date;
}

/** The company's allowed IPs in the order the admin arranged them. */
export async function listAllowedIps(
  companyId: string,
  transaction?: Transaction,
): Promise<StoredAllowedIp[]> {
  const rows = await database().query<{
    entry: string;
    kind: 'address' | 'cidr';
    family: number;
    label: string | null;
    created_at: Date;
  }>(
    `SELECT entry, kind, family, label, created_at FROM allowed_ips
     WHERE company_id = $1 ORDER BY position, created_at, entry`,
    { bind: [companyId], type: QueryTypes.SELECT, transaction },
  );
  return rows.map((row) => ({
    entry: row.entry,
    kind: row.kind,
    family: row.family === 6 ? 6 : 4,
    label: row.label,
    createdAt: row.created_at,
  }));
}

/** The settings and entries of a company read in one consistent statement. */
export interface PolicySnapshot {
  version: number;
  ipSettings: unknown;
  entries: string[];
}

/**
 * Reads the version, the switches and the entries together, so a cache
 * filled from it can never pair a new version with an old list.
 */
export async function readPolicySnapshot(
  companyId: string,
): Promise<PolicySnapshot | null> {
  const [row] = await database().query<{
    version: number;
    ip_settings: unknown;
    entries: string[];
  }>(
    `SELECT settings_version AS version, ip_settings,
       ARRAY(SELECT entry FROM allowed_ips a WHERE a.company_id = c.id)
         AS entries
     FROM companies c WHERE c.id = $1`,
    { bind: [companyId], type: QueryTypes.SELECT },
  );
  if (!row) return null;
  return {
    version: row.version,
    ipSettings: row.ip_settings,
    entries: row.entries,
  };
}

/** Locks the company row for a save and reads its version and switches. */
export async function lockVersion(companyId: string, transaction: Transaction) {
  const [row] = await database().query<{
    version: number;
    ip_settings: unknown;
  }>(
    `SELECT settings_version AS version, ip_settings FROM companies
     WHERE id = $1 FOR UPDATE`,
    { bind: [companyId], type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/**
 * Replaces the stored list with `entries` in their order, keeping the
 * creator and creation time of entries that stay.
 */
export async function writeList(
  companyId: string,
  createdBy: string,
  entries: IpListItem[],
  transaction: Transaction,
): Promise<void> {
  const db = database();
  await db.query(
    'DELETE FROM allowed_ips WHERE company_id = $1 AND NOT (entry = ANY($2))',
    { bind: [companyId, entries.map((item) => item.text)], transaction },
  );
  for (const [position, item] of entries.entries()) {
    await db.query(
      `INSERT INTO allowed_ips
         (company_id, entry, kind, family, label, position, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (company_id, entry)
         DO UPDATE SET label = EXCLUDED.label, position = EXCLUDED.position`,
      {
        bind: [
          companyId,
          item.text,
          item.kind,
          item.family,
          item.label,
          position,
          createdBy,
        ],
        transaction,
      },
    );
  }
}
