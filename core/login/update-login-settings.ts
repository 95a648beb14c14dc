import { Op } from 'sequelize';
import { Company, database, Member, Session } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import {
  loginSettingsSchema,
  readLoginSettings,
  type LoginSettings,
} from '../auth/login-settings.js';
import { AppError, validationError, type FieldErrors } from '../errors.js';
import { validatePasswordRules } from '../password/password-rules.js';

type Flat = Record<string, string | number | boolean>;

// Password rules are nested in the document; the page and the audit event
// name them one by one, as passwordRules.minLength and so on.
function flatten(settings: LoginSettings): Flat {
  const { passwordRules, ...rest } = settings;
  const flat: Flat = { ...rest };
  for (const [key, value] of Object.entries(passwordRules)) {
    flat[`passwordRules.${key}`] = value;
  }
  return flat;
}

/**
 * Checks a complete settings document, answering field errors named as the
 * page names its fields (password rule fields without their prefix).
 */
export function validateLoginSettings(input: unknown): LoginSettings {
  const source = (input ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const rules = validatePasswordRules(source.passwordRules ?? {});
  if (!rules.ok) Object.assign(errors, rules.errors);
  const parsed = loginSettingsSchema.safeParse(source);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      if (field === 'passwordRules') continue;
      errors[field] ??= `${field} ${issue.message}`;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) {
    throw validationError(errors);
  }
  return parsed.data;
}

/**
 * Saves a company's login settings when the version the admin saw is still
 * current, with one audit event listing each changed setting's old and new
 * value. Turning off sign-in for members on leave ends their sessions.
 *
 * @throws {AppError} validation naming fields; conflict on a stale version.
 */
export async function updateLoginSettings(
  admin: Member,
  input: unknown,
  seenVersion: number,
  context: RequestContext,
): Promise<{ changed: string[] }> {
  const next = validateLoginSettings(input);
  return database().transaction(async (transaction) => {
    const company = await Company.findByPk(admin.companyId, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!company) throw new AppError('notFound');
    if (company.settingsVersion !== seenVersion) throw new AppError('conflict');

    const before = flatten(readLoginSettings(company.loginSettings));
    const after = flatten(next);
    const changed = Object.keys(after).filter(
      (key) => before[key] !== after[key],
    );
    if (changed.length === 0) return { changed };

    await company.update(
      { loginSettings: next, settingsVersion: company.settingsVersion + 1 },
      { transaction },
    );
    await recordAudit(
      {
        companyId: company.id,
        actor: {
          id: admin.id,
          name: admin.name,
          organizationId: admin.organizationId,
        },
        activityType: 'permission_change',
        event: 'edit',
        informationType: 'login_setting_change',
        context,
        details: Object.fromEntries(
          changed.map((key) => [key, { from: before[key], to: after[key] }]),
        ),
      },
      transaction,
    );
    if (before.allowOnLeaveSignIn && !next.allowOnLeaveSignIn) {
      const onLeave = await Member.findAll({
        where: { companyId: company.id, employmentStatus: 'on_leave' },
        attributes: ['id'],
        transaction,
      });
      await Session.update(
        { revokedAt: new Date(), revokedReason: 'on leave' },
        {
          where: {
            memberId: { [Op.in]: onLeave.map((member) => member.id) },
            revokedAt: null,
          },
          transaction,
        },
      );
    }
    return { changed };
  });
}
