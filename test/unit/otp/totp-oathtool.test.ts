// Cross-checks the product's codes against oathtool (OATH Toolkit), an
// implementation that shares no code with otplib. Debian: apt-get install
// oathtool. OATHTOOL may name another binary.
import { spawnSync } from 'node:child_process';
import { expect } from 'chai';
import {
  generateTotpCode,
  generateTotpSecret,
  verifyTotpCode,
  type TotpOptions,
} from '../../../core/otp/totp.js';
import { ALGORITHMS } from './rfc-vectors.js';

const OATHTOOL = process.env.OATHTOOL ?? 'oathtool';

/** A fixed set of instants plus the moment the suite runs. */
const TIMES = [
  59,
  1111111109,
  1234567890,
  2000000000,
  20000000000,
  Math.floor(Date.now() / 1000),
];

describe('TOTP codes cross-checked with oathtool', function () {
  before(function () {
    if (isInstalled()) return;
    // On CI a missing tool must fail, or the cross-check would silently stop.
    if (process.env.CI) {
      throw new Error(`${OATHTOOL} is missing; CI must install oathtool`);
    }
    console.log(`${OATHTOOL} is missing: skipping the oathtool cross-check`);
    this.skip();
  });

  for (const algorithm of ALGORITHMS) {
    describe(`with ${algorithm} and fresh secrets`, () => {
      it('generates the code oathtool computes, at every instant', async () => {
        for (const options of cases(algorithm)) {
          const secret = generateTotpSecret();

          const ours = await generateTotpCode(secret, options);

          expect(ours, describeCase(options)).to.equal(
            oathtool(secret, options),
          );
        }
      });

      it('accepts the code oathtool computes, in the same step', async () => {
        for (const options of cases(algorithm)) {
          const secret = generateTotpSecret();
          const theirs = oathtool(secret, options);

          const result = await verifyTotpCode(secret, theirs, {
            ...options,
            toleranceSteps: 0,
          });

          const epoch = options.epochSeconds ?? 0;
          const step = Math.floor(epoch / (options.stepSeconds ?? 30));
          expect(result, describeCase(options)).to.deep.equal({
            valid: true,
            timeStep: step,
            delta: 0,
          });
        }
      });
    });
  }
});

/** Every instant, with the product defaults and with 8 digits / 60 s. */
function cases(algorithm: TotpOptions['algorithm']): TotpOptions[] {
  return TIMES.flatMap((epochSeconds) => [
    { algorithm, epochSeconds },
    { algorithm, epochSeconds, digits: 8, stepSeconds: 60 },
  ]);
}

function describeCase(options: TotpOptions): string {
  return JSON.stringify(options);
}

function isInstalled(): boolean {
  const probe = spawnSync(OATHTOOL, ['--version'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

/** Runs oathtool, passing the secret on stdin rather than in argv. */
function oathtool(secret: string, options: TotpOptions): string {
  const args = [
    `--totp=${options.algorithm ?? 'SHA1'}`,
    '--base32',
    `--digits=${options.digits ?? 6}`,
    `--time-step-size=${options.stepSeconds ?? 30}s`,
    `--now=@${options.epochSeconds}`,
    '-',
  ];
  const run = spawnSync(OATHTOOL, args, { input: secret, encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`oathtool failed: ${run.stderr || String(run.error)}`);
  }
  return run.stdout.trim();
}
