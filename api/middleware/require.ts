import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Permission } from '../../db/index.js';
import { AppError } from '../../core/errors.js';
import type { Auth } from '../types.js';

/** Pages a session in the middle of signing in may still reach. */
const stagePages: Record<string, string> = {
  otp_pending: '/sign-in/otp',
  otp_enrolment: '/sign-in/otp/enrol',
  password_change: '/sign-in/password',
};

/** The signed-in member; call only after requireMember ran. */
export function authOf(req: Request): Auth {
  if (!req.auth) throw new AppError('unauthenticated');
  return req.auth;
}

/**
 * Lets through only a fully signed-in member. Anyone else is sent to sign
 * in, or to the sign-in step they have not finished.
 */
export const requireMember: RequestHandler = (
  req: Request,
  res: Response,
  next: NextFunction,
) => {
  const stage = req.auth?.session.stage;
  if (stage === 'active') return next();
  const wantsHtml =
    req.accepts(['html', 'json']) === 'html' && !req.path.startsWith('/api/');
  if (!wantsHtml) return next(new AppError('unauthenticated'));
  const target = stage
    ? stagePages[stage]
    : `/sign-in?next=${encodeURIComponent(req.originalUrl)}`;
  res.redirect(303, target ?? '/sign-in');
};

/** Lets through members holding the permission; others get 403. */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (!authOf(req).permissions.has(permission))
      return next(new AppError('forbidden'));
    next();
  };
}

/** Lets through super admins only. */
export const requireSuperAdmin: RequestHandler = (req, _res, next) => {
  if (authOf(req).member.role !== 'super_admin')
    return next(new AppError('forbidden'));
  next();
};
