import { expect } from 'chai';

import {
  MAX_IP_LABEL_LENGTH,
  MAX_IP_LIST_ENTRIES,
  validateIpList,
  type IpListError,
  type IpListItem,
} from '../../../core/ip/ip-list.js';

function accepted(rows: Parameters<typeof validateIpList>[0]): IpListItem[] {
  const result = validateIpList(rows);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.entries;
}

function refused(rows: Parameters<typeof validateIpList>[0]): IpListError[] {
  const result = validateIpList(rows);
  if (result.ok) throw new Error('expected the list to be refused');
  return result.errors;
}

/** `count` distinct addresses: 10.0.0.1, 10.0.0.2, ... */
function addresses(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `10.0.${Math.floor((i + 1) / 256)}.${(i + 1) % 256}`,
  );
}

describe('validateIpList', () => {
  describe('with valid rows', () => {
    it('returns canonical entries in submitted order', () => {
      expect(
        accepted([' 192.168.0.0/16 ', '2001:DB8::/32', '::ffff:1.2.3.4']),
      ).to.deep.equal([
        {
          text: '192.168.0.0/16',
          kind: 'cidr',
          family: 4,
          prefixLength: 16,
          label: null,
        },
        {
          text: '2001:db8::/32',
          kind: 'cidr',
          family: 6,
          prefixLength: 32,
          label: null,
        },
        {
          text: '1.2.3.4',
          kind: 'address',
          family: 4,
          prefixLength: 32,
          label: null,
        },
      ]);
    });

    it('keeps trimmed labels and turns blank ones into null', () => {
      const entries = accepted([
        { entry: '10.0.0.1', label: '  Tokyo office ' },
        { entry: '10.0.0.2', label: '   ' },
        { entry: '10.0.0.3' },
      ]);
      expect(entries.map((entry) => entry.label)).to.deep.equal([
        'Tokyo office',
        null,
        null,
      ]);
    });

    it('accepts an empty list', () => {
      expect(accepted([])).to.deep.equal([]);
    });

    it('accepts overlapping ranges that are not the same entry', () => {
      expect(
        accepted(['10.0.0.0/8', '10.1.0.0/16', '10.1.2.3']),
      ).to.have.length(3);
    });
  });

  describe('with invalid rows', () => {
    it('reports each bad row with its index and message', () => {
      expect(
        refused(['10.0.0.1', '10.0.0.300', '', '10.1.2.3/8']),
      ).to.deep.equal([
        {
          index: 1,
          message: '"10.0.0.300" is not an IPv4 or IPv6 address or CIDR range',
        },
        {
          index: 2,
          message:
            'The entry is empty; enter an IPv4 or IPv6 address or CIDR range',
        },
        {
          index: 3,
          message: '"10.1.2.3/8" has host bits set; did you mean 10.0.0.0/8?',
        },
      ]);
    });

    it('refuses a label longer than the limit', () => {
      const label = 'x'.repeat(MAX_IP_LABEL_LENGTH + 1);
      expect(refused([{ entry: '10.0.0.1', label }])).to.deep.equal([
        {
          index: 0,
          message: `The label of "10.0.0.1" is longer than ${MAX_IP_LABEL_LENGTH} characters`,
        },
      ]);
    });

    it('counts label length in characters, not UTF-16 units', () => {
      const label = '🏢'.repeat(MAX_IP_LABEL_LENGTH);
      expect(accepted([{ entry: '10.0.0.1', label }])[0]?.label).to.equal(
        label,
      );
    });
  });

  describe('with more than 100 entries', () => {
    it('accepts exactly 100', () => {
      expect(accepted(addresses(MAX_IP_LIST_ENTRIES))).to.have.length(100);
    });

    it('refuses the 101st entry, naming it', () => {
      expect(refused(addresses(101))).to.deep.equal([
        {
          index: 100,
          message:
            '"10.0.0.101" is entry 101; a list holds at most 100 entries',
        },
      ]);
    });

    it('refuses every entry past the limit', () => {
      const errors = refused(addresses(103));
      expect(errors.map((error) => error.index)).to.deep.equal([100, 101, 102]);
    });
  });

  describe('with duplicates after canonicalisation', () => {
    it('refuses the repeat, naming both spellings', () => {
      expect(
        refused(['10.0.0.1', '192.168.0.0/16', '10.0.0.1/32']),
      ).to.deep.equal([
        {
          index: 2,
          message: '"10.0.0.1/32" is the same as "10.0.0.1" (entry 1)',
        },
      ]);
    });

    it('recognises an IPv4-mapped spelling of an IPv4 address', () => {
      expect(refused(['192.0.2.7', '::ffff:192.0.2.7'])[0]?.message).to.equal(
        '"::ffff:192.0.2.7" is the same as "192.0.2.7" (entry 1)',
      );
    });

    it('recognises IPv6 spellings that differ in case and zeros', () => {
      expect(
        refused(['2001:db8::/32', '2001:0DB8:0:0::/32'])[0]?.message,
      ).to.equal(
        '"2001:0DB8:0:0::/32" is the same as "2001:db8::/32" (entry 1)',
      );
    });

    it('says so when the same text is typed twice', () => {
      expect(refused(['10.0.0.1', ' 10.0.0.1 '])[0]?.message).to.equal(
        '"10.0.0.1" repeats entry 1',
      );
    });
  });
});
