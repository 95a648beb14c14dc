import type { CookieOptions } from 'express';
import { config } from '../core/config/index.js';

export const sessionCookie = 'gh_session';
export const deviceCookie = 'gh_device';
export const anonymousCookie = 'gh_anon';

/** HttpOnly, SameSite=Lax, and Secure in production, for every cookie. */
export function cookieOptions(maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isProduction,
    path: '/',
    ...(maxAgeMs ? { maxAge: maxAgeMs } : {}),
  };
}
