import { expect } from 'chai';
import {
  buildTotpUri,
  generateTotpCode,
  generateTotpSecret,
  verifyTotpCode,
} from '../../../core/otp/totp.js';

const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('generateTotpSecret', () => {
  it('returns 32 base32 characters, which carry 160 bits', () => {
    expect(generateTotpSecret()).to.match(/^[A-Z2-7]{32}$/);
  });

  it('returns a different secret on every call', () => {
    const secrets = new Set(
      Array.from({ length: 50 }, () => generateTotpSecret()),
    );

    expect(secrets.size).to.equal(50);
  });

  it('returns a secret the verifier accepts codes for', async () => {
    const fresh = generateTotpSecret();
    const code = await generateTotpCode(fresh, { epochSeconds: 1e9 });

    const result = await verifyTotpCode(fresh, code, { epochSeconds: 1e9 });

    expect(result.valid).to.equal(true);
  });
});

describe('buildTotpUri', () => {
  describe('with plain names', () => {
    it('names issuer and account in the label and the issuer parameter', () => {
      const uri = buildTotpUri({
        issuer: 'Acme',
        accountName: 'kim@acme.test',
        secret,
      });

      expect(uri).to.equal(
        'otpauth://totp/Acme:kim%40acme.test' +
          `?secret=${secret}&issuer=Acme&algorithm=SHA1&digits=6&period=30`,
      );
    });
  });

  describe('with characters that need encoding', () => {
    const uri = buildTotpUri({
      issuer: 'Acme: HR & Pay',
      accountName: 'kim+otp@acme.test',
      secret,
    });
    const url = new URL(uri);

    it('percent-encodes spaces as %20 and a colon inside the issuer', () => {
      expect(url.pathname).to.equal(
        '/Acme%3A%20HR%20%26%20Pay:kim%2Botp%40acme.test',
      );
    });

    it('keeps exactly one literal colon, between issuer and account', () => {
      const label = url.pathname.slice(1).split(':').map(decodeURIComponent);

      expect(label).to.deep.equal(['Acme: HR & Pay', 'kim+otp@acme.test']);
    });

    it('lets a URI parser read back issuer and secret unchanged', () => {
      expect(url.protocol).to.equal('otpauth:');
      expect(url.host).to.equal('totp');
      expect(url.searchParams.get('issuer')).to.equal('Acme: HR & Pay');
      expect(url.searchParams.get('secret')).to.equal(secret);
    });
  });

  describe('with a non-ASCII company name', () => {
    it('encodes it as UTF-8 percent escapes', () => {
      const uri = buildTotpUri({
        issuer: '株式会社',
        accountName: 'kim@acme.test',
        secret,
      });

      expect(uri).to.match(/^otpauth:\/\/totp\/%E6%A0%AA%E5%BC%8F/);
      expect(new URL(uri).searchParams.get('issuer')).to.equal('株式会社');
    });
  });

  describe('with non-default parameters', () => {
    it('states algorithm, digits and period', () => {
      const uri = buildTotpUri(
        { issuer: 'Acme', accountName: 'kim@acme.test', secret },
        { algorithm: 'SHA256', digits: 8, stepSeconds: 60 },
      );

      expect(uri).to.match(/&algorithm=SHA256&digits=8&period=60$/);
    });
  });

  describe('with unusable names', () => {
    it('throws a TypeError for a blank issuer', () => {
      const build = () =>
        buildTotpUri({ issuer: '  ', accountName: 'kim@acme.test', secret });

      expect(build).to.throw(TypeError, 'issuer must not be empty');
    });

    it('throws a TypeError for broken UTF-16 in the account', () => {
      const build = () =>
        buildTotpUri({ issuer: 'Acme', accountName: 'kim\ud800', secret });

      expect(build).to.throw(TypeError, 'accountName is not well-formed');
    });
  });
});
