import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  idCheckChar,
  isValidIdNumber,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
} from './idNumber.js';

describe('GB 11643 identity numbers', () => {
  it('accepts numbers with the right check character', () => {
    // Check characters computed by hand from the standard's weights.
    assert.equal(idCheckChar('11010519491231002'), 'X');
    assert.ok(isValidIdNumber('11010519491231002X'));
    assert.ok(isValidIdNumber('11010519491231002x'), 'a lower-case x is accepted');
    assert.equal(idCheckChar('44052419800101001'), '3');
    assert.deepEqual(parseIdNumber('440524198001010013'), {
      region: '440524',
      birthDate: '1980-01-01',
      gender: 'male',
    });
  });

  it('rejects wrong check characters, impossible dates, wrong lengths and letters', () => {
    assert.equal(isValidIdNumber('110105194912310021'), false);
    assert.equal(isValidIdNumber(makeIdNumber('320612', '1990-02-30', 12)), false);
    assert.equal(isValidIdNumber('32061219900101123'), false);
    assert.equal(isValidIdNumber('3206121990010112A3'), false);
    assert.equal(isValidIdNumber('020612199001011231'), false);
  });

  it('every built number is valid, and changing any one digit breaks it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (date, seq, pos, bump) => {
          const id = makeIdNumber('320612', date.toISOString().slice(0, 10), seq);
          assert.ok(isValidIdNumber(id), id);
          const digit = (Number(id[pos]) + bump) % 10;
          const broken = id.slice(0, pos) + String(digit) + id.slice(pos + 1);
          assert.equal(idCheckChar(broken.slice(0, 17)) === broken[17], false, broken);
        },
      ),
    );
  });

  it('masks the birth date away and keeps the ends', () => {
    assert.equal(maskIdNumber('32061219800101123X'), '320612********123X');
    assert.equal(maskPhone('13812345678'), '138****5678');
  });
});
