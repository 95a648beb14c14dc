import type { IpListItem } from '../ip/ip-list.js';
import type { StoredAllowedIp } from './allowed-ip-store.js';
import type { IpSettings } from './ip-settings.js';

/** What a save changes, as the audit event names it. */
export interface IpPolicyDiff {
  added: string[];
  removed: string[];
  relabelled: string[];
  switched: Partial<Record<keyof IpSettings, { from: unknown; to: unknown }>>;
}

function describe(entry: string, label: string | null): string {
  return label ? `${entry} (${label})` : entry;
}

/** Compares the stored rule with the submitted one; order is not a change. */
export function diffIpPolicy(
  before: { settings: IpSettings; entries: StoredAllowedIp[] },
  after: { settings: IpSettings; entries: IpListItem[] },
): IpPolicyDiff {
  const old = new Map(before.entries.map((item) => [item.entry, item]));
  const next = new Set(after.entries.map((item) => item.text));
  const diff: IpPolicyDiff = {
    added: [],
    removed: [],
    relabelled: [],
    switched: {},
  };

  for (const item of after.entries) {
    const previous = old.get(item.text);
    if (!previous) diff.added.push(describe(item.text, item.label));
    else if (previous.label !== item.label) {
      diff.relabelled.push(
        `${item.text}: ${previous.label ?? '(none)'} → ${item.label ?? '(none)'}`,
      );
    }
  }
  for (const item of before.entries) {
    if (!next.has(item.entry))
      diff.removed.push(describe(item.entry, item.label));
  }
  for (const key of ['enabled', 'scope', 'applyToSuperAdmin'] as const) {
    if (before.settings[key] !== after.settings[key]) {
      diff.switched[key] = {
        from: before.settings[key],
        to: after.settings[key],
      };
    }
  }
  return diff;
}

/** True when the diff changes nothing worth saving. */
export function isEmptyDiff(diff: IpPolicyDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.relabelled.length === 0 &&
    Object.keys(diff.switched).length === 0
  );
}
