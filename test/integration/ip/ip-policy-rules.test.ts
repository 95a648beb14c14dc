import { expect } from 'chai';
import { compileIpMatcher } from '../../../core/ip/ip-matcher.js';
import {
  isIpAllowed,
  type IpPurpose,
} from '../../../core/ip-policy/ip-decision.js';
import {
  readIpSettings,
  type IpSettings,
} from '../../../core/ip-policy/ip-settings.js';
import {
  diffIpPolicy,
  isEmptyDiff,
} from '../../../core/ip-policy/ip-policy-diff.js';
import { rememberingMatcher } from '../../../core/ip-policy/policy-cache.js';
import { wouldLockOut } from '../../../core/ip-policy/save-ip-policy.js';
import { parseIpEntry } from '../../../core/ip/ip-entry.js';

const matcher = compileIpMatcher(['192.0.2.0/24', '2001:db8::/32']);
const on = (overrides: Partial<IpSettings> = {}): IpSettings => ({
  enabled: true,
  scope: 'all',
  applyToSuperAdmin: false,
  ...overrides,
});
const member = { role: 'member' as const };
const superAdmin = { role: 'super_admin' as const };

describe('the allowed-IP decision', () => {
  describe('when the list is off', () => {
    it('allows any IP for any purpose', () => {
      for (const purpose of [
        'sign_in',
        'request',
        'work_record',
      ] as IpPurpose[]) {
        expect(
          isIpAllowed(
            on({ enabled: false }),
            matcher,
            member,
            '203.0.113.1',
            purpose,
          ),
        ).to.equal(true);
      }
    });
  });

  describe('with scope "all functions"', () => {
    it('allows listed IPs, mapped IPv4 included, and refuses others and a missing IP', () => {
      expect(
        isIpAllowed(on(), matcher, member, '192.0.2.77', 'request'),
      ).to.equal(true);
      expect(
        isIpAllowed(on(), matcher, member, '::ffff:192.0.2.77', 'sign_in'),
      ).to.equal(true);
      expect(
        isIpAllowed(on(), matcher, member, '2001:db8:1::5', 'work_record'),
      ).to.equal(true);
      expect(
        isIpAllowed(on(), matcher, member, '203.0.113.1', 'request'),
      ).to.equal(false);
      expect(isIpAllowed(on(), matcher, member, null, 'request')).to.equal(
        false,
      );
    });
  });

  describe('with scope "work records only"', () => {
    it('checks only work records', () => {
      const settings = on({ scope: 'work_records' });
      expect(
        isIpAllowed(settings, matcher, member, '203.0.113.1', 'sign_in'),
      ).to.equal(true);
      expect(
        isIpAllowed(settings, matcher, member, '203.0.113.1', 'request'),
      ).to.equal(true);
      expect(
        isIpAllowed(settings, matcher, member, '203.0.113.1', 'work_record'),
      ).to.equal(false);
    });
  });

  describe('for a super admin', () => {
    it('exempts them unless "Apply to super administrator" is on', () => {
      expect(
        isIpAllowed(on(), matcher, superAdmin, '203.0.113.1', 'request'),
      ).to.equal(true);
      expect(
        isIpAllowed(
          on({ applyToSuperAdmin: true }),
          matcher,
          superAdmin,
          '203.0.113.1',
          'request',
        ),
      ).to.equal(false);
    });
  });
});

describe('stored IP settings', () => {
  it('default to off, all functions, super admins exempt', () => {
    expect(readIpSettings({})).to.deep.equal({
      enabled: false,
      scope: 'all',
      applyToSuperAdmin: false,
    });
    expect(readIpSettings(null)).to.deep.equal({
      enabled: false,
      scope: 'all',
      applyToSuperAdmin: false,
    });
  });

  it('replace unreadable fields by their defaults', () => {
    expect(
      readIpSettings({
        enabled: 'yes',
        scope: 'nowhere',
        applyToSuperAdmin: true,
      }),
    ).to.deep.equal({
      enabled: false,
      scope: 'all',
      applyToSuperAdmin: true,
    });
  });
});

describe('the self-lockout check', () => {
  const admin = {
    id: 'a',
    name: 'A',
    organizationId: null,
    companyId: 'c',
    role: 'admin' as const,
  };
  const entries = ['10.0.0.0/8'].map((text) => {
    const parsed = parseIpEntry(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return { ...parsed.entry, label: null };
  });

  it("flags a rule that would refuse the saving admin's own IP", () => {
    expect(wouldLockOut(admin, on(), entries, '192.0.2.1')).to.equal(true);
    expect(wouldLockOut(admin, on(), entries, '10.1.2.3')).to.equal(false);
  });

  it('does not flag scope "work records only" or an exempt super admin', () => {
    expect(
      wouldLockOut(admin, on({ scope: 'work_records' }), entries, '192.0.2.1'),
    ).to.equal(false);
    expect(
      wouldLockOut(
        { ...admin, role: 'super_admin' },
        on(),
        entries,
        '192.0.2.1',
      ),
    ).to.equal(false);
  });
});

describe('the change summary of a save', () => {
  it('names added, removed and relabelled entries and switched settings', () => {
    const before = {
      settings: on({ enabled: false }),
      entries: [
        {
          entry: '192.0.2.1',
          kind: 'address' as const,
          family: 4 as const,
          label: null,
          createdAt: new Date(),
        },
        {
          entry: '192.0.2.2',
          kind: 'address' as const,
          family: 4 as const,
          label: 'Old',
          createdAt: new Date(),
        },
      ],
    };
    const after = {
      settings: on({ scope: 'work_records' }),
      entries: [
        {
          text: '192.0.2.2',
          kind: 'address' as const,
          family: 4 as const,
          prefixLength: 32,
          label: 'New',
        },
        {
          text: '2001:db8::/32',
          kind: 'cidr' as const,
          family: 6 as const,
          prefixLength: 32,
          label: null,
        },
      ],
    };
    const diff = diffIpPolicy(before, after);
    expect(diff).to.deep.equal({
      added: ['2001:db8::/32'],
      removed: ['192.0.2.1'],
      relabelled: ['192.0.2.2: Old → New'],
      switched: {
        enabled: { from: false, to: true },
        scope: { from: 'all', to: 'work_records' },
      },
    });
    expect(isEmptyDiff(diff)).to.equal(false);
  });
});

describe('the remembering matcher', () => {
  it('answers as the matcher does, for repeated and many distinct IPs', () => {
    const remembered = rememberingMatcher(matcher);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 1000; i += 1) {
        const ip = i % 2 ? `192.0.2.${i % 256}` : `198.51.100.${i % 256}`;
        expect(remembered.matches(ip)).to.equal(matcher.matches(ip));
      }
    }
    expect(remembered.matches(undefined)).to.equal(false);
  });
});
