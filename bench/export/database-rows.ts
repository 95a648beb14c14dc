// Rows for `npm run bench -- export --source database`: a company of its
// own filled with audit events through recordAudit, then read back the way
// the audit-export job reads them (keyset pages from PostgreSQL).
import crypto from 'node:crypto';
import { recordAudit, type AuditInput } from '../../core/audit/record.js';
import { Company, Member } from '../../db/index.js';

const agents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15',
];

/**
 * Creates a company with one member and `rows` audit events spread over
 * the last six days, in time order; returns the company's id. The events
 * stay (the audit table refuses deletes): run it on a benchmark database.
 */
export async function fillCompany(rows: number): Promise<string> {
  const id = crypto.randomBytes(4).toString('hex');
  const company = await Company.create({
    name: `Export bench ${id}`,
    slug: `export-bench-${id}`,
    emailDomain: `${id}.bench.test`,
    plan: 'enterprise',
    timeZone: 'Asia/Seoul',
  });
  const member = await Member.create({
    companyId: company.id,
    organizationId: null,
    name: 'Bench Reader',
    email: `reader@${id}.bench.test`,
  });
  const start = Date.now() - 6 * 86_400_000;
  const step = (6 * 86_400_000) / rows;
  for (let done = 0; done < rows; done += 5_000) {
    const batch: AuditInput[] = [];
    for (let i = done; i < Math.min(rows, done + 5_000); i += 1) {
      batch.push({
        companyId: company.id,
        actor: { id: member.id, name: member.name, organizationId: null },
        activityType: 'personal_information_access',
        event: i % 3 === 0 ? 'edit' : 'view',
        informationType: i % 2 === 0 ? 'income' : 'personal',
        target: { id: member.id, name: member.name },
        context: {
          ip: `10.${i % 250}.${(i >> 8) % 250}.${i % 200}`,
          deviceId: `device-${i % 97}`,
          userAgent: agents[i % agents.length] ?? null,
        },
        details: i % 50 === 0 ? { fields: ['salary', 'bankAccount'] } : {},
        occurredAt: new Date(start + i * step),
      });
    }
    await recordAudit(batch);
  }
  return company.id;
}
