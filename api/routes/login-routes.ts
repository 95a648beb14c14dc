import { Router } from 'express';
import { loginSettingsRouter } from './login-settings.js';
import { membersRouter } from './members.js';
import { idleTimeoutLocals, mySessionsRouter } from './my-sessions.js';
import { passwordChangeRouter } from './password-change.js';
import { passwordRouter } from './password.js';

/**
 * The login-settings area's pages in one router: password reset and
 * changes, the settings page, the member list and the sessions pages. It
 * is mounted before the other routers, so idleTimeoutLocals sees every page.
 */
export const loginRouters = Router();
loginRouters.use(
  idleTimeoutLocals,
  passwordRouter,
  passwordChangeRouter,
  loginSettingsRouter,
  membersRouter,
  mySessionsRouter,
);
