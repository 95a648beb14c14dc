import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { database, Member, type Company } from '../../../db/index.js';
import { sealOtpSecret } from '../../../core/otp-policy/keyring.js';
import {
  generateTotpCode,
  generateTotpSecret,
} from '../../../core/otp/totp.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import type { HttpClient } from '../../support/http-client.js';

/** Turns the company's OTP switch on, with optional extra settings. */
export async function enableOtp(
  company: Company,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await company.update({ otpSettings: { enabled: true, ...extra } });
}

/** Enrols a member directly, as if they had scanned the QR code; returns the secret. */
export async function enrol(
  member: Member,
  secret = generateTotpSecret(),
): Promise<string> {
  await Member.update(
    {
      otpSecretEncrypted: sealOtpSecret(member.id, secret),
      otpEnrolledAt: new Date(),
      otpLastTimeStep: null,
    },
    { where: { id: member.id } },
  );
  return secret;
}

/** A new company with OTP on and one enrolled member, with their secret. */
export async function enrolledMember() {
  const company = await createCompany();
  await enableOtp(company);
  const member = await createMember(company);
  const secret = await enrol(member);
  return { company, member, secret };
}

/** The code an authenticator app shows at `at` (default now). */
export function codeAt(secret: string, at = new Date()): Promise<string> {
  return generateTotpCode(secret, {
    epochSeconds: Math.floor(at.getTime() / 1000),
  });
}

/** A code for the same secret that is certainly wrong now. */
export async function wrongCode(secret: string): Promise<string> {
  const right = await codeAt(secret);
  const neighbours = await Promise.all(
    [-90, 90, 120].map((s) => codeAt(secret, new Date(Date.now() + s * 1000))),
  );
  for (let n = 0; ; n += 1) {
    const candidate = String(
      (Number(right) + 500_000 + n) % 1_000_000,
    ).padStart(6, '0');
    if (!neighbours.includes(candidate)) return candidate;
  }
}

/** Signs in with the password and checks the session waits at the OTP step. */
export async function signInToOtpStep(
  client: HttpClient,
  member: Member,
): Promise<void> {
  const response = await client.signIn(member.email, defaultPassword);
  expect(response.status).to.equal(303);
  const otpPage = await client.page('/sign-in/otp');
  expect(otpPage.status, 'the OTP page').to.equal(200);
}

/** The member's OTP columns as stored. */
export async function otpRow(memberId: string) {
  const [row] = await database().query<{
    otp_secret_encrypted: string | null;
    otp_enrolled_at: Date | null;
    otp_failure_count: number;
    otp_blocked_until: Date | null;
    otp_last_time_step: string | null;
  }>(
    `SELECT otp_secret_encrypted, otp_enrolled_at, otp_failure_count,
       otp_blocked_until, otp_last_time_step FROM members WHERE id = $1`,
    { bind: [memberId], type: QueryTypes.SELECT },
  );
  if (!row) throw new Error('member not found');
  return row;
}

/** The newest audit events about a member, newest first. */
export async function auditEventsOf(
  memberId: string,
  informationType?: string,
) {
  return database().query<{
    outcome: string;
    details: Record<string, unknown>;
    information_type: string;
    actor_id: string;
  }>(
    `SELECT outcome, details, information_type, actor_id FROM audit_events
     WHERE target_member_id = $1 AND ($2::text IS NULL OR information_type = $2)
     ORDER BY occurred_at DESC, chain_seq DESC`,
    { bind: [memberId, informationType ?? null], type: QueryTypes.SELECT },
  );
}
