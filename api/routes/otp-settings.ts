import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { MAX_IP_LIST_ENTRIES, type IpListRow } from '../../core/ip/ip-list.js';
import {
  listExcludedIps,
  saveExcludedIps,
} from '../../core/otp-policy/excluded-ips.js';
import {
  readOtpSettings,
  updateOtpSettings,
} from '../../core/otp-policy/settings.js';
import {
  authOf,
  requireMember,
  requirePermission,
} from '../middleware/require.js';
import { parseInput } from '../middleware/validate.js';

const path = '/settings/security/otp';

const settingsSchema = z.object({
  version: z.coerce
    .number()
    .int()
    .min(0, 'The form is out of date; reload the page.'),
  enabled: z.literal('on').optional(),
  requireAfterGoogle: z.literal('on').optional(),
});

const excludedSchema = z.object({
  entries: z.string().max(20_000, 'This list is too long.').default(''),
});

/** One line per entry: the address or range, then an optional label. */
function readLines(text: string): IpListRow[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [entry = '', ...label] = line.trim().split(/\s+/);
      return { entry, label: label.join(' ') };
    });
}

async function render(
  req: Request,
  res: Response,
  extra: Record<string, unknown> = {},
  status = 200,
) {
  const { company } = authOf(req);
  const excluded = await listExcludedIps(company.id);
  res.status(status).render('otp-settings', {
    title: '2-step authentication',
    settings: readOtpSettings(company.otpSettings),
    version: company.settingsVersion,
    entries: excluded
      .map((row) => [row.entry, row.label].filter(Boolean).join(' '))
      .join('\n'),
    count: excluded.length,
    limit: MAX_IP_LIST_ENTRIES,
    currentIp: req.context.ip ?? 'unknown',
    notice: req.query.saved === '1' ? 'Saved.' : undefined,
    ...extra,
  });
}

/** Admins with OTP settings turn OTP on and manage OTP-excluded IPs. */
export const otpSettingsRouter = Router();
otpSettingsRouter.use(path, requireMember, requirePermission('otp_settings'));

otpSettingsRouter.get(path, (req, res) => render(req, res));

otpSettingsRouter.post(path, async (req, res) => {
  const form = parseInput(settingsSchema, req.body ?? {});
  const { member } = authOf(req);
  await updateOtpSettings(
    member,
    {
      enabled: form.enabled === 'on',
      requireAfterGoogle: form.requireAfterGoogle === 'on',
    },
    form.version,
    req.context,
  );
  res.redirect(303, `${path}?saved=1`);
});

otpSettingsRouter.post(`${path}/excluded-ips`, async (req, res) => {
  const { entries } = parseInput(excludedSchema, req.body ?? {});
  const result = await saveExcludedIps(
    authOf(req).member,
    readLines(entries),
    req.context,
  );
  if (result.ok) return res.redirect(303, `${path}?saved=1`);
  await render(
    req,
    res,
    {
      entries,
      ipErrors: result.errors.map((error) => error.message),
      failure: 'Nothing was saved: some entries need attention.',
    },
    400,
  );
});
