import { expect } from 'chai';

import {
  HOST_BITS_POLICY,
  parseIpEntry,
  type IpEntry,
  type IpEntryErrorReason,
} from '../../../core/ip/ip-entry.js';

function accepted(raw: string): IpEntry {
  const result = parseIpEntry(raw);
  if (!result.ok) throw new Error(`expected ${raw} to be accepted`);
  return result.entry;
}

function refused(raw: string): { reason: IpEntryErrorReason; message: string } {
  const result = parseIpEntry(raw);
  if (result.ok) throw new Error(`expected ${raw} to be refused`);
  return { reason: result.reason, message: result.message };
}

describe('parseIpEntry', () => {
  describe('with a single IPv4 address', () => {
    it('keeps the dotted decimal form without a prefix', () => {
      expect(accepted('192.168.1.10')).to.deep.equal({
        text: '192.168.1.10',
        kind: 'address',
        family: 4,
        prefixLength: 32,
      });
    });

    it('treats /32 as the single address', () => {
      expect(accepted('192.168.1.10/32')).to.deep.equal(
        accepted('192.168.1.10'),
      );
    });

    it('accepts the ends of the address space', () => {
      expect(accepted('0.0.0.0').text).to.equal('0.0.0.0');
      expect(accepted('255.255.255.255').text).to.equal('255.255.255.255');
    });
  });

  describe('with an IPv4 CIDR range', () => {
    it('keeps the network address and prefix', () => {
      expect(accepted('10.0.0.0/8')).to.deep.equal({
        text: '10.0.0.0/8',
        kind: 'cidr',
        family: 4,
        prefixLength: 8,
      });
    });

    it('accepts /0 as the whole IPv4 space', () => {
      expect(accepted('0.0.0.0/0')).to.include({
        text: '0.0.0.0/0',
        kind: 'cidr',
        prefixLength: 0,
      });
    });

    it('accepts /31 as a two-address range', () => {
      expect(accepted('10.0.0.2/31').kind).to.equal('cidr');
    });

    it('refuses /33 naming the allowed prefixes', () => {
      expect(refused('10.0.0.0/33')).to.deep.equal({
        reason: 'prefix-out-of-range',
        message:
          '"10.0.0.0/33" has a prefix length of 33; ' +
          'an IPv4 range allows /0 to /32',
      });
    });
  });

  describe('with an IPv6 address or range', () => {
    it('writes the address in RFC 5952 form', () => {
      expect(accepted('2001:0DB8:0000:0000:0000:0000:0000:0001')).to.deep.equal(
        { text: '2001:db8::1', kind: 'address', family: 6, prefixLength: 128 },
      );
    });

    it('compresses the longest run of zero groups, the first on a tie', () => {
      expect(accepted('2001:db8:0:0:1:0:0:1').text).to.equal(
        '2001:db8::1:0:0:1',
      );
      expect(accepted('2001:0:0:1:0:0:0:1').text).to.equal('2001:0:0:1::1');
    });

    it('does not compress a single zero group', () => {
      expect(accepted('2001:db8:0:1:1:1:1:1').text).to.equal(
        '2001:db8:0:1:1:1:1:1',
      );
      expect(accepted('1:2:3:4:5:6:7::').text).to.equal('1:2:3:4:5:6:7:0');
    });

    it('treats /128 as the single address', () => {
      expect(accepted('2001:db8::1/128')).to.deep.equal(
        accepted('2001:db8::1'),
      );
    });

    it('keeps a range in compressed form with its prefix', () => {
      expect(accepted('2001:DB8:0::/32')).to.deep.equal({
        text: '2001:db8::/32',
        kind: 'cidr',
        family: 6,
        prefixLength: 32,
      });
    });

    it('accepts ::/0 as the whole IPv6 space', () => {
      expect(accepted('::/0')).to.include({ text: '::/0', family: 6 });
    });

    it('accepts the loopback and unspecified addresses', () => {
      expect(accepted('0:0:0:0:0:0:0:1').text).to.equal('::1');
      expect(accepted('::').text).to.equal('::');
    });

    it('refuses /129', () => {
      expect(refused('2001:db8::/129').reason).to.equal('prefix-out-of-range');
    });

    it('refuses a zone id, naming it', () => {
      expect(refused('fe80::1%eth0')).to.deep.equal({
        reason: 'zone-id',
        message:
          '"fe80::1%eth0" names a network interface (%eth0); ' +
          'enter the address without it',
      });
      expect(refused('fe80::%eth0/64').reason).to.equal('zone-id');
    });
  });

  describe('with an IPv4-mapped IPv6 address', () => {
    it('stores the IPv4 address it carries', () => {
      expect(accepted('::ffff:1.2.3.4')).to.deep.equal(accepted('1.2.3.4'));
      expect(accepted('::FFFF:102:304').text).to.equal('1.2.3.4');
      expect(accepted('0:0:0:0:0:ffff:1.2.3.4/128').text).to.equal('1.2.3.4');
    });

    it('turns a mapped range of /96 or longer into an IPv4 range', () => {
      expect(accepted('::ffff:10.0.0.0/104')).to.deep.equal(
        accepted('10.0.0.0/8'),
      );
      expect(accepted('::ffff:0:0/96').text).to.equal('0.0.0.0/0');
    });

    it('leaves an IPv4-compatible address (::a.b.c.d) as IPv6', () => {
      expect(accepted('::1.2.3.4')).to.include({
        text: '::102:304',
        family: 6,
      });
    });
  });

  describe('with leading zeros', () => {
    it('refuses a zero-padded IPv4 number as ambiguous', () => {
      expect(refused('010.0.0.0/8')).to.deep.equal({
        reason: 'leading-zero',
        message:
          '"010.0.0.0/8" has a number with a leading zero, which some ' +
          'systems read as octal; write it without leading zeros',
      });
      expect(refused('10.0.0.01').reason).to.equal('leading-zero');
      expect(refused('::ffff:1.02.3.4').reason).to.equal('leading-zero');
    });

    it('refuses a zero-padded prefix length', () => {
      expect(refused('10.0.0.0/08').reason).to.equal('malformed');
    });

    it('accepts zero-padded IPv6 groups, which are not ambiguous', () => {
      expect(accepted('2001:0db8::0001').text).to.equal('2001:db8::1');
    });
  });

  describe('with host bits set', () => {
    it('refuses the range and suggests its network', () => {
      expect(refused('10.1.2.3/8')).to.deep.equal({
        reason: 'host-bits',
        message: '"10.1.2.3/8" has host bits set; did you mean 10.0.0.0/8?',
      });
    });

    it('suggests the canonical IPv6 network', () => {
      expect(refused('2001:DB8::1/64').message).to.equal(
        '"2001:DB8::1/64" has host bits set; did you mean 2001:db8::/64?',
      );
    });

    it('suggests the IPv4 network for a mapped range', () => {
      expect(refused('::ffff:10.1.2.3/104').message).to.contain(
        'did you mean 10.0.0.0/8?',
      );
    });

    it('refuses any address but 0.0.0.0 with /0', () => {
      expect(refused('1.2.3.4/0').message).to.contain('0.0.0.0/0');
    });

    it('is the documented policy', () => {
      expect(HOST_BITS_POLICY.action).to.equal('refuse');
      expect(HOST_BITS_POLICY.explanation).to.contain('10.0.0.0/8');
    });
  });

  describe('with surrounding whitespace', () => {
    it('trims spaces, tabs, line breaks and no-break spaces', () => {
      expect(accepted('  10.0.0.1\t').text).to.equal('10.0.0.1');
      expect(accepted('\n2001:db8::/32\r\n').text).to.equal('2001:db8::/32');
      expect(accepted('\u00a0192.168.0.0/16\u3000').text).to.equal(
        '192.168.0.0/16',
      );
    });

    it('refuses whitespace inside the entry', () => {
      expect(refused('10.0.0.0 /8').reason).to.equal('malformed');
      expect(refused('10.0. 0.1').reason).to.equal('malformed');
    });
  });

  describe('with an empty entry', () => {
    it('refuses it', () => {
      expect(refused('').reason).to.equal('empty');
      expect(refused('   ').reason).to.equal('empty');
    });
  });

  describe('with text that is not an address', () => {
    const garbage = [
      '10.0.0.300',
      '10.0.0',
      '10.0.0.0.1',
      '10.0.0.0/',
      '/8',
      '10.0.0.0/8/8',
      '10.0.0.0/-1',
      '10.0.0.0/+8',
      '10.0.0.0/1234',
      '0x0a.0.0.1',
      '167772161',
      '10.1',
      'example.com',
      'localhost',
      '1::2::3',
      ':::',
      '2001:db8::g',
      '12345::',
      '1:2:3:4:5:6:7:8:9',
      '[2001:db8::1]',
      '1.2.3.4::',
      '::ffff:1.2.3',
      '10.0.0.1-10.0.0.9',
      '10.0.0.*',
      '１０.0.0.1',
    ];
    for (const text of garbage) {
      it(`refuses ${JSON.stringify(text)}, quoting it`, () => {
        expect(refused(text)).to.deep.equal({
          reason: 'malformed',
          message: `"${text}" is not an IPv4 or IPv6 address or CIDR range`,
        });
      });
    }

    it('shortens a very long entry in the message', () => {
      const { reason, message } = refused('1'.repeat(500));
      expect(reason).to.equal('malformed');
      expect(message).to.have.length.below(120);
      expect(message).to.match(/^"1+…" is not/);
    });
  });
});
