import { z } from 'zod';
import { Company, database, type Member } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { AppError } from '../errors.js';

/** A company's 2-step authentication settings, as stored in otp_settings. */
export interface OtpSettings {
  /** OTP asked of every member after the password step. Default off. */
  enabled: boolean;
  /**
   * OTP asked after Google sign-in too, unless Google reports multi-factor
   * in `amr`. Default off: Google sign-in skips OTP, as the product promises.
   */
  requireAfterGoogle: boolean;
}

const storedSchema = z.object({
  enabled: z.boolean().catch(false).default(false),
  requireAfterGoogle: z.boolean().catch(false).default(false),
});

/** Reads the stored settings document; unknown or broken values fall back. */
export function readOtpSettings(stored: unknown): OtpSettings {
  const parsed = storedSchema.safeParse(stored ?? {});
  return parsed.success
    ? parsed.data
    : { enabled: false, requireAfterGoogle: false };
}

/**
 * Saves new settings for the admin's company when the version the admin saw
 * is still current, with an audit event naming what changed.
 *
 * @throws {AppError} conflict when someone saved in the meantime.
 */
export async function updateOtpSettings(
  admin: Member,
  next: OtpSettings,
  seenVersion: number,
  context: RequestContext,
): Promise<void> {
  await database().transaction(async (transaction) => {
    const company = await Company.findByPk(admin.companyId, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!company) throw new AppError('notFound');
    if (company.settingsVersion !== seenVersion) throw new AppError('conflict');

    const before = readOtpSettings(company.otpSettings);
    const changed = (Object.keys(next) as (keyof OtpSettings)[]).filter(
      (key) => before[key] !== next[key],
    );
    if (changed.length === 0) return;

    await company.update(
      {
        otpSettings: { ...company.otpSettings, ...next },
        settingsVersion: company.settingsVersion + 1,
      },
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
        informationType: 'otp_setting_change',
        context,
        details: Object.fromEntries(
          changed.map((key) => [key, { from: before[key], to: next[key] }]),
        ),
      },
      transaction,
    );
  });
}
