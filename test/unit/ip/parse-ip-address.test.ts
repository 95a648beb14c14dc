import { expect } from 'chai';
import { Address4, Address6 } from 'ip-address';

import {
  parseClientAddress,
  parseIpAddress,
  wordsToBigInt,
  type ParsedIpAddress,
} from '../../../core/ip/parse-ip-address.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/** The value as one number for comparisons: IPv4 stays below 2^32. */
function valueOf(parsed: ParsedIpAddress | null): string | null {
  if (parsed === null) return null;
  if (parsed.family === 4) return `4:${parsed.value}`;
  return `6:${wordsToBigInt(parsed.words)}`;
}

/** What ip-address makes of the same text, as the reference. */
function referenceValue(text: string): string | null {
  try {
    if (text.includes(':')) return `6:${new Address6(text).bigInt()}`;
    return `4:${new Address4(text).bigInt()}`;
  } catch {
    return null;
  }
}

/** The reference for a client address: IPv4-mapped counts as IPv4. */
function referenceClientValue(text: string): string | null {
  try {
    if (!text.includes(':')) return `4:${new Address4(text).bigInt()}`;
    const address = new Address6(text);
    const value = address.isMapped4() ? address.to4().bigInt() : null;
    return value === null ? `6:${address.bigInt()}` : `4:${value}`;
  } catch {
    return null;
  }
}

/** Writes a random IPv6 address in one of the spellings RFC 4291 allows. */
function spellIpv6(random: SeededRandom, value: bigint): string {
  const address = Address6.fromBigInt(value);
  switch (random.int(5)) {
    case 0:
      return address.canonicalForm();
    case 1:
      return address.correctForm().toUpperCase();
    case 2:
      return address.to4in6();
    case 3:
      return address.parsedAddress.join(':');
    default:
      return address.correctForm();
  }
}

/** Inserts, deletes or replaces one character, to make near-miss input. */
function mutate(random: SeededRandom, text: string): string {
  const at = random.int(text.length + 1);
  const character = random.pick([...'0123456789abcdefABCDEFg:.%/ ']);
  switch (random.int(3)) {
    case 0:
      return text.slice(0, at) + character + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    default:
      return text.slice(0, at) + character + text.slice(at + 1);
  }
}

describe('parseIpAddress', () => {
  describe('with well-formed addresses', () => {
    it('reads IPv4 as an unsigned 32-bit value', () => {
      expect(parseIpAddress('255.255.255.255')).to.deep.equal({
        family: 4,
        value: 0xffffffff,
      });
      expect(valueOf(parseIpAddress('0.0.0.0'))).to.equal('4:0');
    });

    it('reads IPv6 with elision and a dotted tail', () => {
      expect(valueOf(parseIpAddress('::'))).to.equal('6:0');
      expect(valueOf(parseIpAddress('::1'))).to.equal('6:1');
      expect(valueOf(parseIpAddress('1::'))).to.equal(`6:${1n << 112n}`);
      expect(valueOf(parseIpAddress('::ffff:1.2.3.4'))).to.equal(
        `6:${0xffff01020304n}`,
      );
    });

    it('drops a zone id', () => {
      expect(valueOf(parseIpAddress('fe80::1%eth0'))).to.equal(
        valueOf(parseIpAddress('fe80::1')),
      );
    });
  });

  describe('with malformed input', () => {
    const malformed = [
      '',
      ' 1.2.3.4',
      '1.2.3.4 ',
      '1.2.3.04',
      '1.2.3.4/32',
      '::/0',
      ':',
      ':::',
      '1:::2',
      '1::2::3',
      '::1:',
      ':1::',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4::5:6:7:8',
      '1.2.3.4::',
      'fe80::1%',
      '12345::',
      '::ffff:1.2.3.256',
    ];
    for (const text of malformed) {
      it(`returns null for ${JSON.stringify(text)}`, () => {
        expect(parseIpAddress(text)).to.equal(null);
      });
    }

    it('returns null for values that are not strings', () => {
      expect(parseIpAddress(undefined)).to.equal(null);
      expect(parseIpAddress(42)).to.equal(null);
    });
  });

  describe('compared with ip-address on random input', () => {
    const random = seededRandom(0x1b5eed);
    const samples: string[] = [];
    for (let i = 0; i < 1500; i += 1) {
      const ipv4 = Address4.fromBigInt(random.bigInt(32)).correctForm();
      const text = random.pick([
        ipv4,
        `::ffff:${ipv4}`,
        spellIpv6(random, 0xffff00000000n + random.bigInt(32)),
        spellIpv6(random, random.bigInt(128) >> BigInt(random.int(128))),
        spellIpv6(random, random.bigInt(128)),
      ]);
      samples.push(text, mutate(random, text));
    }

    it('agrees on validity and value for every sample', () => {
      // ip-address keeps a zone and reads a prefix; those differ on purpose.
      const comparable = samples.filter((text) => !/[%/]/.test(text));
      const disagreements = comparable.filter(
        (text) => valueOf(parseIpAddress(text)) !== referenceValue(text),
      );

      expect(comparable.length).to.be.above(2500);
      expect(disagreements).to.deep.equal([]);
    });

    it('agrees on IPv4-mapped addresses as clients', () => {
      const comparable = samples.filter((text) => !/[%/]/.test(text));
      const disagreements = comparable.filter(
        (text) =>
          valueOf(parseClientAddress(text)) !== referenceClientValue(text),
      );
      expect(disagreements).to.deep.equal([]);
    });

    it('accepts every well-formed sample', () => {
      const wellFormed = samples.filter((_, index) => index % 2 === 0);
      const refused = wellFormed.filter(
        (text) => parseIpAddress(text) === null,
      );
      expect(refused).to.deep.equal([]);
    });
  });
});

describe('parseClientAddress', () => {
  it('treats an IPv4-mapped address as IPv4', () => {
    expect(parseClientAddress('::ffff:127.0.0.1')).to.deep.equal({
      family: 4,
      value: 0x7f000001,
    });
    expect(parseClientAddress('::ffff:7f00:1')).to.deep.equal(
      parseClientAddress('127.0.0.1'),
    );
  });

  it('reads a short group after ::ffff: as IPv6, not as IPv4', () => {
    expect(valueOf(parseClientAddress('::ffff:7f00'))).to.equal(
      `6:${0xffff7f00n}`,
    );
  });

  it('returns null for a malformed IPv4 tail', () => {
    expect(parseClientAddress('::ffff:1.2.3')).to.equal(null);
    expect(parseClientAddress('::ffff:1.2.3.04')).to.equal(null);
  });

  it('leaves other IPv6 addresses alone', () => {
    expect(parseClientAddress('::1')?.family).to.equal(6);
    expect(parseClientAddress('::7f00:1')?.family).to.equal(6);
    expect(parseClientAddress('64:ff9b::7f00:1')?.family).to.equal(6);
  });
});
