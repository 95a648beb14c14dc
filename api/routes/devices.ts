import { Router } from 'express';
import { z } from 'zod';
import { auditScopeFor, windowDaysFor } from '../../core/audit/scope.js';
import { findSharedDevices } from '../../core/audit/shared-devices.js';
import {
  authOf,
  requireMember,
  requirePermission,
} from '../middleware/require.js';
import { fieldErrors } from '../middleware/validate.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .optional()
  .or(z.literal('').transform(() => undefined));
const rangeSchema = z.object({ from: day, to: day });

/** "One device, many accounts": devices that tried several accounts. */
export const devicesRouter = Router();
devicesRouter.use(
  '/audit-log/devices',
  requireMember,
  requirePermission('audit_log_view'),
);

devicesRouter.get('/audit-log/devices', async (req, res) => {
  const { company } = authOf(req);
  const parsed = rangeSchema.safeParse(req.query);
  const range = parsed.success ? parsed.data : {};
  const devices = await findSharedDevices(auditScopeFor(company), range);
  const link = (deviceId: string) => {
    const search = new URLSearchParams({ activityType: 'login', deviceId });
    if (range.from) search.set('from', range.from);
    if (range.to) search.set('to', range.to);
    return `/audit-log?${search.toString()}`;
  };
  res.status(parsed.success ? 200 : 400).render('shared-devices', {
    title: 'One device, many accounts',
    errors: parsed.success ? {} : fieldErrors(parsed.error),
    range,
    windowDays: windowDaysFor(company),
    timeZone: company.timeZone,
    devices: devices.map((device) => ({
      ...device,
      logUrl: link(device.deviceId),
    })),
  });
});
