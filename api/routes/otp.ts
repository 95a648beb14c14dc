import { Router } from 'express';
import { googleSignInRouter } from './google-sign-in.js';
import { myOtpRouter } from './my-otp.js';
import { otpMembersRouter } from './otp-members.js';
import { otpSettingsRouter } from './otp-settings.js';
import { otpSignInRouter } from './otp-sign-in.js';

/** Every 2-step authentication page, mounted together by the app. */
export const otpRouter = Router();
otpRouter.use(
  otpSignInRouter,
  otpSettingsRouter,
  otpMembersRouter,
  myOtpRouter,
  googleSignInRouter,
);
