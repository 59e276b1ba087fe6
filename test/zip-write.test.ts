// The annotated copy's writer (src/hosts/workbook/zip-write.ts): Node's zlib in place of JSZip, and ExcelJS's style
// registration without rendering equal styles again. What it writes must be exactly what ExcelJS's own writer
// writes: the same parts, in the same order, with the same bytes (only the save time in docProps/core.xml differs).
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readGrids } from '../src/hosts/workbook/read';
import { checkGrids } from '../src/core/check';
import { markWorkbook } from '../src/hosts/workbook/annotate';
import { loadWithMerges } from '../src/hosts/workbook/exceljs-load';
import { crc32, NativeZip, xlsxBuffer } from '../src/hosts/workbook/zip-write';

const FIX = path.resolve(__dirname, 'fixtures');
const files = [
  ...fs.readdirSync(FIX).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIX, f)),
  ...fs.readdirSync(path.join(FIX, 'oos')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIX, 'oos', f)),
];

async function markedWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const res = checkGrids(await readGrids(file), {});
  const wb = new ExcelJS.Workbook();
  await loadWithMerges(wb, () => wb.xlsx.readFile(file));
  await markWorkbook(wb, res.diagnostics);
  return wb;
}

/** Every entry of a zip, in order: name, whether a folder, content (the save time blanked). */
async function entries(buf: Buffer): Promise<{ name: string; dir: boolean; text: string }[]> {
  const zip = await JSZip.loadAsync(buf);
  const out: { name: string; dir: boolean; text: string }[] = [];
  for (const e of Object.values(zip.files)) {
    const text = e.dir ? '' : (await e.async('string')).replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1>');
    out.push({ name: e.name, dir: e.dir, text });
  }
  return out;
}

describe('xlsxBuffer', () => {
  test.each(files.map((f) => [path.relative(FIX, f), f]))('%s: the marked copy has the parts and bytes of ExcelJS’s writer', async (_name, file) => {
    const wb = await markedWorkbook(file);
    const theirs = (await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as never)) as unknown as ArrayBuffer;
    const ours = await xlsxBuffer(await markedWorkbook(file));
    expect(ours).not.toBeNull();
    const a = await entries(Buffer.from(theirs));
    const b = await entries(ours!);
    expect(b.map((e) => e.name)).toEqual(a.map((e) => e.name));
    expect(b.some((e) => e.dir)).toBe(true);
    for (let i = 0; i < a.length; i++) expect(b[i]).toEqual(a[i]);
    // And ExcelJS reads it back.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(ours! as never);
    expect(back.worksheets.length).toBe(wb.worksheets.length);
  });

  test('equal styles registered with a date cell and with a number cell keep their own number formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 2));
    ws.getCell('A1').style = { font: { bold: true } };
    ws.getCell('B1').value = 3;
    ws.getCell('B1').style = { font: { bold: true } };
    ws.getCell('C1').value = new Date(Date.UTC(2024, 0, 3));
    ws.getCell('C1').style = { font: { bold: true } };
    const theirs = await entries(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const ours = await entries((await xlsxBuffer(wb))!);
    const sheet = (es: { name: string; text: string }[]) => es.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.text;
    const styles = (es: { name: string; text: string }[]) => es.find((e) => e.name === 'xl/styles.xml')!.text;
    expect(sheet(ours)).toBe(sheet(theirs));
    expect(styles(ours)).toBe(styles(theirs));
    const s = (cell: string) => new RegExp(`<c r="${cell}" s="(\\d+)"`).exec(sheet(ours))![1];
    expect(s('A1')).toBe(s('C1'));
    expect(s('A1')).not.toBe(s('B1'));
  });
});

describe('NativeZip', () => {
  test('stores folders before their files, replaces a part written twice, and unzips with JSZip', async () => {
    const zip = new NativeZip();
    zip.append('<a/>', { name: 'xl/worksheets/sheet1.xml' });
    zip.append(Buffer.from('media'), { name: 'xl/media/image1.png' });
    zip.append(Buffer.from('hello').toString('base64'), { name: 'docProps/x.bin', base64: true });
    zip.append('<b/>', { name: 'xl/worksheets/sheet1.xml' });
    const back = await JSZip.loadAsync(zip.toBuffer(new Date(2024, 5, 1, 12, 30, 10)), { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(['xl/', 'xl/worksheets/', 'xl/worksheets/sheet1.xml', 'xl/media/', 'xl/media/image1.png', 'docProps/', 'docProps/x.bin']);
    expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toBe('<b/>');
    expect(await back.file('xl/media/image1.png')!.async('string')).toBe('media');
    expect(await back.file('docProps/x.bin')!.async('string')).toBe('hello');
    expect(back.file('docProps/x.bin')!.date.getMinutes()).toBe(30);
  });

  test('crc32 is the zip CRC-32', () => {
    const buf = Buffer.from('预算绩效目标表 check', 'utf8');
    for (const table of [false, true]) {
      expect(crc32(Buffer.from('hello'), table)).toBe(907060870);
      expect(crc32(Buffer.alloc(0), table)).toBe(0);
    }
    expect(crc32(buf, true)).toBe(crc32(buf));
    const native = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
    if (native) expect(crc32(buf, true)).toBe(native(buf) >>> 0);
  });
});
