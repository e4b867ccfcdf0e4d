import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { streamXlsx, type Cell } from './streamXlsx.js';

describe('streamed .xlsx', () => {
  it('writes a workbook Excel readers open, with text escaped and numbers as numbers', async () => {
    async function* rows(): AsyncGenerator<Cell[]> {
      for (let i = 0; i < 20_000; i++) {
        yield [`第${i}行 <a&b> "q"\u0001`, i, i % 3 === 0 ? null : '通州', ''];
      }
    }
    const bytes = await buffer(
      streamXlsx(
        {
          name: '事件 Cases',
          columns: [
            { header: '文本', width: 20 },
            { header: 'n', width: 8 },
            { header: '地', width: 8 },
            { header: '空', width: 4 },
          ],
        },
        rows(),
      ),
    );
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.name, '事件 Cases');
    assert.equal(sheet.rowCount, 20_001);
    assert.deepEqual(
      [1, 2, 3, 4].map((c) => sheet.getRow(1).getCell(c).value),
      ['文本', 'n', '地', '空'],
    );
    assert.equal(sheet.getCell('A2').value, '第0行 <a&b> "q"', 'escaped and control characters dropped');
    assert.equal(sheet.getCell('B20001').value, 19_999);
    assert.equal(sheet.getCell('C2').value, null, 'empty cells stay empty');
    assert.equal(sheet.getCell('C3').value, '通州');
  });
});
