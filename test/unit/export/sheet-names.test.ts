import { expect } from 'chai';

import {
  checkSheetName,
  dataSheetName,
  MAX_SHEET_BASE_LENGTH,
} from '../../../core/export/sheet-names.js';

describe('dataSheetName', () => {
  it('uses the base name for the first sheet and numbers the rest', () => {
    expect(
      [1, 2, 3].map((index) => dataSheetName('Events', index)),
    ).to.deep.equal(['Events', 'Events 2', 'Events 3']);
  });

  it('stays within Excel’s 31 characters for the longest base name', () => {
    const base = 'e'.repeat(MAX_SHEET_BASE_LENGTH);

    expect(dataSheetName(base, 999_999)).to.have.lengthOf.at.most(31);
  });
});

describe('checkSheetName', () => {
  it('accepts an ordinary name', () => {
    expect(() => checkSheetName('Audit events')).not.to.throw();
  });

  const refused = {
    empty: '  ',
    'too long': 'e'.repeat(MAX_SHEET_BASE_LENGTH + 1),
    'with a colon': 'Events: May',
    'with a bracket': 'Events [May]',
    'with an apostrophe at the start': "'Events",
    'reserved by Excel': 'History',
    'the About sheet, in another case': 'ABOUT THIS EXPORT',
  };

  for (const [name, sheetName] of Object.entries(refused)) {
    it(`refuses a name ${name}`, () => {
      expect(() => checkSheetName(sheetName)).to.throw(RangeError);
    });
  }
});
