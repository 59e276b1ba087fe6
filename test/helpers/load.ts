// Test-only loader: ExcelJS full read into Grids (fine for small fixtures).
import ExcelJS from 'exceljs';
import { Grid, parseRange } from '../../src/core/grid';

export const FIXTURES = require('path').resolve(__dirname, '../../../shared/fixtures');

export async function loadGrids(file: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const g = new Grid(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value as unknown;
        if (v === null || v === undefined) return;
        if (typeof v === 'number') {
          const m = /^0\.(0+)$/.exec(cell.numFmt || '');
          g.setCell(r - 1, c - 1, { value: v, text: m ? v.toFixed(m[1].length) : undefined });
        } else if (typeof v === 'string' || typeof v === 'boolean') g.setCell(r - 1, c - 1, { value: v });
        else g.setCell(r - 1, c - 1, { value: cell.text, text: cell.text });
      });
    });
    for (const m of Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges)) g.addMerge(parseRange(m.range));
    grids.push(g);
  });
  return grids;
}
