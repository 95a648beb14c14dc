import crypto from 'node:crypto';

/** A fresh opaque token for a cookie or a link: 256 random bits. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The SHA-256 under which a token is stored; the token itself never is. */
export function hashToken(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}

/** HMAC-SHA256 of a value under a secret, base64url encoded. */
export function sign(secret: string, value: string): string {
  return crypto.createHmac('sha256', secret).update(value).digest('base64url');
}

/** Compares two strings in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
