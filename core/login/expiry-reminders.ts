import { Op } from 'sequelize';
import { Company, database, Member } from '../../db/index.js';
import { readLoginSettings } from '../auth/login-settings.js';
import { config } from '../config/index.js';
import { notify } from '../notify.js';
import { enqueue, jobId } from '../queues/index.js';
import { passwordExpiresAt, reminderThresholds } from './password-expiry.js';

const DAY = 86_400_000;

/**
 * The reminder due for a password expiring at `expiresAt`: the smallest
 * threshold (14, 7, 3, 1 days) not below the days left, so a scan that
 * missed a day still sends the reminder it skipped. Null when none is due.
 */
export function dueThreshold(expiresAt: Date, now: Date): number | null {
  const daysLeft = Math.ceil((expiresAt.getTime() - now.getTime()) / DAY);
  if (daysLeft <= 0) return null;
  const due = reminderThresholds.filter((days) => daysLeft <= days);
  return due.length ? Math.min(...due) : null;
}

// One key per password (its change time) and threshold: a member is told
// once per threshold, and again only after setting a new password.
function reminderKey(member: Member, threshold: number): string {
  const changed = (member.passwordChangedAt ?? member.createdAt).getTime();
  return `password-expiry-${member.id}-${changed}-${threshold}`;
}

/**
 * Finds members whose password expires within 14 days, in every company
 * with an expiry period, and enqueues one reminder job per member and
 * threshold. Returns how many jobs it enqueued.
 */
export async function scanPasswordExpiry(now = new Date()): Promise<number> {
  let enqueued = 0;
  const companies = await Company.findAll({
    attributes: ['id', 'loginSettings'],
  });
  for (const company of companies) {
    const days = readLoginSettings(company.loginSettings).passwordExpiryDays;
    if (days === 0) continue;
    const earliest = new Date(now.getTime() - days * DAY);
    const latest = new Date(earliest.getTime() + 14 * DAY);
    const members = await Member.findAll({
      where: {
        companyId: company.id,
        employmentStatus: { [Op.ne]: 'terminated' },
        passwordChangedAt: { [Op.gt]: earliest, [Op.lte]: latest },
      },
      attributes: ['id', 'passwordChangedAt', 'createdAt'],
    });
    for (const member of members) {
      const expiresAt = passwordExpiresAt(member, days);
      const threshold = expiresAt && dueThreshold(expiresAt, now);
      if (!threshold) continue;
      await enqueue(
        'password-expiry-reminder',
        { memberId: member.id, threshold },
        {
          jobId: jobId(
            'password-expiry-reminder',
            reminderKey(member, threshold),
          ),
        },
      );
      enqueued += 1;
    }
  }
  return enqueued;
}

/**
 * Sends one reminder (news and email) if it is still due: the password was
 * not changed and the period not switched off in the meantime. The dedupe
 * key makes a second run of the same reminder send nothing.
 */
export async function sendExpiryReminder(
  memberId: string,
  threshold: number,
  now = new Date(),
): Promise<boolean> {
  const send = await database().transaction(async (transaction) => {
    const member = await Member.findByPk(memberId, { transaction });
    if (!member || member.employmentStatus === 'terminated') return null;
    const company = await Company.findByPk(member.companyId, { transaction });
    const days = readLoginSettings(company?.loginSettings).passwordExpiryDays;
    const expiresAt = passwordExpiresAt(member, days);
    if (!expiresAt || dueThreshold(expiresAt, now) !== threshold) return null;
    const expiresOn = expiresAt.toISOString().slice(0, 10);
    return notify(
      {
        companyId: member.companyId,
        memberId: member.id,
        recipient: member.email,
        kind: 'password-expiry',
        title: `Your password expires in ${threshold} day${threshold === 1 ? '' : 's'}`,
        body: `Change it before ${expiresOn} to keep signing in without interruption.`,
        link: '/account/password',
        email: {
          template: 'password-expiry-reminder',
          data: {
            name: member.name,
            days: threshold,
            expiresOn,
            link: `${config.publicUrl}/account/password`,
          },
        },
        dedupeKey: reminderKey(member, threshold),
      },
      transaction,
    );
  });
  await send?.();
  return send !== null;
}
