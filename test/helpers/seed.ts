// Reads a table out of a seed text (rows separated by blank lines, each cell starting with a tab) and
// lays it out in a workbook the way a hand-kept sheet looks, for layouts the fixture workbooks lack.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';

export const SEEDS = path.resolve(__dirname, '../fixtures/seeds');

/** The table rows that follow the line containing `heading`, up to the first line that is not a cell. */
export function seedTable(file: string, heading: string): string[][] {
  const lines = fs.readFileSync(path.join(SEEDS, file), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.includes(heading));
  if (start < 0) throw new Error('heading not found: ' + heading);
  const rows: string[][] = [];
  let row: string[] = [];
  let blanks = 0;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('\t')) {
      row.push(l.slice(1));
      blanks = 0;
    } else if (l.trim() === '') {
      if (row.length) rows.push(row);
      row = [];
      if (++blanks >= 3 && rows.length) break;
    } else if (row.length) {
      row[row.length - 1] += '\n' + l; // a cell's text continues on the next line
    } else if (rows.length) break;
  }
  if (row.length) rows.push(row);
  return rows;
}

/** Writes rows to a sheet; `mergeDown` columns (1-based) merge a blank cell into the one above. */
export async function workbookFrom(sheets: { name: string; rows: string[][]; mergeDown?: number[]; merges?: string[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => r.forEach((v, j) => { if (v !== '') ws.getCell(i + 1, j + 1).value = v; }));
    for (const m of s.merges || []) ws.mergeCells(m);
    for (const col of s.mergeDown || []) {
      let top = -1;
      for (let i = 0; i <= s.rows.length; i++) {
        const v = i < s.rows.length ? s.rows[i][col - 1] : 'END';
        if (v && v !== '') {
          if (top >= 0 && i - 1 > top) ws.mergeCells(top + 1, col, i, col);
          top = i;
        }
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
