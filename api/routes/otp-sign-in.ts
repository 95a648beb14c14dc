import { Router, type RequestHandler } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { activeBlock } from '../../core/otp-policy/block.js';
import {
  confirmEnrolment,
  offerEnrolment,
} from '../../core/otp-policy/enrolment.js';
import { passOtpStep } from '../../core/otp-policy/otp-sign-in.js';
import type { SessionStage } from '../../db/index.js';
import { cookieOptions, sessionCookie } from '../cookies.js';
import { authOf } from '../middleware/require.js';
import { blockedPage, otpText } from './otp-text.js';

// Anything typed is passed on: a malformed code is a failed attempt, which
// the policy counts, not a form error.
const codeSchema = z.object({
  code: z
    .string()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((value) => value ?? ''),
});

/** Lets through only a session at the given sign-in step. */
function requireStage(stage: SessionStage): RequestHandler {
  return (req, res, next) => {
    if (req.auth?.session.stage === stage) return next();
    res.redirect(303, req.auth?.session.stage === 'active' ? '/' : '/sign-in');
  };
}

const where = (stage: SessionStage) =>
  stage === 'active' ? '/' : '/sign-in/password';

/** The OTP step of sign-in and enrolment for members without a secret yet. */
export const otpSignInRouter = Router();

otpSignInRouter.get(
  '/sign-in/otp',
  requireStage('otp_pending'),
  async (req, res) => {
    const { member } = authOf(req);
    const blockedUntil = await activeBlock(member.id, new Date());
    if (blockedUntil)
      return res.status(429).render('otp-blocked', blockedPage(blockedUntil));
    res.render('otp-sign-in', { title: otpText.signInTitle, layout: 'public' });
  },
);

otpSignInRouter.post(
  '/sign-in/otp',
  requireStage('otp_pending'),
  async (req, res) => {
    const { code } = codeSchema.parse(req.body ?? {});
    const result = await passOtpStep(authOf(req), code, req.context);
    if (result.ok) {
      res.cookie(sessionCookie, result.token, cookieOptions());
      if (result.recoveryCodesLeft !== null) {
        return res.render('otp-recovery-used', {
          title: otpText.signInTitle,
          layout: 'public',
          left: result.recoveryCodesLeft,
        });
      }
      return res.redirect(303, '/');
    }
    if (result.blockedUntil) {
      res.clearCookie(sessionCookie, { path: '/' });
      return res
        .status(429)
        .render('otp-blocked', blockedPage(result.blockedUntil));
    }
    res.status(401).render('otp-sign-in', {
      title: otpText.signInTitle,
      layout: 'public',
      failure: otpText.wrongCode(result.failuresLeft),
    });
  },
);

otpSignInRouter.get(
  '/sign-in/otp/enrol',
  requireStage('otp_enrolment'),
  async (req, res) => {
    const { member, company } = authOf(req);
    const offer = await offerEnrolment(member.id, company);
    res.render('otp-enrol', {
      title: otpText.enrolTitle,
      layout: 'public',
      secret: offer.secret.replace(/(.{4})/g, '$1 ').trim(),
      qr: await QRCode.toDataURL(offer.uri, { margin: 1, width: 220 }),
    });
  },
);

otpSignInRouter.post(
  '/sign-in/otp/enrol',
  requireStage('otp_enrolment'),
  async (req, res) => {
    const { code } = codeSchema.parse(req.body ?? {});
    const live = authOf(req);
    const result = await confirmEnrolment(live, code, req.context);
    if (!result.ok) {
      const offer = await offerEnrolment(live.member.id, live.company);
      return res.status(400).render('otp-enrol', {
        title: otpText.enrolTitle,
        layout: 'public',
        secret: offer.secret.replace(/(.{4})/g, '$1 ').trim(),
        qr: await QRCode.toDataURL(offer.uri, { margin: 1, width: 220 }),
        errors: { code: otpText.enrolWrongCode },
      });
    }
    res.cookie(sessionCookie, result.token, cookieOptions());
    res.render('otp-recovery-codes', {
      title: otpText.recoveryTitle,
      layout: 'public',
      codes: result.recoveryCodes,
      next: where(result.nextStage as SessionStage),
    });
  },
);
