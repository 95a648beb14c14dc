import { expect } from 'chai';
import { Address4, Address6 } from 'ip-address';

import { validateIpList } from '../../../core/ip/ip-list.js';
import { compileIpMatcher } from '../../../core/ip/ip-matcher.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

interface Network {
  family: 4 | 6;
  start: bigint;
  end: bigint;
}

function networkOf(family: 4 | 6, value: bigint, prefix: number): Network {
  const bits = family === 4 ? 32 : 128;
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const start = value & ~hostMask;
  return { family, start, end: start | hostMask };
}

/** Spells a network as an admin might type it, mapped forms included. */
function spell(random: SeededRandom, network: Network, prefix: number) {
  if (network.family === 6) {
    const address = Address6.fromBigInt(network.start).correctForm();
    return prefix === 128 ? address : `${address}/${prefix}`;
  }
  const address = Address4.fromBigInt(network.start).correctForm();
  if (random.int(5) === 0) return `::ffff:${address}/${prefix + 96}`;
  return prefix === 32 && random.int(2) === 0
    ? address
    : `${address}/${prefix}`;
}

/**
 * 100 distinct entries: IPv4 and IPv6 single addresses and ranges of every
 * width, some nested in or next to others, so merging is exercised.
 */
function randomList(random: SeededRandom) {
  const typed = new Set<string>();
  const networks: Network[] = [];
  while (typed.size < 100) {
    const family = random.int(2) === 0 ? 4 : 6;
    const bits = family === 4 ? 32 : 128;
    const previous = networks[networks.length - 1];
    const prefix = random.int(3) === 0 ? bits : 1 + random.int(bits);
    const value =
      previous?.family === family && random.int(3) === 0
        ? previous.end + 1n - BigInt(random.int(2)) // touching or inside
        : random.bigInt(bits);
    const network = networkOf(family, value % (1n << BigInt(bits)), prefix);
    const text = spell(random, network, prefix);
    const canonical = validateIpList([text]);
    if (!canonical.ok || typed.has(canonical.entries[0]?.text ?? '')) continue;
    typed.add(canonical.entries[0]?.text ?? '');
    networks.push(network);
  }
  return { entries: [...typed], networks };
}

/** An address near a network's edges, or anywhere, in Node's spellings. */
function randomProbe(random: SeededRandom, networks: Network[]) {
  const family = random.int(2) === 0 ? 4 : 6;
  const bits = family === 4 ? 32 : 128;
  const near = networks.filter((network) => network.family === family);
  let value = random.bigInt(bits);
  if (random.int(4) !== 0 && near.length > 0) {
    const network = random.pick(near);
    const span = network.end - network.start + 1n;
    value = random.pick([
      network.start - 1n,
      network.start,
      network.end,
      network.end + 1n,
      network.start + (random.bigInt(bits) % span),
    ]);
  }
  value = (value + (1n << BigInt(bits))) % (1n << BigInt(bits));

  if (family === 6) return Address6.fromBigInt(value).correctForm();
  const address = Address4.fromBigInt(value).correctForm();
  return random.int(3) === 0 ? `::ffff:${address}` : address;
}

/** The reference answer: ip-address's own subnet test, entry by entry. */
function referenceMatches(entries: string[], ip: string): boolean {
  let client: Address4 | Address6 = ip.includes(':')
    ? new Address6(ip)
    : new Address4(ip);
  if (client instanceof Address6 && client.isMapped4()) client = client.to4();

  return entries.some((entry) => {
    const range = entry.includes(':')
      ? new Address6(entry)
      : new Address4(entry);
    const sameFamily = range instanceof Address4 === client instanceof Address4;
    return sameFamily && client.isHostInSubnet(range);
  });
}

describe('compileIpMatcher', () => {
  describe('with a 100-entry mixed list', () => {
    const random = seededRandom(20240611);
    const { entries, networks } = randomList(random);
    const matcher = compileIpMatcher(entries);
    const probes = Array.from({ length: 4000 }, () =>
      randomProbe(random, networks),
    );

    it('agrees with a brute-force check on random addresses', () => {
      const wrong = probes.filter(
        (ip) => matcher.matches(ip) !== referenceMatches(entries, ip),
      );
      expect(wrong).to.deep.equal([]);
    });

    it('sees both answers often enough for the comparison to mean much', () => {
      const inside = probes.filter((ip) => matcher.matches(ip)).length;
      expect(inside).to.be.within(800, 3200);
    });
  });

  describe('with single addresses and ranges', () => {
    const matcher = compileIpMatcher([
      '192.0.2.0/24',
      '198.51.100.7',
      '2001:db8::/32',
      '::1',
    ]);

    it('matches the first and last address of a range, not its neighbours', () => {
      expect(matcher.matches('192.0.2.0')).to.equal(true);
      expect(matcher.matches('192.0.2.255')).to.equal(true);
      expect(matcher.matches('192.0.1.255')).to.equal(false);
      expect(matcher.matches('192.0.3.0')).to.equal(false);
    });

    it('matches a single address only', () => {
      expect(matcher.matches('198.51.100.7')).to.equal(true);
      expect(matcher.matches('198.51.100.8')).to.equal(false);
      expect(matcher.matches('::1')).to.equal(true);
      expect(matcher.matches('::2')).to.equal(false);
    });

    it('matches IPv6 in any spelling', () => {
      expect(matcher.matches('2001:DB8:FFFF::1')).to.equal(true);
      expect(matcher.matches('2001:db9::')).to.equal(false);
    });
  });

  describe('with an IPv4-mapped client address', () => {
    const matcher = compileIpMatcher(['127.0.0.1', '10.0.0.0/8']);

    it('matches it as the IPv4 address it carries', () => {
      expect(matcher.matches('::ffff:127.0.0.1')).to.equal(true);
      expect(matcher.matches('::ffff:7f00:1')).to.equal(true);
      expect(matcher.matches('::ffff:10.20.30.40')).to.equal(true);
      expect(matcher.matches('::ffff:11.0.0.0')).to.equal(false);
    });

    it('does not treat an IPv4-compatible or NAT64 address as IPv4', () => {
      expect(matcher.matches('::127.0.0.1')).to.equal(false);
      expect(matcher.matches('64:ff9b::127.0.0.1')).to.equal(false);
    });

    it('matches a mapped entry against a plain IPv4 client', () => {
      const mapped = compileIpMatcher(['::ffff:192.0.2.0/120']);
      expect(mapped.matches('192.0.2.99')).to.equal(true);
    });
  });

  describe('with /0 entries', () => {
    it('matches every IPv4 address and no IPv6 one for 0.0.0.0/0', () => {
      const matcher = compileIpMatcher(['0.0.0.0/0']);
      expect(matcher.matches('0.0.0.0')).to.equal(true);
      expect(matcher.matches('255.255.255.255')).to.equal(true);
      expect(matcher.matches('::ffff:1.2.3.4')).to.equal(true);
      expect(matcher.matches('2001:db8::1')).to.equal(false);
    });

    it('matches every IPv6 address and no IPv4 one for ::/0', () => {
      const matcher = compileIpMatcher(['::/0']);
      expect(matcher.matches('::')).to.equal(true);
      expect(
        matcher.matches('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'),
      ).to.equal(true);
      expect(matcher.matches('1.2.3.4')).to.equal(false);
      expect(matcher.matches('::ffff:1.2.3.4')).to.equal(false);
    });
  });

  describe('with an empty list', () => {
    it('matches nothing', () => {
      const matcher = compileIpMatcher([]);
      expect(matcher.matches('127.0.0.1')).to.equal(false);
      expect(matcher.matches('::1')).to.equal(false);
    });
  });

  describe('with malformed client input', () => {
    const matcher = compileIpMatcher(['0.0.0.0/0', '::/0']);
    const inputs = [
      undefined,
      '',
      'unknown',
      '1.2.3',
      '1.2.3.4/32',
      ' 1.2.3.4',
      '1.2.3.04',
      '1::2::3',
      '10.0.0.1, 10.0.0.2',
      'x'.repeat(10_000),
    ];
    for (const input of inputs) {
      it(`returns false for ${JSON.stringify(input)?.slice(0, 20)}`, () => {
        expect(matcher.matches(input)).to.equal(false);
      });
    }

    it('returns false rather than throwing for non-string values', () => {
      const untyped = matcher.matches as (ip: unknown) => boolean;
      expect(untyped(null)).to.equal(false);
      expect(untyped(42)).to.equal(false);
      expect(untyped({})).to.equal(false);
    });
  });

  describe('with an invalid stored entry', () => {
    it('throws, naming the entry', () => {
      expect(() => compileIpMatcher(['10.0.0.1', '10.1.2.3/8'])).to.throw(
        /"10\.1\.2\.3\/8" has host bits set/,
      );
    });
  });
});
