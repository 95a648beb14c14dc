import { expect } from 'chai';
import { generateTotpCode, verifyTotpCode } from '../../../core/otp/totp.js';
import { rfcVectors } from './rfc-vectors.js';

// RFC 6238's SHA1 seed with the product defaults (6 digits, SHA1, 30 s):
// at 1234567890 the code is 005924, in time step 41152263.
const secret = rfcVectors.totp.seeds_base32.SHA1;
const { code, unix_time: time } = rfcVectors.six_digit_example;
const step = Math.floor(time / 30);
const inStep = (n: number) => n * 30 + 7;

describe('verifyTotpCode', () => {
  describe('when the code keeps its leading zeros', () => {
    it('accepts 005924 and reports the time step it matched', async () => {
      const result = await verifyTotpCode(secret, code, { epochSeconds: time });

      expect(result).to.deep.equal({ valid: true, timeStep: step, delta: 0 });
    });
  });

  describe('when the code is malformed', () => {
    const malformed: Array<[string, unknown]> = [
      ['a code without its leading zeros', '5924'],
      ['a code with an extra leading zero', '0005924'],
      ['a code with a leading space', ' 005924'],
      ['a code with a trailing space', '005924 '],
      ['a code with a trailing newline', '005924\n'],
      ['a code written as a decimal', '5924.0'],
      ['a code with a sign', '+05924'],
      ['a code in hexadecimal', '0x5924'],
      ['an empty string', ''],
      ['a code in Arabic-Indic digits', '٠٠٥٩٢٤'],
      ['a code in full-width digits', '００５９２４'],
      ['a number instead of text', 5924],
      ['null', null],
      ['undefined', undefined],
      ['an array holding the code', ['005924']],
      ['an object holding the code', { code: '005924' }],
    ];

    for (const [label, input] of malformed) {
      it(`answers invalid, without throwing, for ${label}`, async () => {
        const result = await verifyTotpCode(secret, input, {
          epochSeconds: time,
        });

        expect(result).to.deep.equal({ valid: false, reason: 'malformed' });
      });
    }

    it('counts six digits as malformed when eight are expected', async () => {
      const result = await verifyTotpCode(secret, code, {
        digits: 8,
        epochSeconds: time,
      });

      expect(result).to.deep.equal({ valid: false, reason: 'malformed' });
    });
  });

  describe('when the code is well formed but wrong', () => {
    it('answers invalid as a mismatch', async () => {
      const result = await verifyTotpCode(secret, '005925', {
        epochSeconds: time,
      });

      expect(result).to.deep.equal({ valid: false, reason: 'mismatch' });
    });

    it('does not accept the code of another secret', async () => {
      const other = rfcVectors.totp.seeds_base32.SHA256;
      const otherCode = await generateTotpCode(other, { epochSeconds: time });
      expect(otherCode).not.to.equal(code);

      const result = await verifyTotpCode(secret, otherCode, {
        epochSeconds: time,
      });

      expect(result).to.deep.equal({ valid: false, reason: 'mismatch' });
    });
  });

  describe('the tolerance window (one step each side by default)', () => {
    it('accepts the code one step late, reporting delta -1', async () => {
      const result = await verifyTotpCode(secret, code, {
        epochSeconds: inStep(step + 1),
      });

      expect(result).to.deep.equal({ valid: true, timeStep: step, delta: -1 });
    });

    it('accepts the code one step early, reporting delta +1', async () => {
      const result = await verifyTotpCode(secret, code, {
        epochSeconds: inStep(step - 1),
      });

      expect(result).to.deep.equal({ valid: true, timeStep: step, delta: 1 });
    });

    it('refuses the code two steps late', async () => {
      const result = await verifyTotpCode(secret, code, {
        epochSeconds: inStep(step + 2),
      });

      expect(result).to.deep.equal({ valid: false, reason: 'mismatch' });
    });

    it('refuses the code two steps early', async () => {
      const result = await verifyTotpCode(secret, code, {
        epochSeconds: inStep(step - 2),
      });

      expect(result).to.deep.equal({ valid: false, reason: 'mismatch' });
    });

    it('refuses the code one step late when the tolerance is 0', async () => {
      const result = await verifyTotpCode(secret, code, {
        epochSeconds: inStep(step + 1),
        toleranceSteps: 0,
      });

      expect(result.valid).to.equal(false);
    });

    it('throws a RangeError for a negative tolerance', async () => {
      const attempt = verifyTotpCode(secret, code, { toleranceSteps: -1 });

      await expectRejection(attempt, RangeError);
    });
  });

  describe('replay protection through afterTimeStep', () => {
    it('refuses the accepted code again within the same step', async () => {
      const first = await verifyTotpCode(secret, code, { epochSeconds: time });
      if (!first.valid) expect.fail('the first use must be accepted');

      const replay = await verifyTotpCode(secret, code, {
        epochSeconds: time + 5,
        afterTimeStep: first.timeStep,
      });

      expect(replay).to.deep.equal({ valid: false, reason: 'mismatch' });
    });

    it('refuses the accepted code in the next step of the window', async () => {
      const first = await verifyTotpCode(secret, code, { epochSeconds: time });
      if (!first.valid) expect.fail('the first use must be accepted');

      const replay = await verifyTotpCode(secret, code, {
        epochSeconds: inStep(step + 1),
        afterTimeStep: first.timeStep,
      });

      expect(replay).to.deep.equal({ valid: false, reason: 'mismatch' });
    });

    it('accepts the next step’s code after the stored step', async () => {
      const next = await generateTotpCode(secret, {
        epochSeconds: inStep(step + 1),
      });

      const result = await verifyTotpCode(secret, next, {
        epochSeconds: inStep(step + 1),
        afterTimeStep: step,
      });

      expect(result).to.deep.equal({
        valid: true,
        timeStep: step + 1,
        delta: 0,
      });
    });

    it('answers invalid when the stored step is past the window', async () => {
      // otplib itself throws here; the product must not turn it into a 500.
      const result = await verifyTotpCode(secret, code, {
        epochSeconds: time,
        afterTimeStep: step + 5,
      });

      expect(result).to.deep.equal({ valid: false, reason: 'mismatch' });
    });

    it('throws a RangeError for a fractional stored step', async () => {
      const attempt = verifyTotpCode(secret, code, {
        epochSeconds: time,
        afterTimeStep: step - 0.5,
      });

      await expectRejection(attempt, RangeError);
    });
  });
});

async function expectRejection(
  promise: Promise<unknown>,
  type: new (...args: never[]) => Error,
): Promise<void> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).to.be.instanceOf(type);
}
