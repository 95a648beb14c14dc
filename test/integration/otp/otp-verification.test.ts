import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { attemptOtp } from '../../../core/otp-policy/attempt.js';
import { useDatabase } from '../../support/services.js';
import { createCompany, createMember } from '../../support/factories.js';
import { codeAt, enableOtp, enrol, otpRow } from './otp-fixtures.js';

const fixture = JSON.parse(
  readFileSync(
    new URL('../../fixtures/totp-rfc6238.json', import.meta.url),
    'utf8',
  ),
) as {
  totp: {
    seeds_base32: { SHA1: string };
    vectors: { unix_time: number; SHA1: string }[];
  };
};

describe('OTP verification through the product path', () => {
  before(async () => {
    await useDatabase();
  });

  async function memberWith(secret?: string) {
    const company = await createCompany();
    await enableOtp(company);
    const member = await createMember(company);
    return { member, secret: await enrol(member, secret) };
  }

  describe('with the RFC 6238 SHA-1 seed', () => {
    it('accepts every published vector, as its 6-digit code, at its time', async () => {
      const { member } = await memberWith(
        fixture.totp.seeds_base32.SHA1.replace(/=+$/, ''),
      );
      for (const vector of fixture.totp.vectors) {
        const at = new Date(vector.unix_time * 1000);
        const result = await attemptOtp(member.id, vector.SHA1.slice(-6), at);
        expect(result, `at ${vector.unix_time}`).to.deep.equal({
          ok: true,
          method: 'totp',
        });
      }
    });

    it('keeps the leading zero: 005924 passes where 5924 and its look-alikes fail', async () => {
      const at = new Date(1234567890 * 1000);
      for (const code of ['5924', '0005924', ' 005924', '5924.0', '005924 ']) {
        const { member } = await memberWith(
          fixture.totp.seeds_base32.SHA1.replace(/=+$/, ''),
        );
        const result = await attemptOtp(member.id, code, at);
        expect(result.ok, JSON.stringify(code)).to.equal(false);
        expect(
          (await otpRow(member.id)).otp_failure_count,
          JSON.stringify(code),
        ).to.equal(1);
      }
      const { member } = await memberWith(
        fixture.totp.seeds_base32.SHA1.replace(/=+$/, ''),
      );
      expect((await attemptOtp(member.id, '005924', at)).ok).to.equal(true);
    });
  });

  describe('with a code accepted once', () => {
    it('refuses it again in the same time step', async () => {
      const { member, secret } = await memberWith();
      const at = new Date(1_800_000_000_000);
      const code = await codeAt(secret, at);
      expect((await attemptOtp(member.id, code, at)).ok).to.equal(true);
      expect(
        (await attemptOtp(member.id, code, new Date(at.getTime() + 5_000))).ok,
      ).to.equal(false);
    });

    it('refuses it in the next step, although the tolerance window still covers it', async () => {
      const { member, secret } = await memberWith();
      const at = new Date(1_800_000_010_000);
      const code = await codeAt(secret, at);
      const next = new Date(at.getTime() + 30_000);
      const fresh = await memberWith(secret);
      expect(
        (await attemptOtp(fresh.member.id, code, next)).ok,
        'one step late is tolerated',
      ).to.equal(true);

      expect((await attemptOtp(member.id, code, at)).ok).to.equal(true);
      expect((await attemptOtp(member.id, code, next)).ok).to.equal(false);
    });

    it('refuses an older code once a newer one was accepted', async () => {
      const { member, secret } = await memberWith();
      const at = new Date(1_800_000_020_000);
      const older = await codeAt(secret, new Date(at.getTime() - 30_000));
      expect(
        (await attemptOtp(member.id, await codeAt(secret, at), at)).ok,
      ).to.equal(true);
      expect((await attemptOtp(member.id, older, at)).ok).to.equal(false);
    });
  });

  describe('with parallel submissions of one valid code', () => {
    it('accepts exactly one', async () => {
      const { member, secret } = await memberWith();
      const at = new Date(1_800_000_040_000);
      const code = await codeAt(secret, at);
      const results = await Promise.all(
        Array.from({ length: 8 }, () => attemptOtp(member.id, code, at)),
      );
      expect(results.filter((result) => result.ok)).to.have.length(1);
    });
  });

  describe('with many wrong codes at once', () => {
    it('counts each failure atomically and blocks exactly once, at the tenth', async () => {
      const { member } = await memberWith();
      const at = new Date();
      const results = await Promise.all(
        Array.from({ length: 15 }, () => attemptOtp(member.id, 'nope', at)),
      );
      const justBlocked = results.filter(
        (r) => !r.ok && r.blockedUntil && r.justBlocked,
      );
      expect(justBlocked).to.have.length(1);
      const row = await otpRow(member.id);
      expect(row.otp_failure_count).to.equal(10);
      expect(row.otp_blocked_until).to.not.equal(null);
    });
  });

  describe('with failures spread over more than a day', () => {
    const hours = (base: Date, h: number) =>
      new Date(base.getTime() + h * 3600_000);

    it('blocks at ten failures within any 24 hours, a rolling window', async () => {
      const { member } = await memberWith();
      const start = new Date(Date.now() - 30 * 3600_000);
      await attemptOtp(member.id, 'nope', start);
      for (let i = 0; i < 8; i += 1)
        await attemptOtp(member.id, 'nope', hours(start, 23));
      const ninth = await attemptOtp(member.id, 'nope', hours(start, 25));
      expect(ninth).to.deep.equal({
        ok: false,
        blockedUntil: null,
        failuresLeft: 1,
      });
      const tenth = await attemptOtp(member.id, 'nope', hours(start, 25));
      expect(tenth.ok).to.equal(false);
      expect(!tenth.ok && tenth.blockedUntil).to.deep.equal(hours(start, 49));
    });

    it('forgets failures older than 24 hours', async () => {
      const { member } = await memberWith();
      const start = new Date(Date.now() - 30 * 3600_000);
      for (let i = 0; i < 9; i += 1) await attemptOtp(member.id, 'nope', start);
      const later = await attemptOtp(member.id, 'nope', hours(start, 24.1));
      expect(later).to.deep.equal({
        ok: false,
        blockedUntil: null,
        failuresLeft: 9,
      });
    });
  });
});
