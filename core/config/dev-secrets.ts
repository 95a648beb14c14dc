import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

interface DevelopmentSecrets {
  sessionSecret: string;
  otpEncryptionKeys: string;
}

/**
 * Outside production, secrets that were not configured are generated once and
 * kept in the data folder, so restarts keep sessions and OTP secrets readable.
 * The file is created with mode 0600 and lives in the git-ignored data folder.
 */
export function loadDevelopmentSecrets(dataDir: string): DevelopmentSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DevelopmentSecrets;
  }
  const secrets: DevelopmentSecrets = {
    sessionSecret: crypto.randomBytes(32).toString('base64url'),
    otpEncryptionKeys: `k1:${crypto.randomBytes(32).toString('base64')}`,
  };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600, flag: 'wx' });
  return secrets;
}
