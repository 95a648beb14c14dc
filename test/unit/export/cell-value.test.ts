import { expect } from 'chai';

import { toCellText, toCellValue } from '../../../core/export/cell-value.js';

describe('toCellValue', () => {
  it('makes text safe', () => {
    expect(toCellValue('=1+1', 'text')).to.equal("'=1+1");
  });

  it('keeps numbers, booleans and empty values', () => {
    expect(toCellValue(-42.5, 'text')).to.equal(-42.5);
    expect(toCellValue(false, 'text')).to.equal(false);
    expect(toCellValue(null, 'text')).to.equal(null);
    expect(toCellValue(undefined, 'text')).to.equal(null);
  });

  it('writes NaN and Infinity as text rather than dropping them', () => {
    expect(toCellValue(Number.NaN, 'text')).to.equal('NaN');
    expect(toCellValue(Number.NEGATIVE_INFINITY, 'text')).to.equal(
      "'-Infinity",
    );
  });

  it('writes objects as safe JSON, so exceljs never sees a formula object', () => {
    expect(toCellValue({ formula: 'SUM(A1)' }, 'text')).to.equal(
      '{"formula":"SUM(A1)"}',
    );
    expect(toCellValue(['=1'], 'text')).to.equal('["=1"]');
  });

  it('keeps every digit of a bigint', () => {
    expect(toCellValue(9007199254740993n, 'text')).to.equal('9007199254740993');
  });

  describe('Date values', () => {
    const when = new Date(Date.UTC(2024, 4, 1, 9, 30, 15));

    it('are ISO 8601 text in UTC by default', () => {
      expect(toCellValue(when, 'text')).to.equal('2024-05-01T09:30:15.000Z');
    });

    it('stay dates when dates are asked for', () => {
      expect(toCellValue(when, 'date')).to.equal(when);
    });

    it('say so when invalid instead of throwing', () => {
      expect(toCellValue(new Date(Number.NaN), 'date')).to.equal(
        'Invalid Date',
      );
    });
  });
});

describe('toCellText', () => {
  it('writes empty values as empty text and numbers as digits', () => {
    expect(toCellText(null)).to.equal('');
    expect(toCellText(1234.5)).to.equal('1234.5');
    expect(toCellText(true)).to.equal('true');
  });
});
