import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { listMemberOtpStatus } from '../../core/otp-policy/member-status.js';
import { resetMemberOtp } from '../../core/otp-policy/reset.js';
import {
  authOf,
  requireMember,
  requirePermission,
} from '../middleware/require.js';
import { parseInput } from '../middleware/validate.js';

const path = '/settings/security/otp/members';

const listSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  reset: z.string().max(10).optional().catch(undefined),
});

const idSchema = z.object({ memberId: z.uuid() });

/** Admins with OTP settings see members' OTP state and reset it. */
export const otpMembersRouter = Router();
otpMembersRouter.use(path, requireMember, requirePermission('otp_settings'));

otpMembersRouter.get(path, async (req, res) => {
  const { q, reset } = parseInput(listSchema, req.query);
  const members = await listMemberOtpStatus(authOf(req).company.id, q ?? '');
  res.render('otp-members', {
    title: "Members' 2-step authentication",
    q: q ?? '',
    members,
    notice:
      reset === '1'
        ? 'The member’s 2-step authentication was reset. They set it up again at their next sign-in.'
        : undefined,
  });
});

otpMembersRouter.post(`${path}/:memberId/reset`, async (req, res) => {
  const parsed = idSchema.safeParse(req.params);
  if (!parsed.success) throw new AppError('notFound');
  await resetMemberOtp(authOf(req).member, parsed.data.memberId, req.context);
  res.redirect(303, `${path}?reset=1`);
});
