import { Router, type Request } from 'express';
import { z } from 'zod';
import { recordAudit } from '../../core/audit/record.js';
import { AppError } from '../../core/errors.js';
import {
  clockIn,
  clockOut,
  type ClockResult,
} from '../../core/work-records/clock.js';
import {
  companyMonth,
  currentMonth,
  memberMonth,
  monthPattern,
  openRecord,
} from '../../core/work-records/month.js';
import { requireWorkRecordIp } from '../middleware/ip-policy.js';
import { authOf, requireMember } from '../middleware/require.js';
import { parseInput } from '../middleware/validate.js';

const monthSchema = z.object({
  month: z
    .string()
    .regex(monthPattern, 'Choose a month as YYYY-MM.')
    .optional(),
});

const actions = {
  'clock-in': { kind: 'clock_in', run: clockIn },
  'clock-out': { kind: 'clock_out', run: clockOut },
} as const;

function monthOf(req: Request): string {
  const { month } = parseInput(monthSchema, req.query);
  return month ?? currentMonth(authOf(req).company.timeZone);
}

function runAction(
  req: Request,
  name: keyof typeof actions,
): Promise<ClockResult> {
  const { member } = authOf(req);
  return actions[name].run(member, req.context);
}

/** Clocking in and out, and the monthly views of work records. */
export const workRecordsRouter = Router();

for (const name of Object.keys(actions) as (keyof typeof actions)[]) {
  const guard = [requireMember, requireWorkRecordIp(actions[name].kind)];

  workRecordsRouter.post(
    `/api/work-records/${name}`,
    ...guard,
    async (req, res) => {
      const result = await runAction(req, name);
      if (!result.ok) {
        res.status(409).json({
          error: { code: 'conflict', message: result.message, fields: {} },
        });
        return;
      }
      res
        .status(name === 'clock-in' ? 201 : 200)
        .json({ record: result.record });
    },
  );

  workRecordsRouter.post(
    `/work-records/${name}`,
    ...guard,
    async (req, res) => {
      const result = await runAction(req, name);
      const outcome = result.ok ? name : 'refused';
      res.redirect(303, `/work-records?done=${outcome}`);
    },
  );
}

workRecordsRouter.get('/work-records', requireMember, async (req, res) => {
  const { member, company } = authOf(req);
  const month = monthOf(req);
  const [records, open] = await Promise.all([
    memberMonth(member, month, company.timeZone),
    openRecord(member),
  ]);
  res.render('work-records', {
    title: 'My work records',
    month,
    records,
    clockedIn: Boolean(open),
    done: typeof req.query.done === 'string' ? req.query.done : null,
    canSeeCompany: member.role === 'super_admin',
  });
});

workRecordsRouter.get(
  '/work-records/company',
  requireMember,
  async (req, res) => {
    const { member, company } = authOf(req);
    // Attendance is personal information: as with the attendance profile
    // section (core/profiles/access.ts), only super admins see everyone's.
    if (member.role !== 'super_admin') throw new AppError('forbidden');
    const month = monthOf(req);
    const records = await companyMonth(company.id, month, company.timeZone);
    await recordAudit({
      companyId: company.id,
      actor: {
        id: member.id,
        name: member.name,
        organizationId: member.organizationId,
      },
      activityType: 'personal_information_access',
      event: 'view',
      informationType: 'attendance',
      context: req.context,
      details: { view: 'company work records', month, rows: records.length },
    });
    res.render('work-records-company', {
      title: 'Company work records',
      month,
      records,
    });
  },
);
