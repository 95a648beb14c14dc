import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ownOtpStatus } from '../../core/otp-policy/member-status.js';
import { startReEnrolment } from '../../core/otp-policy/re-enrolment.js';
import { readOtpSettings } from '../../core/otp-policy/settings.js';
import { cookieOptions, sessionCookie } from '../cookies.js';
import { authOf, requireMember } from '../middleware/require.js';
import { fieldErrors } from '../middleware/validate.js';
import { otpText } from './otp-text.js';

const reEnrolSchema = z.object({
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(1024, 'This password is too long.'),
  code: z.string().max(200).default(''),
});

async function render(
  req: Request,
  res: Response,
  extra: Record<string, unknown> = {},
  status = 200,
) {
  const { member, company } = authOf(req);
  res.status(status).render('my-otp', {
    title: 'My 2-step authentication',
    companyRequires: readOtpSettings(company.otpSettings).enabled,
    status: await ownOtpStatus(member),
    ...extra,
  });
}

/** A member's own 2-step authentication, and the guide for members. */
export const myOtpRouter = Router();

myOtpRouter.get('/help/otp', (req, res) => {
  res.render('otp-guide', {
    title: 'How 2-step authentication works',
    layout: req.auth?.session.stage === 'active' ? 'main' : 'public',
  });
});

myOtpRouter.get('/account/otp', requireMember, (req, res) => render(req, res));

myOtpRouter.post('/account/otp/re-enrol', requireMember, async (req, res) => {
  const parsed = reEnrolSchema.safeParse(req.body ?? {});
  if (!parsed.success)
    return render(req, res, { errors: fieldErrors(parsed.error) }, 400);
  const { password, code } = parsed.data;
  const result = await startReEnrolment(
    authOf(req),
    password,
    code,
    req.context,
  );
  if (result.ok) {
    res.cookie(sessionCookie, result.token, cookieOptions());
    return res.redirect(303, '/sign-in/otp/enrol');
  }
  if (result.blockedUntil) {
    return render(
      req,
      res,
      {
        failure: `Too many requests. ${otpText.blockedLine(result.blockedUntil)}`,
      },
      429,
    );
  }
  const message =
    result.field === 'password'
      ? 'That password is not right.'
      : 'That code is not valid.';
  render(req, res, { errors: { [result.field]: message } }, 400);
});
