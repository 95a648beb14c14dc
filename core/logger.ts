import pino from 'pino';
import { config } from './config/index.js';

/**
 * The one logger. Paths that can hold secrets are redacted wherever they
 * appear, so a careless context object cannot leak a password or token.
 */
export const logger = pino({
  level: config.logLevel,
  base: { pid: process.pid },
  redact: {
    paths: [
      'password',
      '*.password',
      'newPassword',
      '*.newPassword',
      'code',
      '*.code',
      'token',
      '*.token',
      'secret',
      '*.secret',
      'otpSecret',
      '*.otpSecret',
      'req.headers.cookie',
      'req.headers.authorization',
      'headers.cookie',
      'headers.authorization',
      'res.headers["set-cookie"]',
    ],
    censor: '[redacted]',
  },
});

export type Logger = typeof logger;
