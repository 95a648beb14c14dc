// Loaded by mocha before any suite, so that core/config (read once at
// import) sees the test settings. Tests use the machine's PostgreSQL when
// TEST_DATABASE_URL is set, and the embedded one under .data/test otherwise.
import crypto from 'node:crypto';

// A fixed port per run, so links in test emails point at the test server.
const port = String(20_000 + crypto.randomInt(20_000));

const defaults: Record<string, string> = {
  PORT: port,
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  NODE_ENV: 'test',
  BCRYPT_COST: '4',
  DATA_DIR: '.data/test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  QUEUE_PREFIX: `t${crypto.randomBytes(4).toString('hex')}`,
  SESSION_SECRET: crypto.randomBytes(32).toString('base64url'),
  OTP_ENCRYPTION_KEYS: `k1:${crypto.randomBytes(32).toString('base64')}`,
};
for (const [name, value] of Object.entries(defaults))
  process.env[name] ??= value;
if (process.env.TEST_DATABASE_URL)
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
delete process.env.REDIS_URL;
delete process.env.SMTP_URL;
