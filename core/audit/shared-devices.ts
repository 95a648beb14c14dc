import { QueryTypes } from 'sequelize';
import { database } from '../../db/index.js';
import { auditFiltersSchema } from './filters.js';
import { auditWhere, type AuditScope } from './query.js';

/** One account a device tried, with how its attempts ended. */
export interface DeviceAccount {
  memberId: string;
  name: string | null;
  successes: number;
  failures: number;
  lastAttempt: string;
}

/** A device that attempted sign-in on more than one account. */
export interface SharedDevice {
  deviceId: string;
  userAgent: string | null;
  accounts: DeviceAccount[];
}

interface Row {
  device_id: string;
  member_id: string;
  name: string | null;
  successes: number;
  failures: number;
  last_attempt: string;
  user_agent: string | null;
}

/**
 * Devices with sign-in attempts on more than one account inside the
 * viewing window (and the optional date range), newest activity first, at
 * most `limit` devices. Sign-in attempts are login / create /
 * authentication token events, failed or not.
 */
export async function findSharedDevices(
  scope: AuditScope,
  range: { from?: string; to?: string } = {},
  limit = 100,
): Promise<SharedDevice[]> {
  const filters = auditFiltersSchema.parse({
    activityType: 'login',
    event: 'create',
    informationType: 'authentication_token',
    ...range,
  });
  const { where, bind } = auditWhere(scope, filters);
  bind.push(limit);
  const rows = await database().query<Row>(
    `WITH attempts AS (
       SELECT e.device_id, e.target_member_id AS member_id,
         max(e.target_name) AS name,
         count(*) FILTER (WHERE e.outcome = 'success')::int AS successes,
         count(*) FILTER (WHERE e.outcome <> 'success')::int AS failures,
         max(e.occurred_at) AS last_at,
         (array_agg(e.user_agent ORDER BY e.occurred_at DESC))[1] AS user_agent
       FROM audit_events e
       WHERE ${where}
         AND e.device_id IS NOT NULL AND e.target_member_id IS NOT NULL
       GROUP BY e.device_id, e.target_member_id
     ), shared AS (
       SELECT device_id, max(last_at) AS last_at FROM attempts
       GROUP BY device_id HAVING count(*) > 1
       ORDER BY max(last_at) DESC LIMIT $${bind.length}
     )
     SELECT a.device_id, a.member_id, a.name, a.successes, a.failures,
       a.user_agent,
       to_char(a.last_at AT TIME ZONE $2, 'YYYY-MM-DD HH24:MI:SS') AS last_attempt
     FROM attempts a JOIN shared s USING (device_id)
     ORDER BY s.last_at DESC, a.device_id, a.last_at DESC`,
    { bind, type: QueryTypes.SELECT },
  );
  const devices = new Map<string, SharedDevice>();
  for (const row of rows) {
    let device = devices.get(row.device_id);
    if (!device) {
      device = {
        deviceId: row.device_id,
        userAgent: row.user_agent,
        accounts: [],
      };
      devices.set(row.device_id, device);
    }
    device.accounts.push({
      memberId: row.member_id,
      name: row.name,
      successes: row.successes,
      failures: row.failures,
      lastAttempt: row.last_attempt,
    });
  }
  return [...devices.values()];
}
