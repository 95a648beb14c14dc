import type { Request, RequestHandler, Response } from 'express';
import {
  checkIpAccess,
  ipRefusalMessage,
} from '../../core/ip-policy/ip-access.js';
import {
  recordIpRefusal,
  type IpRefusalKind,
} from '../../core/ip-policy/record-refusal.js';

/** Answers a refused request: JSON for the API, otherwise the refusal page. */
function refuse(req: Request, res: Response): void {
  const ip = req.context.ip;
  const message = ipRefusalMessage(ip);
  res.status(403);
  if (
    req.path.startsWith('/api/') ||
    req.accepts(['html', 'json']) === 'json'
  ) {
    res.json({
      error: { code: 'ipNotAllowed', message, ip, fields: {} },
      requestId: req.id,
    });
    return;
  }
  res.render('ip-not-allowed', {
    title: 'Access not allowed',
    layout: 'public',
    ip,
    message,
  });
}

/**
 * Holds every request of a signed-in member to the company's allowed-IP
 * rule (scope "all functions"). Signing out stays possible, so a refused
 * member can leave. Runs after the session and CSRF token are known.
 */
export const enforceIpPolicy: RequestHandler = async (req, res, next) => {
  const auth = req.auth;
  if (!auth) return next();
  if (req.method === 'POST' && req.path === '/sign-out') return next();
  const { member, company } = auth;
  if (await checkIpAccess(member, company, req.context.ip, 'request'))
    return next();
  await recordIpRefusal({
    member,
    kind: 'request',
    context: req.context,
    path: req.path,
  });
  refuse(req, res);
};

/**
 * Holds clocking in or out to the rule under either scope; mount after
 * requireMember on the work-record routes.
 */
export function requireWorkRecordIp(kind: IpRefusalKind): RequestHandler {
  return async (req, res, next) => {
    const auth = req.auth;
    if (!auth) return next();
    const { member, company } = auth;
    if (await checkIpAccess(member, company, req.context.ip, 'work_record'))
      return next();
    await recordIpRefusal({ member, kind, context: req.context });
    refuse(req, res);
  };
}
