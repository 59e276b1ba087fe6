// Each reading limit on its own, with the limits lowered so a small file reaches them (the corpus in
// bad-inputs.test.ts reaches the real ones where a file can be made cheaply), and the limits against what the
// fixtures and the bench workbook actually reach.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { book, sheetXml, sstXml } from './corpus/build';
import { FIXTURES } from './helpers/load';
import { READ_LIMITS } from '../src/hosts/workbook/limits';
import { readGridsFromBuffer } from '../src/hosts/workbook/read';

const MiB = 1024 * 1024;
const rows = (n: number, cells: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `<row r="${from + i}">${Array.from({ length: cells }, (_, c) => `<c><v>${(i * 7 + c) % 997}</v></c>`).join('')}</row>`).join('');

/** Reads `buf` with some limits lowered for the call (READ_LIMITS is the object the reader consults). */
async function readWith(limits: Partial<typeof READ_LIMITS>, buf: Buffer): Promise<string | number> {
  const saved = { ...READ_LIMITS };
  Object.assign(READ_LIMITS, limits);
  try {
    return (await readGridsFromBuffer(buf)).length;
  } catch (e) {
    return (e as Error).message;
  } finally {
    Object.assign(READ_LIMITS, saved);
  }
}

describe('each limit refuses with its own reason', () => {
  it('non-empty cells of the whole workbook', async () => {
    const buf = book([{ name: 'A', xml: sheetXml(rows(30, 10)) }, { name: 'B', xml: sheetXml(rows(30, 10)) }]);
    expect(await readWith({ cells: 600 }, buf)).toBe(2);
    expect(await readWith({ cells: 599 }, buf)).toMatch(/非空单元格超过 599 个/);
  });

  it('merged areas of one sheet, and cells under merges in the workbook', async () => {
    const merges = Array.from({ length: 10 }, (_, i) => `<mergeCell ref="A${i * 3 + 1}:C${i * 3 + 3}"/>`).join('');
    const buf = book([{ name: 'A', xml: sheetXml(rows(30, 3), `<mergeCells count="10">${merges}</mergeCells>`) }]);
    expect(await readWith({ merges: 10, mergedCells: 90 }, buf)).toBe(1);
    expect(await readWith({ merges: 9 }, buf)).toMatch(/合并区域超过 9 个/);
    expect(await readWith({ mergedCells: 89 }, buf)).toMatch(/合并区域覆盖的单元格超过 89 个/);
  });

  it('inflated bytes of one sheet, of all sheets, of shared strings', async () => {
    const sheet = sheetXml(rows(4000, 10)); // ≈ 0.9 MB
    const buf = book([{ name: 'A', xml: sheet }, { name: 'B', xml: sheet }], { sst: sstXml(Array.from({ length: 20000 }, (_, i) => 'k' + i)) });
    expect(await readWith({}, buf)).toBe(2);
    expect(await readWith({ sheetPart: MiB / 2 }, buf)).toMatch(/sheet1\.xml 解压后超过/);
    expect(await readWith({ sheetsTotal: 1.2 * MiB }, buf)).toMatch(/工作表解压后合计超过 1.2 MB/);
    expect(await readWith({ sharedStringsPart: 0.2 * MiB }, buf)).toMatch(/sharedStrings\.xml 解压后超过/);
    expect(await readWith({ sharedStrings: 19999 }, buf)).toMatch(/共享字符串超过 19999 个/);
  });

  it('compression ratio, judged on the bytes inflated so far', async () => {
    const buf = book([{ name: 'A', xml: sheetXml(rows(4000, 10)) }]);
    expect(await readWith({ ratio: 2, ratioFloor: 64 * 1024 }, buf)).toMatch(/压缩比异常/);
  });
});

describe('the limits sit far above real workbooks', () => {
  /** Largest inflated part and largest inflated : compressed ratio of a workbook, from its zip directory. */
  async function measure(file: string) {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    let size = 0;
    let ratio = 0;
    for (const f of Object.values(zip.files)) {
      const d = (f as unknown as { _data: { uncompressedSize: number; compressedSize: number } })._data;
      if (!d || !d.compressedSize) continue;
      size = Math.max(size, d.uncompressedSize);
      ratio = Math.max(ratio, d.uncompressedSize / d.compressedSize);
    }
    return { size, ratio };
  }

  it.each(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')))('%s', async (f) => {
    const L = READ_LIMITS;
    const m = await measure(path.join(FIXTURES, f));
    // At least ten times below each limit: a real workbook ten times larger than the fixtures still reads.
    expect(m.ratio * 10).toBeLessThan(L.ratio);
    expect(m.size * 10).toBeLessThan(L.sheetPart);
  });
});
