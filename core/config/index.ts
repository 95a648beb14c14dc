import path from 'node:path';
import { environmentSchema, type Environment } from './schema.js';
import { loadDevelopmentSecrets } from './dev-secrets.js';
import { parseTrustProxy, type TrustProxySetting } from '../ip/client-ip.js';

/** Thrown when the environment is invalid; the message names each variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The validated configuration every process reads once at start-up. */
export interface Config {
  env: Environment['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  dataDir: string;
  exportDir: string;
  mailDir: string;
  exportTtlDays: number;
  sessionSecret: string;
  otpEncryptionKeys: string;
  bcryptCost: number;
  trustProxy: TrustProxySetting;
  ops: { user: string; password: string } | undefined;
  logLevel: Environment['LOG_LEVEL'];
  planWindowDays: Record<string, number>;
  auditRetentionGraceDays: number;
  workerConcurrency: number;
  queuePrefix: string;
  google:
    { clientId: string; clientSecret: string; issuerUrl: string } | undefined;
}

function parsePlanWindows(text: string): Record<string, number> {
  const windows: Record<string, number> = {};
  for (const item of text.split(',')) {
    const [plan, days] = item.split(':').map((part) => part.trim());
    const parsed = Number(days);
    if (!plan || !Number.isInteger(parsed) || parsed < 1) {
      throw new ConfigError(
        `PLAN_WINDOW_DAYS: "${item}" is not of the form plan:days`,
      );
    }
    windows[plan] = parsed;
  }
  if (!windows.core_hr) {
    throw new ConfigError('PLAN_WINDOW_DAYS: the core_hr plan is missing');
  }
  return windows;
}

/**
 * Validates an environment and builds the configuration. Throws ConfigError
 * naming every invalid variable, so a bad deployment stops at once.
 */
export function loadConfig(source: NodeJS.ProcessEnv): Config {
  const result = environmentSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const env = result.data;
  const isProduction = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);

  if (isProduction) {
    for (const name of ['SESSION_SECRET', 'OTP_ENCRYPTION_KEYS'] as const) {
      if (!env[name]) throw new ConfigError(`${name}: required in production`);
    }
  }
  if (Boolean(env.OPS_USER) !== Boolean(env.OPS_PASSWORD)) {
    throw new ConfigError('OPS_USER and OPS_PASSWORD: set both or neither');
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (!trustProxy.ok) throw new ConfigError(trustProxy.message);
  const secrets =
    env.SESSION_SECRET && env.OTP_ENCRYPTION_KEYS
      ? {
          sessionSecret: env.SESSION_SECRET,
          otpEncryptionKeys: env.OTP_ENCRYPTION_KEYS,
        }
      : loadDevelopmentSecrets(dataDir);

  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(
      /\/$/,
      '',
    ),
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    dataDir,
    exportDir: path.resolve(env.EXPORT_DIR ?? path.join(dataDir, 'exports')),
    mailDir: path.join(dataDir, 'mail'),
    exportTtlDays: env.EXPORT_TTL_DAYS,
    sessionSecret: env.SESSION_SECRET ?? secrets.sessionSecret,
    otpEncryptionKeys: env.OTP_ENCRYPTION_KEYS ?? secrets.otpEncryptionKeys,
    bcryptCost: env.BCRYPT_COST,
    trustProxy: trustProxy.setting,
    ops:
      env.OPS_USER && env.OPS_PASSWORD
        ? { user: env.OPS_USER, password: env.OPS_PASSWORD }
        : undefined,
    logLevel: env.LOG_LEVEL,
    planWindowDays: parsePlanWindows(env.PLAN_WINDOW_DAYS),
    auditRetentionGraceDays: env.AUDIT_RETENTION_GRACE_DAYS,
    workerConcurrency: env.WORKER_CONCURRENCY,
    queuePrefix: env.QUEUE_PREFIX,
    google:
      env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
        ? {
            clientId: env.GOOGLE_CLIENT_ID,
            clientSecret: env.GOOGLE_CLIENT_SECRET,
            issuerUrl: env.GOOGLE_ISSUER_URL,
          }
        : undefined,
  };
}

function loadOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The logger is configured from this object, so it cannot report here.
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}

/** The process-wide configuration, read from the environment exactly once. */
export const config: Config = loadOrExit();
