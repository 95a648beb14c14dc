import { expect } from 'chai';

import { MAX_CELL_LENGTH, safeCell } from '../../../core/export/safe-cell.js';

describe('safeCell', () => {
  describe('text a spreadsheet could evaluate', () => {
    const formulas = [
      ['=', '=HYPERLINK("http://evil.example","click")'],
      ['+', '+1+cmd|" /C calc"!A0'],
      ['-', '-2+3+cmd|" /C calc"!A0'],
      ['@', '@SUM(1+1)*cmd|" /C calc"!A0'],
      ['tab', '\t=1+1'],
      ['carriage return', '\r=1+1'],
    ];

    for (const [name, text] of formulas) {
      it(`prefixes text starting with ${name} with a single quote`, () => {
        expect(safeCell(text!)).to.equal(`'${text}`);
      });
    }

    it('leaves text with a formula character later on unchanged', () => {
      expect(safeCell('a=b+c-d@e')).to.equal('a=b+c-d@e');
    });

    it('leaves text starting with a space or a quote unchanged', () => {
      expect(safeCell(' =1')).to.equal(' =1');
      expect(safeCell("'=1")).to.equal("'=1");
    });

    it('judges the text after forbidden characters are removed', () => {
      expect(safeCell('\u0001=1+1')).to.equal("'=1+1");
    });
  });

  describe('characters XML 1.0 forbids', () => {
    it('removes C0 controls but keeps tab, line feed and carriage return', () => {
      const controls = Array.from({ length: 32 }, (_, code) =>
        String.fromCharCode(code),
      ).join('');

      expect(safeCell(`a${controls}b`)).to.equal('a\t\n\rb');
    });

    it('removes U+FFFE and U+FFFF', () => {
      expect(safeCell('a\uFFFEb\uFFFFc')).to.equal('abc');
    });

    it('removes lone surrogates and keeps pairs', () => {
      expect(safeCell('a\uD83Db\uDE00c\uD83D\uDE00')).to.equal('abc😀');
    });

    it('keeps ordinary text, accents and Japanese', () => {
      expect(safeCell('Zoë 人事部 ✓')).to.equal('Zoë 人事部 ✓');
    });
  });

  describe('length', () => {
    it('keeps text of exactly 32,767 characters whole', () => {
      const text = 'x'.repeat(MAX_CELL_LENGTH);

      expect(safeCell(text)).to.equal(text);
    });

    it('cuts 32,768 characters to at most 32,767 with a visible marker', () => {
      const cut = safeCell('x'.repeat(MAX_CELL_LENGTH + 1));

      expect(cut).to.have.lengthOf.at.most(MAX_CELL_LENGTH);
      expect(cut).to.match(/… \[truncated, \d+ characters omitted\]$/);
    });

    it('says how many characters were left out', () => {
      const text = 'y'.repeat(100_000);
      const cut = safeCell(text);

      const omitted = Number(/truncated, (\d+) characters/.exec(cut)?.[1]);
      const kept = cut.indexOf('…');
      expect(kept + omitted).to.equal(text.length);
      expect(cut.slice(0, kept)).to.equal(text.slice(0, kept));
    });

    it('counts the single-quote prefix within the limit', () => {
      const cut = safeCell('=' + 'z'.repeat(MAX_CELL_LENGTH));

      expect(cut.startsWith("'=")).to.equal(true);
      expect(cut).to.have.lengthOf.at.most(MAX_CELL_LENGTH);
    });

    for (const lead of ['', 'a']) {
      it(`does not split a surrogate pair at the cut (lead "${lead}")`, () => {
        const cut = safeCell(lead + '😀'.repeat(MAX_CELL_LENGTH));

        expect(cut).to.have.lengthOf.at.most(MAX_CELL_LENGTH);
        // A lone surrogate does not survive a round trip through UTF-8.
        expect(Buffer.from(cut).toString()).to.equal(cut);
      });
    }
  });
});
