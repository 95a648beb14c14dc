import {
  Company,
  database,
  Member,
  type SessionStage,
} from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import { readLoginSettings } from '../auth/login-settings.js';
import { createSession } from '../auth/sessions.js';
import { ipRefusalMessage } from '../ip-policy/ip-access.js';
import { recordIpRefusal } from '../ip-policy/record-refusal.js';
import type { GoogleIdentity } from './google-client.js';
import { findMember, refusal } from './google-member.js';
import { otpStageFor } from './sign-in-rule.js';
import { readOtpSettings } from './settings.js';

/** The one answer a Google account that matches no member gets. */
export const googleNoMatchMessage =
  'This Google account is not linked to a Gatehouse member. Sign in with your email address and password.';

export type GoogleSignInResult =
  | { ok: true; token: string; stage: SessionStage }
  | { ok: false; message: string };

// Google sign-in skips OTP unless the company asks for it, and even then
// not when Google reports it already used multi-factor authentication.
async function stageFor(
  member: Member,
  company: Company,
  identity: GoogleIdentity,
  context: RequestContext,
) {
  const settings = readOtpSettings(company.otpSettings);
  if (!settings.enabled) return { stage: 'active' as const, details: {} };
  if (!settings.requireAfterGoogle) {
    return {
      stage: 'active' as const,
      details: { otpSkipped: true, otpSkipReason: 'google sign-in' },
    };
  }
  if (identity.amr.includes('mfa')) {
    return {
      stage: 'active' as const,
      details: { otpSkipped: true, otpSkipReason: 'google reported mfa' },
    };
  }
  const otp = await otpStageFor(member, company, context);
  return 'stage' in otp
    ? otp
    : { stage: 'active' as const, details: otp.skipped };
}

/**
 * Signs in the member a verified Google identity belongs to, with an audit
 * event saying how and whether OTP was skipped.
 */
export async function signInWithGoogle(
  identity: GoogleIdentity,
  context: RequestContext,
): Promise<GoogleSignInResult> {
  const member = await findMember(identity);
  const company = member && (await Company.findByPk(member.companyId));
  if (!member || !company) return { ok: false, message: googleNoMatchMessage };
  const settings = readLoginSettings(company.loginSettings);
  const refused = await refusal(member, company, context);
  if (refused === 'ip not allowed') {
    await recordIpRefusal({ member, kind: 'sign_in', context });
    return { ok: false, message: ipRefusalMessage(context.ip) };
  }
  const decision = refused
    ? null
    : await stageFor(member, company, identity, context);

  return database().transaction(async (transaction) => {
    const actor = {
      id: member.id,
      name: member.name,
      organizationId: member.organizationId,
    };
    const event = {
      companyId: member.companyId,
      actor,
      activityType: 'login' as const,
      event: 'create' as const,
      informationType: 'authentication_token' as const,
      target: { id: member.id, name: member.name },
      context,
    };
    if (!decision) {
      await recordAudit(
        {
          ...event,
          outcome: 'failure',
          details: { method: 'google', reason: refused },
        },
        transaction,
      );
      return { ok: false, message: googleNoMatchMessage } as const;
    }
    const { token } = await createSession(
      {
        member,
        stage: decision.stage,
        method: 'google',
        context,
        lifetimeHours: settings.absoluteLifetimeHours,
      },
      transaction,
    );
    await recordAudit(
      {
        ...event,
        outcome: 'success',
        details: {
          method: 'google',
          stage: decision.stage,
          amr: identity.amr,
          ...decision.details,
        },
      },
      transaction,
    );
    return { ok: true, token, stage: decision.stage } as const;
  });
}
