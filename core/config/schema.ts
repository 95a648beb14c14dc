import { z } from 'zod';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine(
      (value) =>
        value === undefined ||
        protocols.some((protocol) => value.startsWith(`${protocol}://`)),
      { message: `must start with ${protocols.join(':// or ')}://` },
    );

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * The environment variables Gatehouse reads, with their defaults. README.md
 * documents each one; keep the two in step.
 */
export const environmentSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development'),
  PORT: integer(3000, 0, 65535),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  REDIS_URL: optionalUrl(['redis', 'rediss']),
  SMTP_URL: optionalUrl(['smtp', 'smtps']),
  MAIL_FROM: z.string().default('Gatehouse <no-reply@gatehouse.local>'),
  DATA_DIR: z.string().default('.data'),
  EXPORT_DIR: z.string().optional(),
  EXPORT_TTL_DAYS: integer(7, 1, 90),
  SESSION_SECRET: z.string().min(32).optional(),
  OTP_ENCRYPTION_KEYS: z.string().optional(),
  BCRYPT_COST: integer(12, 4, 15),
  TRUST_PROXY: z.string().default('false'),
  OPS_USER: z.string().optional(),
  OPS_PASSWORD: z.string().min(12).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  PLAN_WINDOW_DAYS: z
    .string()
    .default('core_hr:7,professional:90,enterprise:365'),
  AUDIT_RETENTION_GRACE_DAYS: integer(30, 0, 3650),
  WORKER_CONCURRENCY: integer(4, 1, 64),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('gatehouse'),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  GOOGLE_ISSUER_URL: z.string().url().default('https://accounts.google.com'),
});

export type Environment = z.infer<typeof environmentSchema>;
