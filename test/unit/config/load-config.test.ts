import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../core/config/index.js';

const valid = {
  SESSION_SECRET: 'x'.repeat(40),
  OTP_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  DATA_DIR: '.data/test',
};

describe('loadConfig', () => {
  describe('with nothing set', () => {
    it('chooses the embedded defaults', () => {
      const config = loadConfig(valid);
      expect(config.databaseUrl).to.equal(undefined);
      expect(config.redisUrl).to.equal(undefined);
      expect(config.smtpUrl).to.equal(undefined);
      expect(config.bcryptCost).to.equal(12);
      expect(config.planWindowDays.core_hr).to.equal(7);
      expect(config.trustProxy).to.equal(false);
    });
  });

  describe('with a bad value', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'eighty' }, 'PORT'],
      [{ BCRYPT_COST: '3' }, 'BCRYPT_COST'],
      [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL'],
      [{ REDIS_URL: 'http://cache' }, 'REDIS_URL'],
      [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
      [{ PLAN_WINDOW_DAYS: 'core_hr:seven' }, 'PLAN_WINDOW_DAYS'],
      [{ OPS_USER: 'ops' }, 'OPS_USER'],
      [{ NODE_ENV: 'production', SESSION_SECRET: '' }, 'SESSION_SECRET'],
    ];
    for (const [env, name] of cases) {
      it(`stops with a message naming ${name}`, () => {
        expect(() => loadConfig({ ...valid, ...env })).to.throw(
          ConfigError,
          name,
        );
      });
    }
  });

  describe('in production', () => {
    it('requires the session secret and the OTP keys', () => {
      expect(() =>
        loadConfig({ NODE_ENV: 'production', DATA_DIR: '.data/test' }),
      ).to.throw(ConfigError, /SESSION_SECRET|OTP_ENCRYPTION_KEYS/);
    });
  });
});
