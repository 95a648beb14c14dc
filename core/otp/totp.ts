// The product's TOTP code path (RFC 6238) on top of otplib 13. Every caller,
// and the RFC test vectors, go through these functions so that what we test
// is what members meet at sign-in.
import { generate, generateSecret, verify, type HashAlgorithm } from 'otplib';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** Parameters shared by code generation and verification. */
export interface TotpOptions {
  /** Digits per code. Default 6, what authenticator apps show. */
  digits?: 6 | 7 | 8;
  /** HMAC hash. Default 'SHA1', the only one every app supports. */
  algorithm?: TotpAlgorithm;
  /** Seconds per time step. Default 30. */
  stepSeconds?: number;
  /** Unix time (seconds) at which step 0 begins. Default 0. */
  t0?: number;
  /** Unix time (seconds) to evaluate at. Default: the current time. */
  epochSeconds?: number;
}

/** Verification parameters on top of {@link TotpOptions}. */
export interface TotpVerifyOptions extends TotpOptions {
  /** Steps accepted on each side of the current one. Default 1. */
  toleranceSteps?: number;
  /**
   * The last time step accepted for this member: any step <= it is refused,
   * so a code cannot be replayed (RFC 6238 section 5.2). Default: none.
   */
  afterTimeStep?: number;
}

export type TotpVerifyResult =
  | {
      valid: true;
      /** The matched time step; store it and pass it as afterTimeStep. */
      timeStep: number;
      /** Matched step minus current step: -1 means one step late. */
      delta: number;
    }
  | { valid: false; reason: 'malformed' | 'mismatch' };

/** 20 random bytes: the 160 bits RFC 4226 section 4 recommends. */
const SECRET_BYTES = 20;

/** Generates a new member secret: 160 CSPRNG bits, base32 without padding. */
export function generateTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/**
 * Builds the otpauth:// URI shown as a QR code at enrolment. Issuer and
 * account are percent-encoded separately, so a colon or space inside either
 * cannot move the issuer/account boundary of the label.
 *
 * @throws {TypeError} when issuer or account is empty or not valid Unicode.
 */
export function buildTotpUri(
  input: { issuer: string; accountName: string; secret: string },
  options: Pick<TotpOptions, 'digits' | 'algorithm' | 'stepSeconds'> = {},
): string {
  const issuer = encodeUriPart('issuer', input.issuer);
  const account = encodeUriPart('accountName', input.accountName);
  const secret = encodeUriPart('secret', input.secret);
  const params = [
    `secret=${secret}`,
    `issuer=${issuer}`,
    `algorithm=${options.algorithm ?? 'SHA1'}`,
    `digits=${options.digits ?? 6}`,
    `period=${options.stepSeconds ?? 30}`,
  ];
  return `otpauth://totp/${issuer}:${account}?${params.join('&')}`;
}

/**
 * Computes the code for a base32 secret at options.epochSeconds (default
 * now). Used by tests and tooling that act as the member's authenticator.
 */
export async function generateTotpCode(
  secret: string,
  options: TotpOptions = {},
): Promise<string> {
  return generate({ secret, ...toLibraryOptions(options) });
}

/**
 * Checks a code a member submitted against their base32 secret. A code that
 * is not exactly `digits` ASCII digits is reported as malformed and never
 * throws, so the caller counts it as a failed attempt like a wrong code.
 *
 * For replay protection the caller passes the member's stored last step as
 * afterTimeStep and, on success, stores timeStep with a conditional update
 * (only where the stored step is still lower), so that two requests racing
 * with the same code cannot both succeed.
 *
 * @throws {RangeError} when toleranceSteps or afterTimeStep is not a
 *   non-negative integer (a caller bug, not user input).
 * @throws otplib errors when the stored secret itself is unusable.
 */
export async function verifyTotpCode(
  secret: string,
  code: unknown,
  options: TotpVerifyOptions = {},
): Promise<TotpVerifyResult> {
  const { toleranceSteps = 1, afterTimeStep, ...rest } = options;
  requireStepCount('toleranceSteps', toleranceSteps);
  if (afterTimeStep !== undefined) {
    requireStepCount('afterTimeStep', afterTimeStep);
  }

  const lib = toLibraryOptions(rest);
  if (!isWellFormedCode(code, lib.digits)) {
    return { valid: false, reason: 'malformed' };
  }

  // otplib throws when afterTimeStep lies beyond the window (for example the
  // server clock stepped back); no step could be accepted, so answer plainly.
  const currentStep = Math.floor((lib.epoch - lib.t0) / lib.period);
  const lastStep = currentStep + toleranceSteps;
  if (afterTimeStep !== undefined && afterTimeStep >= lastStep) {
    return { valid: false, reason: 'mismatch' };
  }

  const result = await verify({
    secret,
    token: code,
    ...lib,
    // otplib takes the window in seconds; whole steps keep it symmetric.
    epochTolerance: toleranceSteps * lib.period,
    afterTimeStep,
  });
  if (!result.valid) return { valid: false, reason: 'mismatch' };
  // The TOTP strategy always reports timeStep; the union also covers HOTP.
  if (!('timeStep' in result)) throw new Error('otplib omitted timeStep');
  return { valid: true, timeStep: result.timeStep, delta: result.delta };
}

/** True when code is exactly `digits` ASCII digits: `005924`, not `5924`. */
function isWellFormedCode(code: unknown, digits: number): code is string {
  // [0-9] rather than \d keeps the intent explicit: no Unicode digits.
  return (
    typeof code === 'string' && code.length === digits && /^[0-9]+$/.test(code)
  );
}

function toLibraryOptions(options: TotpOptions) {
  const digits = options.digits ?? 6;
  // RFC 4226 allows 6 to 8; fewer would make guessing far cheaper.
  if (![6, 7, 8].includes(digits)) {
    throw new RangeError('digits must be 6, 7 or 8');
  }
  return {
    digits,
    algorithm: toHashAlgorithm(options.algorithm ?? 'SHA1'),
    period: options.stepSeconds ?? 30,
    t0: options.t0 ?? 0,
    epoch: options.epochSeconds ?? Math.floor(Date.now() / 1000),
  };
}

function toHashAlgorithm(algorithm: TotpAlgorithm): HashAlgorithm {
  switch (algorithm) {
    case 'SHA1':
      return 'sha1';
    case 'SHA256':
      return 'sha256';
    case 'SHA512':
      return 'sha512';
    default:
      // otplib would silently fall back to SHA1 for an unknown name.
      throw new RangeError(`unsupported TOTP algorithm: ${String(algorithm)}`);
  }
}

function requireStepCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer`);
  }
}

function encodeUriPart(name: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new TypeError(`${name} must not be empty`);
  try {
    return encodeURIComponent(trimmed);
  } catch {
    // encodeURIComponent refuses lone surrogates (broken UTF-16 input).
    throw new TypeError(`${name} is not well-formed Unicode text`);
  }
}
