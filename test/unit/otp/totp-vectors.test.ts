import { expect } from 'chai';
import { generateTotpCode, verifyTotpCode } from '../../../core/otp/totp.js';
import { ALGORITHMS, rfcVectors, toBase32 } from './rfc-vectors.js';

const { totp, hotp } = rfcVectors;

describe('the TOTP code path against the published vectors', () => {
  describe('the fixture', () => {
    for (const algorithm of ALGORITHMS) {
      it(`holds the base32 form of the ${algorithm} ASCII seed`, () => {
        expect(toBase32(totp.seeds_ascii[algorithm])).to.equal(
          totp.seeds_base32[algorithm],
        );
      });
    }
  });

  describe('RFC 6238 appendix B (8 digits, 30 s steps, T0 = 0)', () => {
    for (const algorithm of ALGORITHMS) {
      for (const vector of totp.vectors) {
        const code = vector[algorithm];
        const time = vector.unix_time;
        const options = {
          algorithm,
          digits: totp.digits,
          stepSeconds: totp.step_seconds,
          t0: totp.t0,
          epochSeconds: time,
        };

        it(`accepts ${algorithm} code ${code} at ${time}`, async () => {
          const secret = totp.seeds_base32[algorithm];

          const result = await verifyTotpCode(secret, code, {
            ...options,
            toleranceSteps: 0,
          });

          expect(result).to.deep.equal({
            valid: true,
            timeStep: Math.floor(time / totp.step_seconds),
            delta: 0,
          });
          expect(await generateTotpCode(secret, options)).to.equal(code);
        });
      }
    }
  });

  describe('RFC 4226 appendix D (HOTP, 6 digits, SHA1)', () => {
    // TOTP is HOTP with counter = floor((time - T0) / step), so evaluating
    // at counter x step seconds makes the product path compute HOTP(counter).
    const secret = toBase32(hotp.secret_ascii);

    hotp.codes_by_counter.forEach((code, counter) => {
      it(`accepts ${code} as the code for counter ${counter}`, async () => {
        const result = await verifyTotpCode(secret, code, {
          digits: hotp.digits,
          epochSeconds: counter * 30,
          toleranceSteps: 0,
        });

        expect(result).to.deep.equal({
          valid: true,
          timeStep: counter,
          delta: 0,
        });
      });
    });
  });
});
