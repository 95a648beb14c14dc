import crypto from 'node:crypto';
import type { Transaction } from 'sequelize';
import {
  Company,
  database,
  Member,
  type SessionStage,
} from '../../db/index.js';
import { ownLoginEvent } from '../audit/own-login-event.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { config } from '../config/index.js';
import { logger } from '../logger.js';
import { recordSignInFailure } from '../login/lockout.js';
import { passwordGate } from '../login/sign-in-gate.js';
import {
  releaseAttemptSlot,
  releaseSlotIfStillOpen,
  takeAttemptSlot,
  type AttemptSlot,
} from '../login/attempt-slot.js';
import { dummyVerify, verifyPassword } from '../password/password-hash.js';
import { readLoginSettings } from './login-settings.js';
import { createSession } from './sessions.js';
import { stageAfterPassword } from './sign-in-stage.js';
import { checkIpAccess, ipRefusalMessage } from '../ip-policy/ip-access.js';
import { recordIpRefusal } from '../ip-policy/record-refusal.js';

/** The one answer every wrong email or password gets, so neither is revealed. */
export const invalidCredentialsMessage =
  'The email address or password is incorrect. After too many failed attempts an account is locked: reset the password with the link below to unlock it.';

export type SignInResult =
  | { ok: true; token: string; member: Member; stage: SessionStage }
  | { ok: false; message: string };

function auditSignIn(
  member: Member,
  context: RequestContext,
  outcome: 'success' | 'failure',
  details: Record<string, unknown>,
  transaction?: Transaction,
) {
  return recordAudit(
    ownLoginEvent(member, context, outcome, { method: 'password', ...details }),
    transaction,
  );
}

// Counts a failed sign-in (which may lock the account) with its audit
// event, and gives back the attempt slot, all in one transaction.
async function countFailure(
  member: Member,
  context: RequestContext,
  reason: string,
  slot: AttemptSlot,
): Promise<void> {
  const outcome = await database().transaction(async (transaction) => {
    const counted = await recordSignInFailure(member, transaction);
    await releaseAttemptSlot(slot, transaction);
    const details = { reason, failedSignIns: counted.failedCount };
    await auditSignIn(member, context, 'failure', details, transaction);
    return counted;
  });
  await outcome.afterCommit();
}

/**
 * Checks an email and password and, when they match a member who may sign
 * in, starts a session. Unknown emails spend the same bcrypt time as known
 * ones and get the same answer.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  context: RequestContext,
): Promise<SignInResult> {
  const member = await Member.scope('withSecrets').findOne({
    where: { email: email.trim().toLowerCase() },
  });
  if (!member || !member.passwordHash) {
    await dummyVerify(config.bcryptCost);
    // No company to file it under: the audit log is per company.
    logger.info(
      {
        emailHash: crypto
          .createHash('sha256')
          .update(email.toLowerCase())
          .digest('hex')
          .slice(0, 16),
        ip: context.ip,
      },
      'sign-in for an unknown email',
    );
    return { ok: false, message: invalidCredentialsMessage };
  }

  const slot = await takeAttemptSlot(member);
  if (!slot.taken) {
    // No password check: the answer is the same whatever was typed.
    await dummyVerify(config.bcryptCost);
    await countFailure(member, context, slot.reason, slot);
    return { ok: false, message: invalidCredentialsMessage };
  }
  const matches = await verifyPassword(password, member.passwordHash);
  if (!matches) {
    await countFailure(member, context, 'wrong password', slot);
    return { ok: false, message: invalidCredentialsMessage };
  }
  if (!(await releaseSlotIfStillOpen(member, slot))) {
    await auditSignIn(member, context, 'failure', { reason: 'account locked' });
    return { ok: false, message: invalidCredentialsMessage };
  }

  const company = await Company.findByPk(member.companyId);
  if (!company) return { ok: false, message: invalidCredentialsMessage };
  const settings = readLoginSettings(company.loginSettings);
  if (member.employmentStatus === 'terminated') {
    await auditSignIn(member, context, 'failure', { reason: 'terminated' });
    return { ok: false, message: invalidCredentialsMessage };
  }
  if (member.employmentStatus === 'on_leave' && !settings.allowOnLeaveSignIn) {
    await auditSignIn(member, context, 'failure', { reason: 'on leave' });
    return {
      ok: false,
      message:
        'Members on leave of absence cannot sign in. Ask your company administrator if you need access.',
    };
  }

  const gate = await passwordGate(member, company, password);
  if (!gate.ok) {
    await auditSignIn(member, context, 'failure', { reason: gate.reason });
    return { ok: false, message: gate.message };
  }

  // After the password, so the answer reveals nothing about unknown emails.
  if (!(await checkIpAccess(member, company, context.ip, 'sign_in'))) {
    await recordIpRefusal({ member, kind: 'sign_in', context });
    return { ok: false, message: ipRefusalMessage(context.ip) };
  }

  const decision = await stageAfterPassword(member, company, context);
  const { token } = await database().transaction(async (transaction) => {
    const created = await createSession(
      {
        member,
        stage: decision.stage,
        method: 'password',
        context,
        lifetimeHours: settings.absoluteLifetimeHours,
      },
      transaction,
    );
    await auditSignIn(
      member,
      context,
      'success',
      { stage: decision.stage, ...decision.details },
      transaction,
    );
    return created;
  });
  return { ok: true, token, member, stage: decision.stage };
}
