// Writes a workbook whose first sheet holds fixture 002's tables followed by N rows that carry only a height
// (<row r="…" ht="15" customHeight="1"/>, as spreadsheet programs write them): the shape that was quadratic.
//
//   npx tsx scripts/gen-height-rows.ts OUT.xlsx N
import * as fs from 'fs';
import { fromFixture } from '../test/corpus/build';

const [out, n] = process.argv.slice(2);
const rows = Number(n);
fromFixture((p) => {
  const sheet = 'xl/worksheets/sheet1.xml';
  const parts: string[] = [];
  for (let i = 0; i < rows; i++) parts.push(`<row r="${i + 200}" ht="15" customHeight="1"/>`);
  p.set(sheet, (p.get(sheet) as string).replace('</sheetData>', parts.join('') + '</sheetData>'));
}).then((b) => fs.writeFileSync(out, b));
