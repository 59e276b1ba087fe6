// The workbook host (ExcelJS / .xlsx files): reading into Grids, refusing bad files in Chinese, and writing the
// annotated copy for reviewers.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Grid } from '../src/core/grid';
import { Diagnostic } from '../src/core/diagnostic';
import { readGrids, readGridsFromBuffer, WorkbookReadError } from '../src/hosts/workbook/read';
import { compileFormat } from '../src/hosts/workbook/numfmt';
import { writeAnnotatedCopy } from '../src/hosts/workbook/annotate';
const { generate } = require('../scripts/gen-large.js') as {
  generate: (out: string, n: number) => Promise<{ tables: number; rows: number; merges: number }>;
};

const FIX = path.resolve(__dirname, 'fixtures');
const F000 = path.join(FIX, '000_24cde7d862e1b3bb.xlsx');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-host-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function texts(g: Grid): Set<string> {
  const out = new Set<string>();
  for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) out.add(g.text(r, c));
  return out;
}

/** A minimal .xlsx written by hand, for the XML shapes ExcelJS never writes. */
async function handmade(sheetXml: string, opts: { sst?: string; styles?: string; workbookPr?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (opts.workbookPr || '') +
      '<sheets><sheet name="表&amp;1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${R}worksheet" Target="worksheets/sheet1.xml"/>` +
      (opts.sst ? `<Relationship Id="rId2" Type="${R}sharedStrings" Target="sharedStrings.xml"/>` : '') +
      (opts.styles ? `<Relationship Id="rId3" Type="${R}styles" Target="/xl/styles.xml"/>` : '') +
      '</Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  if (opts.sst) zip.file('xl/sharedStrings.xml', opts.sst);
  if (opts.styles) zip.file('xl/styles.xml', opts.styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('readGrids on the fixtures', () => {
  const files = fs.readdirSync(FIX).filter((f) => /^\d+_[0-9a-f]+\.xlsx$/.test(f));

  test.each(files)('%s: every table of expected.json is in the grid, merges included', async (f) => {
    const grids = await readGrids(path.join(FIX, f));
    expect(grids.map((g) => g.name)).toEqual(['项目绩效目标表']);
    const g = grids[0];
    const all = texts(g);
    const expected = JSON.parse(fs.readFileSync(path.join(FIX, f.replace('.xlsx', '.expected.json')), 'utf8'));
    for (const t of expected) {
      expect(all).toContain(t.title);
      // Money is stored as numbers with the format 0.00: the text is what the user sees (50 → "50.00").
      if (t.budget && t.budget.total) expect(all).toContain(t.budget.total);
      for (const ind of t.indicators) {
        for (const k of ['l3', 'value', 'basis']) if (ind[k]) expect(all).toContain(ind[k]);
      }
    }
    const xmlMerges = (await JSZip.loadAsync(fs.readFileSync(path.join(FIX, f))))
      .file('xl/worksheets/sheet1.xml')!
      .async('string')
      .then((s) => (s.match(/<mergeCell /g) || []).length);
    expect(g.merges.length).toBe(await xmlMerges);
  });

  test('000: cells, numbers, merges where the fixture has them', async () => {
    const [g] = await readGrids(F000);
    expect(g.text(0, 0)).toBe('1.城区微型站运维费绩效目标表');
    expect(g.value(3, 2)).toBe(7.99);
    expect(g.text(3, 2)).toBe('7.99');
    expect(g.text(6, 1)).toBe('25%');
    expect(g.mergeAt(0, 3)).toEqual({ top: 0, left: 0, bottom: 0, right: 6 });
    expect(g.mergeAt(12, 0)).toEqual({ top: 9, left: 0, bottom: 14, right: 0 });
    expect(g.effectiveText(12, 0)).toBe('产出指标');
    // 其他资金 is an empty string: shown blank, so read as blank.
    expect(g.text(3, 6)).toBe('');
  });

  test('one grid per worksheet, in workbook order, named as the sheet', async () => {
    const grids = await readGrids(path.join(FIX, '004_d64ddf90eec77ce7.per-sheet.xlsx'));
    expect(grids).toHaveLength(12);
    expect(grids[0].name).toBe('1.“三线”铁路建设民兵补贴资金');
    expect(grids[11].name).toBe('12.防灾减灾专项资金');
    expect(grids[1].text(0, 0)).toBe('2.安全生产专项资金绩效目标表');
  });

  test('readGridsFromBuffer reads the same as readGrids', async () => {
    const a = await readGrids(F000);
    const b = await readGridsFromBuffer(new Uint8Array(fs.readFileSync(F000)));
    expect(b.map((g) => [g.name, g.rowCount, g.colCount, g.merges.length])).toEqual(
      a.map((g) => [g.name, g.rowCount, g.colCount, g.merges.length]),
    );
    expect([...texts(b[0])]).toEqual([...texts(a[0])]);
  });
});

describe('cell values as a spreadsheet shows them', () => {
  let g: Grid;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('值');
    const set = (a: string, value: ExcelJS.CellValue, numFmt?: string) => {
      ws.getCell(a).value = value;
      if (numFmt) ws.getCell(a).numFmt = numFmt;
    };
    set('A1', 0.1 + 0.2);
    set('A2', 1 / 3);
    set('A3', 0.255, '0%');
    set('A4', 0.255, '0.00%');
    set('A5', 50, '0.00');
    set('A6', 1234567.891, '#,##0.00');
    set('A7', new Date(Date.UTC(2023, 11, 31)));
    set('A8', true);
    set('A9', { formula: 'A5*2', result: 100 });
    set('A10', { formula: 'TEXT(A5,"0")', result: '50' });
    set('A11', { formula: '#REF!+1', result: { error: '#REF!' } });
    set('A12', { error: '#DIV/0!' });
    set('A13', { text: '财政局网站', hyperlink: 'https://example.gov.cn' });
    set('A14', { richText: [{ text: '≥', font: { bold: true } }, { text: '95%' }] });
    set('A15', '00123');
    set('A16', 1.005, '0.00');
    set('A17', -1234.5, '#,##0.00;[Red]\\-#,##0.00');
    set('A18', 12.3, '0.00"万元"');
    set('A19', 'ok');
    ws.getCell('A20').numFmt = '0.00'; // styled but empty
    set('A21', 7.99, '0.00_ ');
    set('A22', 45291, 'yyyy"年"m"月"d"日"');
    const file = path.join(tmp, 'values.xlsx');
    await wb.xlsx.writeFile(file);
    [g] = await readGrids(file);
  });
  const cases: [number, unknown, string][] = [
    [0, 0.1 + 0.2, '0.3'],
    [1, 1 / 3, '0.333333333333333'],
    [2, 0.255, '26%'],
    [3, 0.255, '25.50%'],
    [4, 50, '50.00'],
    [5, 1234567.891, '1,234,567.89'],
    [7, true, 'TRUE'],
    [8, 100, '100'],
    [9, '50', '50'],
    [12, '财政局网站', '财政局网站'],
    [13, '≥95%', '≥95%'],
    [14, '00123', '00123'],
    [15, 1.005, '1.01'],
    [16, -1234.5, '-1,234.50'],
    [17, 12.3, '12.30万元'],
    [20, 7.99, '7.99'],
    [21, 45291, '2023年12月31日'],
  ];
  test.each(cases)('row %i', (row, value, text) => {
    expect(g.value(row, 0)).toBe(value);
    expect(g.text(row, 0)).toBe(text);
  });
  // Dates show as their format shows them in a zh-CN Excel or WPS (the one display form of every host).
  test('dates as Excel shows them: the short date (format 14) as yyyy/m/d', () => expect(g.text(6, 0)).toBe('2023/12/31'));
  test('formula errors and error cells', () => {
    expect(g.error(10, 0)).toBe('#REF!');
    expect(g.text(10, 0)).toBe('#REF!');
    expect(g.error(11, 0)).toBe('#DIV/0!');
  });
  test('blank cells are skipped', () => {
    expect(g.text(19, 0)).toBe('');
    expect(g.value(19, 0)).toBeNull();
    expect(g.rowCount).toBe(22);
  });
});

describe('SpreadsheetML that ExcelJS does not write', () => {
  test('inline rich text, phonetic guides, _xHHHH_ escapes, entities, missing r attributes, prefixes', async () => {
    const sheet =
      `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:r><x:t>≥</x:t></x:r><x:r><x:t>90%</x:t></x:r></x:is></x:c>' +
      '<x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row><x:c t="str"><x:f>A1</x:f><x:v>a &amp; b &lt;c&gt;</x:v></x:c><x:c r="C2" t="b"><x:v>0</x:v></x:c>' +
      '<x:c r="D2" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>' +
      '<x:row r="5"/></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A5:B6"/></x:mergeCells></x:worksheet>';
    const sst =
      `<?xml version="1.0"?><x:sst ${NS.replace('xmlns', 'xmlns:x')}>` +
      '<x:si><x:t>汉字</x:t><x:rPh sb="0" eb="2"><x:t>かんじ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>' +
      '<x:si><x:t xml:space="preserve">第一行_x000D_\n第二行</x:t></x:si></x:sst>';
    const [g] = await readGridsFromBuffer(await handmade(sheet, { sst }));
    expect(g.name).toBe('表&1');
    expect(g.text(0, 0)).toBe('≥90%');
    expect(g.text(0, 1)).toBe('汉字');
    expect(g.text(0, 2)).toBe('第一行\r\n第二行');
    expect(g.text(1, 0)).toBe('a & b <c>');
    expect(g.value(1, 2)).toBe(false);
    expect(g.error(1, 3)).toBe('#DIV/0!');
    expect(g.merges).toEqual([{ top: 4, left: 0, bottom: 5, right: 1 }]);
  });

  test('Chinese text is never cut at a chunk boundary (ExcelJS streaming garbles it)', async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `第${i}项：对城区空气站监测仪器进行日常维护、质量控制与故障维修`);
    const si = words.map((w) => `<si><t>${w}</t></si>`).join('');
    const rows = words
      .map((w, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>${w}</t></is></c></row>`)
      .join('');
    const buf = await handmade(`<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`, {
      sst: `<sst ${NS}>${si}</sst>`,
    });
    const [g] = await readGridsFromBuffer(buf);
    for (let i = 0; i < words.length; i++) {
      expect(g.text(i, 0)).toBe(words[i]);
      expect(g.text(i, 1)).toBe(words[i]);
    }
  });

  test('number formats from styles.xml, 1904 dates', async () => {
    const styles =
      `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="176" formatCode="0.0%"/></numFmts>` +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const sheet =
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="1"><v>0.8765</v></c><c r="B1" s="2"><v>0</v></c>` +
      '<c r="C1" s="0"><v>3.0000000000000004</v></c></row></sheetData></worksheet>';
    const [g] = await readGridsFromBuffer(await handmade(sheet, { styles, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(g.text(0, 0)).toBe('87.7%');
    expect(g.text(0, 1)).toBe('1904/1/1');
    expect(g.text(0, 2)).toBe('3');
  });

  test('format codes', () => {
    const f = (code: string, v: number) => {
      const fn = compileFormat(code);
      return fn ? fn(v, false) : null;
    };
    expect(f('General', 1)).toBeNull();
    expect(f('0', 2.5)).toBe('3');
    expect(f('0.00E+00', 12345)).toBe('1.23E+04');
    expect(f('#,##0;(#,##0);"-"', 0)).toBe('-');
    expect(f('#,##0;(#,##0)', -1234)).toBe('(1,234)');
    expect(f('[$¥-804]#,##0.00', 5)).toBe('¥5.00');
    expect(f('h:mm', 0.5)).toBe('12:00');
    expect(f('yyyy"年"m"月"d"日"', 45291)).toBe('2023年12月31日');
    expect(f('yyyy-mm-dd', 45291.75)).toBe('2023-12-31');
    expect(f('m/d/yy h:mm', 45291.75)).toBe('12/31/23 18:00');
    expect(f('yyyy年m月', 45291)).toBe('2023年12月');
    expect(f('[$-F800]dddd, mmmm dd, yyyy', 45291)).toBe('2023-12-31');
    expect(f('0.00', -0.001)).toBe('0.00');
  });
});

describe('bad input gets a Chinese reason, never a stack trace', () => {
  const write = (name: string, data: Buffer | string) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, data);
    return p;
  };
  const cfb = (streamName: string) => {
    const b = Buffer.alloc(4096, 0);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
    Buffer.from(streamName + '\0', 'utf16le').copy(b, 1024 + 3 * 128);
    return b;
  };
  async function reason(p: string): Promise<string> {
    try {
      await readGrids(p);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/[\u4e00-\u9fff]/);
      expect(msg).not.toMatch(/\n\s+at /);
      return msg;
    }
    throw new Error('expected a WorkbookReadError');
  }

  test('empty file', async () => expect(await reason(write('empty.xlsx', ''))).toMatch('空'));
  test('random bytes', async () => {
    let seed = 7;
    const bytes = Buffer.from(Buffer.alloc(2048, 0).map(() => (seed = (seed * 1103515245 + 12345) & 0xff)));
    expect(await reason(write('random.xlsx', bytes))).toMatch('无法识别');
  });
  test('a CSV renamed to .xlsx', async () =>
    expect(await reason(write('table.xlsx', '项目名称,指标值\n城区微型站运维费,≥90%\n'))).toMatch('CSV'));
  test('an HTML table saved as .xls', async () =>
    expect(await reason(write('export.xlsx', '<html><body><table><tr><td>1</td></tr></table></body></html>'))).toMatch('网页'));
  test('a truncated zip', async () => {
    const buf = fs.readFileSync(F000);
    expect(await reason(write('truncated.xlsx', buf.subarray(0, Math.floor(buf.length / 2))))).toMatch('不完整');
  });
  test('damaged compressed data', async () => {
    const buf = Buffer.from(fs.readFileSync(F000));
    // Overwrite the middle of the file, inside some part's deflate stream.
    buf.fill(0x55, 3000, 9000);
    expect(await reason(write('damaged.xlsx', buf))).toMatch('损坏');
  });
  test('an encrypted workbook', async () => expect(await reason(write('secret.xlsx', cfb('EncryptedPackage')))).toMatch('密码'));
  test('a legacy .xls', async () => expect(await reason(write('old.xlsx', cfb('Workbook')))).toMatch('.xls'));
  test('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', '你好');
    expect(await reason(write('notbook.xlsx', await zip.generateAsync({ type: 'nodebuffer' })))).toMatch('xl/workbook.xml');
  });
  test('a Word document', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    expect(await reason(write('doc.xlsx', await zip.generateAsync({ type: 'nodebuffer' })))).toMatch('Word');
  });
  test('a file that does not exist', async () => expect(await reason(path.join(tmp, 'nope.xlsx'))).toMatch('找不到'));
  test('a directory', async () => expect(await reason(tmp)).toMatch('文件夹'));
  test('from a buffer too', async () => {
    await expect(readGridsFromBuffer(Buffer.from('a,b\n1,2\n'))).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(readGridsFromBuffer(new Uint8Array(0))).rejects.toThrow('空');
  });
});

describe('large sheets', () => {
  test('100,000 rows read in bounded memory', async () => {
    const file = path.join(tmp, 'rows100k.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('大表');
    for (let r = 1; r <= 100000; r++) {
      ws.addRow([`第${r}行`, r * 1.5, r % 7 === 0 ? '满意度指标' : '产出指标']).commit();
    }
    ws.commit();
    await wb.commit();

    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const [g] = await readGrids(file);
    const grew = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    expect(g.rowCount).toBe(100000);
    expect(g.text(99999, 0)).toBe('第100000行');
    expect(g.text(99999, 1)).toBe('150000');
    expect(g.text(69999, 2)).toBe('满意度指标');
    // The Grid itself holds 300,000 cells; the XML is never held whole.
    expect(grew).toBeLessThan(250);
  }, 20000);

  test('gen-large.js writes the stacked layout, and every merge reads back', async () => {
    const file = path.join(tmp, 'gen20.xlsx');
    const stats = await generate(file, 20);
    const [g] = await readGrids(file);
    expect(g.merges.length).toBe(stats.merges);
    expect(g.text(0, 0)).toMatch(/^1\..+绩效目标表$/);
    expect(g.text(8, 0)).toBe('一级指标');
    expect(g.effectiveText(10, 0)).toBe('产出指标');
  });
});

describe('writeAnnotatedCopy', () => {
  const sheet = '项目绩效目标表';
  const diags: Diagnostic[] = [
    { sheet, cell: 'F12', severity: 'warning', rule: 'values.unit', message: '指标值缺少比较符号', suggestion: '=100%' },
    { sheet, cell: 'F12', severity: 'error', rule: 'values.unit-mismatch', message: '数量指标的单位不应是百分比', suggestion: null },
    { sheet, cell: 'D10:E10', severity: 'info', rule: 'text.desc-repeats', message: '绩效指标描述只重复了三级指标名称' },
    { sheet, cell: 'A12', severity: 'warning', rule: 'hierarchy.merge', message: '一级指标合并区域内的提示' },
    { sheet, cell: 'C4', severity: 'error', rule: 'money.sum', message: '预算数不等于财政资金与其他资金之和', suggestion: '7.99' },
    { sheet: '不存在的表', cell: 'A1', severity: 'info', rule: 'x.y', message: '找不到的工作表' },
  ];
  let src: ExcelJS.Workbook;
  let out: ExcelJS.Workbook;
  let outPath: string;

  beforeAll(async () => {
    const copy = path.join(tmp, 'src.xlsx');
    fs.copyFileSync(F000, copy);
    outPath = path.join(tmp, 'src.审核.xlsx');
    await writeAnnotatedCopy(copy, outPath, diags);
    src = new ExcelJS.Workbook();
    await src.xlsx.readFile(F000);
    out = new ExcelJS.Workbook();
    await out.xlsx.readFile(outPath);
  }, 30000);

  test('fills by worst severity and notes list every finding on the flagged cells only', () => {
    const ws = out.getWorksheet(sheet)!;
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill('F12')).toBe('FFFFC7CE');
    expect(fill('D10')).toBe('FFDDEBF7');
    expect(fill('A10')).toBe('FFFFEB9C'); // A12 is inside the merged A10:A15: marked on its master
    expect(fill('C4')).toBe('FFFFC7CE');
    expect(ws.getCell('F12').note).toBe('【错误】数量指标的单位不应是百分比\n【警告】指标值缺少比较符号\n建议：=100%');
    expect(ws.getCell('C4').note).toBe('【错误】预算数不等于财政资金与其他资金之和\n建议：7.99');
    // Cells that shared F12's style keep theirs.
    for (const a of ['F11', 'F13', 'E4', 'G12']) {
      expect(fill(a)).toBeUndefined();
      expect(ws.getCell(a).note).toBeUndefined();
    }
  });

  test('values, fonts, borders, alignment, number formats and merges are those of the source', () => {
    const a = src.getWorksheet(sheet)!;
    const b = out.getWorksheet(sheet)!;
    expect(b.rowCount).toBe(a.rowCount);
    expect(b.model.merges.sort()).toEqual(a.model.merges.sort());
    a.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const other = b.getCell(r, c);
        expect(other.value).toEqual(cell.value);
        expect(other.font).toEqual(cell.font);
        expect(other.border).toEqual(cell.border);
        expect(other.alignment).toEqual(cell.alignment);
        expect(other.numFmt).toEqual(cell.numFmt);
      });
    });
  });

  const visible = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name);
  const link = (cell: string, target = cell) => ({ formula: `HYPERLINK("#'${sheet}'!${target}","${cell}")`, result: cell });

  test('the 审核意见 sheet lists every finding in the core\'s order (findingsSheetRows), with links', () => {
    expect(visible(out)).toEqual([sheet, '审核意见']);
    const ws = out.getWorksheet('审核意见')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['序号', '工作表', '单元格', '级别', '规则', '问题', '建议']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      [1, link('F12'), '警告'],
      [2, link('F12'), '错误'],
      [3, link('D10:E10', 'D10'), '提示'],
      [4, link('A12'), '警告'],
      [5, link('C4'), '错误'],
      [6, 'A1', '提示'],
    ]);
    expect(rows[1].slice(4)).toEqual(['values.unit', '指标值缺少比较符号', '=100%']);
    expect(rows[2].slice(4)).toEqual(['values.unit-mismatch', '数量指标的单位不应是百分比', '']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(6).width).toBeGreaterThan(30);
  });

  test('annotating a copy again replaces its marks (never stacks them); a user\'s own 审核意见 sheet is kept', async () => {
    const again = path.join(tmp, 'again.xlsx');
    await writeAnnotatedCopy(outPath, again, diags.slice(0, 1));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    expect(visible(wb)).toEqual([sheet, '审核意见']);
    const ws = wb.getWorksheet(sheet)!;
    expect(ws.getCell('F12').note).toBe('【警告】指标值缺少比较符号\n建议：=100%');
    // C4 as in the source: its fill and (no) note back.
    expect(ws.getCell('C4').fill).toEqual(src.getWorksheet(sheet)!.getCell('C4').fill);
    expect(ws.getCell('C4').note).toBeUndefined();
    expect(wb.getWorksheet('审核意见')!.rowCount).toBe(2);

    const mine = new ExcelJS.Workbook();
    await mine.xlsx.readFile(F000);
    mine.addWorksheet('审核意见').getCell('A1').value = '科室自己的审核记录';
    const own = path.join(tmp, 'own.xlsx');
    await mine.xlsx.writeFile(own);
    const third = path.join(tmp, 'own.审核.xlsx');
    await writeAnnotatedCopy(own, third, diags.slice(0, 1));
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.readFile(third);
    expect(visible(wb3)).toEqual([sheet, '审核意见', '审核意见(2)']);
    expect(wb3.getWorksheet('审核意见')!.getCell('A1').value).toBe('科室自己的审核记录');
  });

  test('a bad source gets the same Chinese reason as reading it', async () => {
    const bad = path.join(tmp, 'bad.xlsx');
    fs.writeFileSync(bad, 'a,b\n');
    await expect(writeAnnotatedCopy(bad, path.join(tmp, 'x.xlsx'), diags)).rejects.toBeInstanceOf(WorkbookReadError);
    expect(fs.existsSync(path.join(tmp, 'x.xlsx'))).toBe(false);
  });
});
