import { QueryTypes } from 'sequelize';
import { database } from '../../db/index.js';
import type { AuditFilters } from './filters.js';

/** What scopes every audit read: the company and its plan's window. */
export interface AuditScope {
  companyId: string;
  timeZone: string;
  windowDays: number;
  /** The moment the window is measured from; default: now. Exports pin it. */
  asOf?: Date;
}

/** One audit event as the viewer and the export read it. */
export interface AuditRow {
  id: string;
  occurred_at: Date;
  occurred_us: string;
  local_time: string;
  actor_id: string | null;
  actor_name: string | null;
  organization_name: string | null;
  activity_type: string;
  event: string;
  information_type: string;
  target_name: string | null;
  outcome: string;
  ip: string | null;
  device_id: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
}

/** A position in the newest-first order: after this time and id. */
export interface AuditCursor {
  occurredUs: string;
  id: string;
}

/**
 * Builds the WHERE clause shared by the viewer and the export. The viewing
 * window starts at midnight, in the company's zone, (windowDays - 1) days
 * before today; date filters are company-local days with an inclusive end.
 */
export function auditWhere(scope: AuditScope, filters: AuditFilters) {
  const bind: unknown[] = [
    scope.companyId,
    scope.timeZone,
    scope.windowDays,
    scope.asOf ?? new Date(),
  ];
  const where = [
    'e.company_id = $1',
    `e.occurred_at >= (date_trunc('day', $4::timestamptz AT TIME ZONE $2)
       - make_interval(days => $3::int - 1)) AT TIME ZONE $2`,
    'e.occurred_at <= $4::timestamptz',
  ];
  const add = (sql: (n: string) => string, value: unknown) => {
    bind.push(value);
    where.push(sql(`$${bind.length}`));
  };
  if (filters.activityType.length)
    add((p) => `e.activity_type = ANY(${p}::text[])`, filters.activityType);
  if (filters.event.length)
    add((p) => `e.event = ANY(${p}::text[])`, filters.event);
  if (filters.informationType.length)
    add(
      (p) => `e.information_type = ANY(${p}::text[])`,
      filters.informationType,
    );
  if (filters.deviceId) add((p) => `e.device_id = ${p}`, filters.deviceId);
  if (filters.from)
    add(
      (p) => `e.occurred_at >= (${p}::date)::timestamp AT TIME ZONE $2`,
      filters.from,
    );
  if (filters.to)
    add(
      (p) => `e.occurred_at < ((${p}::date + 1)::timestamp AT TIME ZONE $2)`,
      filters.to,
    );

  const people: string[] = [];
  if (filters.member.length) {
    bind.push(filters.member);
    people.push(`e.actor_id = ANY($${bind.length}::uuid[])`);
  }
  if (filters.organization.length) {
    bind.push(filters.organization);
    // The tree as it is now: the chosen units and all their descendants.
    people.push(`e.actor_organization_id IN (
      WITH RECURSIVE subtree AS (
        SELECT id FROM organizations
        WHERE company_id = $1 AND id = ANY($${bind.length}::uuid[])
        UNION ALL
        SELECT o.id FROM organizations o JOIN subtree s ON o.parent_id = s.id
      ) SELECT id FROM subtree)`);
  }
  if (people.length) where.push(`(${people.join(' OR ')})`);
  return { where: where.join(' AND '), bind };
}

const selectList = `
  e.id, e.occurred_at,
  (extract(epoch FROM e.occurred_at) * 1000000)::bigint::text AS occurred_us,
  to_char(e.occurred_at AT TIME ZONE $2, 'YYYY-MM-DD HH24:MI:SS') AS local_time,
  e.actor_id, e.actor_name, o.name AS organization_name, e.activity_type,
  e.event, e.information_type, e.target_name, e.outcome, e.ip, e.device_id,
  e.user_agent, e.details`;

/**
 * Reads one page, newest first, after the cursor. Keyset pagination keeps a
 * deep page as cheap as the first one.
 */
export async function readAuditPage(
  scope: AuditScope,
  filters: AuditFilters,
  cursor: AuditCursor | null,
  limit: number,
): Promise<{ rows: AuditRow[]; next: AuditCursor | null }> {
  const { where, bind } = auditWhere(scope, filters);
  const conditions = [where];
  if (cursor) {
    bind.push(cursor.occurredUs, cursor.id);
    const n = bind.length;
    conditions.push(
      `(e.occurred_at, e.id) < (timestamptz 'epoch' + $${n - 1}::bigint * interval '1 microsecond', $${n}::bigint)`,
    );
  }
  bind.push(limit + 1);
  const rows = await database().query<AuditRow>(
    // The page is cut from audit_events alone, in index order, before the
    // organization names are joined: joined first, the planner may hash
    // every event of a large company and sort them all for one page.
    `SELECT ${selectList}
     FROM (
       SELECT * FROM audit_events e
       WHERE ${conditions.join(' AND ')}
       ORDER BY e.occurred_at DESC, e.id DESC
       LIMIT $${bind.length}
     ) e
     LEFT JOIN organizations o ON o.id = e.actor_organization_id
     ORDER BY e.occurred_at DESC, e.id DESC`,
    { bind, type: QueryTypes.SELECT },
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    rows: page,
    next:
      more && last
        ? { occurredUs: last.occurred_us, id: String(last.id) }
        : null,
  };
}

/** Streams every matching row in pages, for exports; memory stays flat. */
export async function* streamAuditRows(
  scope: AuditScope,
  filters: AuditFilters,
  pageSize = 2_000,
): AsyncGenerator<AuditRow> {
  let cursor: AuditCursor | null = null;
  do {
    const page = await readAuditPage(scope, filters, cursor, pageSize);
    yield* page.rows;
    cursor = page.next;
  } while (cursor);
}

/** Encodes a cursor for a URL. */
export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.occurredUs}.${cursor.id}`).toString('base64url');
}

/** Decodes a cursor from a URL; anything malformed is treated as no cursor. */
export function decodeCursor(text: unknown): AuditCursor | null {
  if (typeof text !== 'string') return null;
  // Both parts must fit PostgreSQL's bigint; microseconds since 1970 have
  // 16 digits until the year 2286.
  const match = /^(\d{1,16})\.(\d{1,18})$/.exec(
    Buffer.from(text, 'base64url').toString(),
  );
  return match?.[1] && match[2] ? { occurredUs: match[1], id: match[2] } : null;
}

/** Counts the matching rows, for the export's About sheet. */
export async function countAuditRows(
  scope: AuditScope,
  filters: AuditFilters,
): Promise<number> {
  const { where, bind } = auditWhere(scope, filters);
  const [row] = await database().query<{ count: string }>(
    `SELECT count(*)::text AS count FROM audit_events e WHERE ${where}`,
    { bind, type: QueryTypes.SELECT },
  );
  return Number(row?.count ?? 0);
}
