import { database } from '../../db/index.js';
import { AppError } from '../errors.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { compileIpMatcher } from '../ip/ip-matcher.js';
import {
  validateIpList,
  type IpListError,
  type IpListItem,
  type IpListRow,
} from '../ip/ip-list.js';
import { listAllowedIps, lockVersion, writeList } from './allowed-ip-store.js';
import { ipRuleApplies } from './ip-decision.js';
import {
  diffIpPolicy,
  isEmptyDiff,
  type IpPolicyDiff,
} from './ip-policy-diff.js';
import { readIpSettings, type IpSettings } from './ip-settings.js';

/** The admin saving, as the audit event and the lockout check need them. */
export interface IpPolicyActor {
  id: string;
  name: string;
  organizationId: string | null;
  companyId: string;
  role: 'super_admin' | 'admin' | 'member';
}

/** A whole submitted configuration: switches, list, and what it replaces. */
export interface IpPolicyChange {
  settings: IpSettings;
  rows: IpListRow[];
  /** companies.settings_version the form was rendered from. */
  expectedVersion: number;
  /** The admin ticked "I understand I will lose access". */
  confirmSelfLockout: boolean;
}

export type SaveIpPolicyResult =
  | { ok: true; changed: boolean; diff: IpPolicyDiff; version: number }
  | { ok: false; reason: 'invalid'; errors: IpListError[] }
  | { ok: false; reason: 'self-lockout'; ip: string | null }
  | { ok: false; reason: 'conflict' };

/**
 * True when saving would cut off the admin who saves: the rule is on for
 * every function, applies to them, and their current IP is not listed.
 */
export function wouldLockOut(
  actor: IpPolicyActor,
  settings: IpSettings,
  entries: readonly IpListItem[],
  ip: string | null,
): boolean {
  if (!ipRuleApplies(settings, actor, 'request')) return false;
  const matcher = compileIpMatcher(entries.map((item) => item.text));
  return !matcher.matches(ip ?? undefined);
}

/**
 * Validates and saves a company's allowed-IP configuration in one
 * transaction with its audit event, guarded by the settings version so two
 * admins cannot overwrite each other unseen. Raising the version is also
 * what tells every web process to recompile the rule.
 */
export async function saveIpPolicy(
  actor: IpPolicyActor,
  change: IpPolicyChange,
  context: RequestContext,
): Promise<SaveIpPolicyResult> {
  const validated = validateIpList(change.rows);
  if (!validated.ok)
    return { ok: false, reason: 'invalid', errors: validated.errors };
  const { entries } = validated;

  const lockout = wouldLockOut(actor, change.settings, entries, context.ip);
  if (lockout && !change.confirmSelfLockout) {
    return { ok: false, reason: 'self-lockout', ip: context.ip };
  }

  return database().transaction(
    async (transaction): Promise<SaveIpPolicyResult> => {
      const row = await lockVersion(actor.companyId, transaction);
      if (!row || row.version !== change.expectedVersion)
        return { ok: false, reason: 'conflict' };
      const before = {
        settings: readIpSettings(row.ip_settings),
        entries: await listAllowedIps(actor.companyId, transaction),
      };
      // Only a super admin may put super admins under the rule: an admin
      // holding Allowed IP settings must not be able to lock them out.
      if (
        actor.role !== 'super_admin' &&
        change.settings.applyToSuperAdmin !== before.settings.applyToSuperAdmin
      ) {
        throw new AppError(
          'forbidden',
          'Only a super administrator can change "Apply to super administrator".',
        );
      }
      const diff = diffIpPolicy(before, { settings: change.settings, entries });
      if (isEmptyDiff(diff))
        return { ok: true, changed: false, diff, version: row.version };

      await writeList(actor.companyId, actor.id, entries, transaction);
      await database().query(
        `UPDATE companies SET ip_settings = $2,
         settings_version = settings_version + 1, updated_at = now()
       WHERE id = $1`,
        {
          bind: [actor.companyId, JSON.stringify(change.settings)],
          transaction,
        },
      );
      await recordAudit(
        {
          companyId: actor.companyId,
          actor: {
            id: actor.id,
            name: actor.name,
            organizationId: actor.organizationId,
          },
          activityType: 'permission_change',
          event: 'edit',
          informationType: 'ip_access_setting_change',
          context,
          details: {
            ...diff,
            entryCount: entries.length,
            ...(lockout ? { selfLockoutConfirmed: true } : {}),
          },
        },
        transaction,
      );
      return { ok: true, changed: true, diff, version: row.version + 1 };
    },
  );
}
