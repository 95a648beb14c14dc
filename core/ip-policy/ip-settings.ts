import { z } from 'zod';

/** Which functions the allowlist restricts when it is on. */
export const ipScopes = ['all', 'work_records'] as const;
export type IpScope = (typeof ipScopes)[number];

/** The company's allowed-IP switches, stored in companies.ip_settings. */
export interface IpSettings {
  /** "Allow access from specific IPs only"; default off. */
  enabled: boolean;
  /** Every function, or only clocking in and out; default 'all'. */
  scope: IpScope;
  /** Whether super admins are held to the list too; default false. */
  applyToSuperAdmin: boolean;
}

const storedSchema = z.object({
  enabled: z.boolean().catch(false),
  scope: z.enum(ipScopes).catch('all'),
  applyToSuperAdmin: z.boolean().catch(false),
});

/**
 * Reads the stored JSON document; missing or unreadable fields take their
 * defaults, so a company that never opened the page is unrestricted.
 */
export function readIpSettings(stored: unknown): IpSettings {
  const source = typeof stored === 'object' && stored !== null ? stored : {};
  return storedSchema.parse(source);
}

/** Labels of the scopes, as the settings page and audit details show them. */
export const ipScopeLabels: Record<IpScope, string> = {
  all: 'All functions',
  work_records: 'Work records only (clock in and clock out)',
};
