// The annotated copy written by patching the package (src/hosts/workbook/patch.ts): the same marks, notes,
// findings sheet and record as the ExcelJS writer, as ExcelJS reads them back; untouched parts copied byte for byte;
// every XML part well-formed; the record restores the source through the ExcelJS host; workbooks not in the plain
// shape fall back to ExcelJS.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { checkGrids } from '../src/core/check';
import { Diagnostic } from '../src/core/diagnostic';
import { clearMarks } from '../src/core/marking';
import { patchedCopy, writeAnnotatedCopy } from '../src/hosts/workbook/annotate';
import { exceljsFillKey, exceljsMarkBackend, RECORD_SHEET } from '../src/hosts/workbook/marks';
import { readGrids, readGridsFromBuffer } from '../src/hosts/workbook/read';
import { FIXTURES } from './helpers/load';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-patch-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type CellSeen = { v: unknown; fill: string; note?: string; bold: boolean; align: string };

/** What ExcelJS reads: per sheet (name and state, in order) every cell with a value, fill or note. */
async function seen(source: string | Buffer): Promise<Record<string, Record<string, CellSeen>>> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  const out: Record<string, Record<string, CellSeen>> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, CellSeen> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const fill = exceljsFillKey(c.fill);
        const note = c.note === undefined ? undefined : typeof c.note === 'string' ? c.note : JSON.stringify(c.note);
        if ((c.value === null || c.value === undefined) && !fill && note === undefined) return;
        cells[c.address] = { v: c.value, fill, note, bold: !!(c.font && c.font.bold), align: JSON.stringify(c.alignment || {}) };
      }),
    );
    out[ws.name + '|' + ws.state] = cells;
  });
  return out;
}

async function diagnosticsOf(file: string): Promise<Diagnostic[]> {
  return checkGrids(await readGrids(file)).diagnostics;
}

function wellFormed(name: string, xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  let error: Error | null = null;
  p.on('error', (e) => {
    error = error || e;
  });
  p.write(xml).close();
  if (error) throw new Error(`${name}: ${(error as Error).message}`);
}

const files = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => path.join(FIXTURES, f))
  .concat(
    fs
      .readdirSync(path.join(FIXTURES, 'oos'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(FIXTURES, 'oos', f)),
  );

describe('patched copy', () => {
  it('covers every fixture', () => expect(files.length).toBeGreaterThanOrEqual(10));

  it.each(files.map((f) => [path.relative(FIXTURES, f), f]))(
    '%s: ExcelJS reads the same cells, fills, notes and sheets as in its own copy; XML well-formed; other parts unchanged',
    async (_name, file) => {
      const diags = await diagnosticsOf(file);
      const buf = await patchedCopy(file, diags);
      expect(buf).not.toBeNull();
      const reference = path.join(tmp, path.basename(file, '.xlsx') + '.exceljs.xlsx');
      await writeAnnotatedCopy(file, reference, diags, { patch: false });
      expect(await seen(buf!)).toEqual(await seen(reference));

      const before = await JSZip.loadAsync(fs.readFileSync(file));
      const after = await JSZip.loadAsync(buf!);
      const changed: string[] = [];
      for (const name of Object.keys(after.files)) {
        const f = after.files[name];
        if (f.dir) continue;
        const text = await f.async('string');
        if (/\.(xml|rels|vml)$/.test(name)) wellFormed(name, text);
        const old = before.files[name];
        if (old && (await old.async('string')) !== text) changed.push(name);
      }
      // Every part of the source is still there; the theme and document properties are as they were.
      for (const name of Object.keys(before.files)) expect(after.files[name]).toBeDefined();
      expect(changed.filter((n) => /theme|docProps/.test(n))).toEqual([]);
      // The sheets read back as the source did (the findings and record sheets besides).
      const src = await readGrids(file);
      const back = await readGridsFromBuffer(buf!);
      const byName = new Map(back.map((g) => [g.name, g]));
      for (const g of src) {
        const b = byName.get(g.name)!;
        expect(b.merges).toEqual(g.merges);
        for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) expect(b.rawText(r, c)).toBe(g.rawText(r, c));
      }
      expect(back.map((g) => g.name)).toContain('审核意见');
    },
    60000,
  );

  it('its record restores the source when the ExcelJS host clears the copy (user fills kept, a theme fill included)', async () => {
    // A source with a user's theme-colour fill (and bgColor) and a white fill on flagged cells, and a flagged cell
    // that does not exist in the sheet's XML.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(FIXTURES, '000_24cde7d862e1b3bb.xlsx'));
    const ws = wb.worksheets[0];
    ws.getCell('C4').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.3999755851924192 }, bgColor: { indexed: 64 } } as unknown as ExcelJS.Fill;
    ws.getCell('F12').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
    const file = path.join(tmp, 'fills.xlsx');
    await wb.xlsx.writeFile(file);
    const sheet = ws.name;
    const diags: Diagnostic[] = [
      ...(await diagnosticsOf(file)),
      { sheet, cell: 'C4', severity: 'error', rule: 'money.sum', message: '预算数不等于财政资金与其他资金之和', suggestion: '7.99' },
      { sheet, cell: 'F12', severity: 'warning', rule: 'values.unit', message: '指标值缺少比较符号', suggestion: '=100%' },
      { sheet, cell: 'Z900', severity: 'info', rule: 'x.y', message: '表外的单元格' },
    ];
    const buf = await patchedCopy(file, diags);
    expect(buf).not.toBeNull();
    const copy = path.join(tmp, 'fills.审核.xlsx');
    fs.writeFileSync(copy, buf!);
    const marked = await seen(copy);
    expect(marked[sheet + '|visible'].C4.fill).toBe('#FFC7CE');
    expect(marked[sheet + '|visible'].Z900.fill).toBe('#DDEBF7');
    expect(Object.keys(marked)).toEqual([sheet + '|visible', RECORD_SHEET + '|veryHidden', '审核意见|visible']);

    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(copy);
    await clearMarks(exceljsMarkBackend(again));
    const cleared = path.join(tmp, 'fills.cleared.xlsx');
    await again.xlsx.writeFile(cleared);
    const a = (await seen(cleared))[sheet + '|visible'];
    const b = (await seen(file))[sheet + '|visible'];
    expect(a).toEqual(b);
    expect(a.C4.fill).toMatch(/^x:.*"theme":4/);
    expect(Object.keys(await seen(cleared))).toEqual([sheet + '|visible']);
  }, 60000);

  it('note texts with control characters and _xHHHH_ stay well-formed and read back as written', async () => {
    const file = path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx');
    const sheet = (await readGrids(file))[0].name;
    const text = '指标值“_x0041_”含控制字符\u001B[2J与&<>"\'';
    const buf = await patchedCopy(file, [{ sheet, cell: 'B3', severity: 'error', rule: 'x.y', message: text }]);
    const zip = await JSZip.loadAsync(buf!);
    for (const name of Object.keys(zip.files)) if (/\.(xml|vml|rels)$/.test(name)) wellFormed(name, await zip.files[name].async('string'));
    const back = await readGridsFromBuffer(buf!);
    const findings = back.find((g) => g.name === '审核意见')!;
    let found = '';
    for (let r = 0; r < findings.rowCount; r++) for (let c = 0; c < findings.colCount; c++) if (findings.rawText(r, c).startsWith('指标值')) found = findings.rawText(r, c);
    expect(found).toBe(text);
  });

  it('falls back to ExcelJS where the workbook has notes already, or a record of an earlier copy', async () => {
    const src = path.join(FIXTURES, '000_24cde7d862e1b3bb.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(src);
    wb.worksheets[0].getCell('B2').note = '科室的批注';
    const noted = path.join(tmp, 'noted.xlsx');
    await wb.xlsx.writeFile(noted);
    const diags = await diagnosticsOf(noted);
    expect(await patchedCopy(noted, diags)).toBeNull();
    const out = path.join(tmp, 'noted.审核.xlsx');
    await writeAnnotatedCopy(noted, out, diags);
    expect((await seen(out))[wb.worksheets[0].name + '|visible'].B2.note).toBe('科室的批注');

    const first = path.join(tmp, 'first.审核.xlsx');
    await writeAnnotatedCopy(src, first, await diagnosticsOf(src));
    expect(await patchedCopy(first, [])).toBeNull();
  }, 60000);

  it('a protected sheet is refused with the mechanism\'s Chinese reason, as by the ExcelJS writer', async () => {
    const src = path.join(FIXTURES, '000_24cde7d862e1b3bb.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(src);
    await wb.worksheets[0].protect('', {});
    const file = path.join(tmp, 'protected.xlsx');
    await wb.xlsx.writeFile(file);
    const diags = await diagnosticsOf(file);
    const viaPatch = await patchedCopy(file, diags).catch((e) => e);
    const viaExcelJS = await writeAnnotatedCopy(file, path.join(tmp, 'p.xlsx'), diags, { patch: false }).catch((e) => e);
    expect(viaPatch).toBeInstanceOf(Error);
    expect(viaPatch.message).toMatch(/[\u4e00-\u9fff]/);
    expect(viaPatch.message).toBe(viaExcelJS.message);
  }, 60000);
});
