import type { Transaction } from 'sequelize';
import type { Company, Member } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { readLoginSettings } from '../auth/login-settings.js';
import { revokeMemberSessions } from '../auth/sessions.js';
import { config } from '../config/index.js';
import { validationError } from '../errors.js';
import { hashPassword, verifyPassword } from '../password/password-hash.js';
import { checkPassword } from '../password/password-rules.js';
import { releaseLock } from './lock-release.js';

/** How the new password came about, for the audit event. */
export type PasswordChangeVia = 'reset' | 'change' | 'forced change';

/**
 * Refuses a password that breaks the company's rules or equals the current
 * one, naming every failed rule under the `password` field.
 */
export async function assertAcceptablePassword(
  member: Member,
  company: Company,
  password: string,
): Promise<void> {
  const rules = readLoginSettings(company.loginSettings).passwordRules;
  const failures = checkPassword(password, rules, { email: member.email });
  if (failures.length > 0) {
    throw validationError({
      password: failures.map((failure) => failure.message).join(' '),
    });
  }
  // After a temporary password, the current hash is empty: the one the
  // member signed in with is kept aside so it cannot become permanent.
  const current = member.passwordHash ?? member.usedTemporaryPasswordHash;
  if (current && (await verifyPassword(password, current))) {
    throw validationError({
      password: 'The new password must be different from the current one.',
    });
  }
}

/**
 * Sets a member's new password, the one path every password change takes:
 * checks the rules, clears a temporary password and the must-change flag,
 * releases a lock, ends the member's other sessions and records it all.
 * `member` must be loaded with its secrets (scope withSecrets).
 */
export async function setMemberPassword(
  input: {
    member: Member;
    company: Company;
    password: string;
    via: PasswordChangeVia;
    context: RequestContext;
    keepSessionId?: string;
  },
  transaction: Transaction,
): Promise<void> {
  const { member, company, password } = input;
  await assertAcceptablePassword(member, company, password);
  await member.update(
    {
      passwordHash: await hashPassword(password, config.bcryptCost),
      passwordChangedAt: new Date(),
      mustChangePassword: false,
      temporaryPasswordExpiresAt: null,
      usedTemporaryPasswordHash: null,
    },
    { transaction },
  );
  const unlocked = await releaseLock(member.id, transaction);
  const ended = await revokeMemberSessions(
    member.id,
    'password changed',
    transaction,
    input.keepSessionId,
  );
  await recordAudit(
    {
      companyId: member.companyId,
      actor: {
        id: member.id,
        name: member.name,
        organizationId: member.organizationId,
      },
      activityType: 'login',
      event: 'edit',
      informationType: 'authentication_token',
      target: { id: member.id, name: member.name },
      context: input.context,
      details: {
        change: 'password changed',
        via: input.via,
        accountUnlocked: unlocked,
        sessionsEnded: ended,
      },
    },
    transaction,
  );
}
