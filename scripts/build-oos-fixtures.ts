// Builds the out-of-sample fixture workbooks (test/fixtures/oos/*.xlsx) from their recorded layouts
// (*.layout.json: cells as the published source shows them, merges, number formats). Run:
//   npx tsx scripts/build-oos-fixtures.ts
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';

const DIR = path.resolve(__dirname, '../test/fixtures/oos');

type Cell = string | number | { v: string | number; fmt?: string };
interface Layout {
  sheets: { name: string; cells: Record<string, Cell>; merges: string[]; hiddenCols?: string[] }[];
}

async function build(file: string): Promise<void> {
  const layout = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Layout;
  const wb = new ExcelJS.Workbook();
  for (const s of layout.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [addr, c] of Object.entries(s.cells)) {
      const cell = ws.getCell(addr);
      if (typeof c === 'object') {
        cell.value = c.v;
        if (c.fmt) cell.numFmt = c.fmt;
      } else cell.value = c;
      if (typeof cell.value === 'string' && cell.value.indexOf('\n') >= 0) cell.alignment = { wrapText: true, vertical: 'middle' };
    }
    for (const m of s.merges) ws.mergeCells(m);
    for (const col of s.hiddenCols || []) ws.getColumn(col).hidden = true;
  }
  const out = path.join(DIR, file.replace(/\.layout\.json$/, '.xlsx'));
  await wb.xlsx.writeFile(out);
  console.log('wrote', path.relative(process.cwd(), out));
}

(async () => {
  for (const f of fs.readdirSync(DIR).filter((x) => x.endsWith('.layout.json')).sort()) await build(f);
})();
