import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { parse } from 'cookie';
import { normalizeClientIp } from '../../core/ip/client-ip.js';
import { anonymousCookie, cookieOptions, deviceCookie } from '../cookies.js';

const twoYears = 2 * 365 * 24 * 3600 * 1000;
const deviceIdPattern = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Gives every request an id, its cookies, the client IP (as trust proxy
 * allows) and a long-lived device id, then the context audit events carry.
 */
export const requestContext: RequestHandler = (req, res, next) => {
  req.id = crypto.randomUUID();
  res.setHeader('X-Request-Id', req.id);
  req.cookies = parse(req.headers.cookie ?? '');

  let deviceId = req.cookies[deviceCookie];
  if (!deviceId || !deviceIdPattern.test(deviceId)) {
    deviceId = crypto.randomBytes(16).toString('base64url');
    res.cookie(deviceCookie, deviceId, cookieOptions(twoYears));
  }
  let anonymous = req.cookies[anonymousCookie];
  if (!anonymous || !deviceIdPattern.test(anonymous)) {
    anonymous = crypto.randomBytes(24).toString('base64url');
    res.cookie(anonymousCookie, anonymous, cookieOptions());
    req.cookies[anonymousCookie] = anonymous;
  }

  req.context = {
    ip: normalizeClientIp(req.ip),
    deviceId,
    userAgent: req.get('user-agent')?.slice(0, 512) ?? null,
  };
  req.csrfBinding = `anon:${anonymous}`;
  next();
};
