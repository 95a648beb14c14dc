import { compileIpMatcher, type IpMatcher } from '../ip/ip-matcher.js';
import { readPolicySnapshot } from './allowed-ip-store.js';
import { readIpSettings, type IpSettings } from './ip-settings.js';

/** A company's rule, ready for the request hot path. */
export interface CompiledIpPolicy {
  version: number;
  settings: IpSettings;
  matcher: IpMatcher;
}

// A company's members come from a few addresses, so each rule remembers
// its answers for recent IPs; the map is emptied when it fills up.
const MAX_REMEMBERED_IPS = 512;

/**
 * Wraps a matcher so that repeated IPs are answered from a map instead of
 * being parsed and searched again on every request.
 */
export function rememberingMatcher(matcher: IpMatcher): IpMatcher {
  const answers = new Map<string, boolean>();
  return {
    matches(ip) {
      if (ip === undefined) return false;
      const known = answers.get(ip);
      if (known !== undefined) return known;
      const answer = matcher.matches(ip);
      if (answers.size >= MAX_REMEMBERED_IPS) answers.clear();
      answers.set(ip, answer);
      return answer;
    },
  };
}

/** The part of the company row every signed-in request already loaded. */
export interface PolicyCompany {
  id: string;
  settingsVersion: number;
  ipSettings: unknown;
}

// Bounded so a process serving many companies keeps a steady footprint;
// an evicted company is simply compiled again on its next request.
const MAX_COMPANIES = 10_000;
const cache = new Map<string, CompiledIpPolicy>();
const loading = new Map<string, Promise<CompiledIpPolicy>>();
const nothing = compileIpMatcher([]);

function remember(companyId: string, policy: CompiledIpPolicy) {
  // A slow request holding an older company row must not undo a newer rule.
  const current = cache.get(companyId);
  if (current && current.version > policy.version) return;
  cache.delete(companyId);
  if (cache.size >= MAX_COMPANIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(companyId, policy);
}

async function load(company: PolicyCompany): Promise<CompiledIpPolicy> {
  const snapshot = await readPolicySnapshot(company.id);
  if (!snapshot) {
    return {
      version: company.settingsVersion,
      settings: readIpSettings({}),
      matcher: nothing,
    };
  }
  const policy: CompiledIpPolicy = {
    version: snapshot.version,
    settings: readIpSettings(snapshot.ipSettings),
    matcher: rememberingMatcher(compileIpMatcher(snapshot.entries)),
  };
  remember(company.id, policy);
  return policy;
}

/**
 * The company's compiled rule. Every change to the list or the switches
 * raises companies.settings_version in the same transaction, and every
 * request reads the company row anyway, so comparing versions keeps each
 * web process current without an extra query or a message bus. A company
 * whose list is off is answered from its row without touching the list.
 */
export async function companyIpPolicy(
  company: PolicyCompany,
): Promise<CompiledIpPolicy> {
  const cached = cache.get(company.id);
  if (cached && cached.version >= company.settingsVersion) return cached;

  const settings = readIpSettings(company.ipSettings);
  if (!settings.enabled) {
    const off = {
      version: company.settingsVersion,
      settings,
      matcher: nothing,
    };
    remember(company.id, off);
    return off;
  }

  // Parallel requests of one company share a single load.
  const key = `${company.id}:${company.settingsVersion}`;
  const pending = loading.get(key) ?? load(company);
  loading.set(key, pending);
  try {
    return await pending;
  } finally {
    loading.delete(key);
  }
}

/** Forgets every compiled rule; tests and benchmarks start cold with it. */
export function clearIpPolicyCache(): void {
  cache.clear();
}
