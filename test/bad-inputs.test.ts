// The bad-input corpus (test/corpus/build.ts) through every door that reads a workbook: the reader, `ptcheck
// check` over a folder of them (with a good file among them), `ptcheck check --out`, `ptcheck fill`, and the
// library import. Each file gets a clear Chinese reason or is read and checked; nothing crashes, hangs, prints a
// stack trace or English, and no input is written over.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { corpus, CorpusCase, XXE_SECRET } from './corpus/build';
import { readGrids, readGridsFromBuffer, WorkbookReadError } from '../src/hosts/workbook/read';
import { readLibraryWorkbook } from '../src/hosts/workbook/library';
import { patchedCopy } from '../src/hosts/workbook/annotate';
import { checkGrids, FORMULA_ERROR_RULE } from '../src/core/check';
import { getLibrary } from '../src/core/library';
import { runCli, hasStack } from './helpers/cli';
import { FIXTURES } from './helpers/load';
import { ReportSchema } from '../src/core/report';

jest.setTimeout(180000);

const GOOD = path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx');
/** English words a zlib, ExcelJS or engine message would carry into the user's text. */
const ENGLISH = /\b(invalid|error|undefined|cannot|unexpected|exceeded|maximum|length|code point|stack)\b/i;

let dir: string;
const bytes = new Map<string, Buffer>();
const digest = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-corpus-'));
  for (const c of corpus) {
    const b = await c.make();
    bytes.set(c.file, b);
    fs.writeFileSync(path.join(dir, c.file), b);
  }
  fs.copyFileSync(GOOD, path.join(dir, 'zz-good.xlsx'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function outcome(c: CorpusCase): Promise<{ message?: string; tables?: number }> {
  try {
    const res = checkGrids(await readGridsFromBuffer(bytes.get(c.file) as Buffer));
    return { tables: res.tables.length };
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    return { message: (e as Error).message };
  }
}

describe('the reader', () => {
  it.each(corpus.map((c) => [c.file, c] as const))('%s', async (_f, c) => {
    const got = await outcome(c);
    if ('refuse' in c.expect) {
      expect(got.message).toMatch(c.expect.refuse);
      expect(got.message).toMatch(/[\u4e00-\u9fff]/);
      expect(got.message).not.toMatch(ENGLISH);
    } else {
      expect(got.message).toBeUndefined();
      if (c.expect.tables !== undefined) expect(got.tables).toBe(c.expect.tables);
    }
    // The file on disk reads the same way as the buffer.
    const fromFile = await readGrids(path.join(dir, c.file)).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(fromFile).toBe(got.message);
  });

  it('reads a cached formula error as a formula error, and no rule judges its text', async () => {
    const res = checkGrids(await readGridsFromBuffer(bytes.get('formula-errors.xlsx') as Buffer));
    const at = res.diagnostics.filter((d) => d.cell === 'F10' && d.table === 0);
    expect(at.map((d) => d.rule)).toEqual([FORMULA_ERROR_RULE]);
    expect(at[0].message).toContain('#DIV/0!');
  });

  it('never reads an external entity nor expands one', async () => {
    for (const f of ['external-entity.xlsx', 'billion-laughs.xlsx']) {
      const got = await outcome(corpus.find((c) => c.file === f) as CorpusCase);
      expect(got.message).toMatch(/DOCTYPE/);
      expect(got.message).not.toContain(XXE_SECRET);
    }
  });

  it('keeps workbook text out of object prototypes', async () => {
    const grids = await readGridsFromBuffer(bytes.get('proto-names.xlsx') as Buffer);
    expect(grids.map((g) => g.name)).toEqual(['__proto__', 'constructor']);
    const res = checkGrids(grids);
    expect(res.tables.map((t) => t.table.sheet)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as { hasOwnProperty: unknown }).hasOwnProperty).toBe('function');
    // The library import reads rows keyed by header text: a sheet of __proto__ headers is just unusable rows.
    const file = path.join(dir, 'proto-names.xlsx');
    const imp = await readLibraryWorkbook(file, getLibrary());
    expect(imp).toBeDefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    // Marks on sheets named __proto__ and constructor: the record keeps both (it crashed on "constructor").
    const diags = grids.map((g) => ({ sheet: g.name, cell: 'A1', severity: 'error' as const, rule: 'x.y', message: `${g.name} 的提示` }));
    const copy = await patchedCopy(file, diags);
    expect(copy).not.toBeNull();
    const back = await readGridsFromBuffer(copy!);
    expect(back.map((g) => g.name)).toEqual(['__proto__', 'constructor', 'ptcheck_record', '审核意见']);
    const record = back[2];
    let text = '';
    for (let r = 0; r < record.rowCount; r++) text += record.rawText(r, 1);
    expect(text).toContain('"__proto__":{');
    expect(text).toContain('"constructor":{');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('ptcheck check over the whole corpus', () => {
  it('reports every file, checks the good one, prints no stack trace and writes nothing over the inputs', async () => {
    const before = new Map(fs.readdirSync(dir).map((f) => [f, digest(fs.readFileSync(path.join(dir, f)))]));
    const r = await runCli(['check', dir, '--format', 'json']);
    expect(hasStack(r.out + r.err)).toBe(false);
    expect(r.err).not.toMatch(/内部错误/);
    expect(r.code).toBe(2);
    const report = ReportSchema.parse(JSON.parse(r.out));
    const byName = new Map(report.files.map((f) => [path.basename(f.file), f]));
    // A folder run takes workbook extensions only (legacy.xls is named on the command line in the next test).
    for (const c of corpus.filter((x) => x.file.endsWith('.xlsx'))) {
      const f = byName.get(c.file);
      expect(f).toBeDefined();
      const errorText = (f as { error?: string | null }).error;
      if ('refuse' in c.expect) expect(errorText).toMatch(c.expect.refuse);
      else expect(errorText ?? null).toBeNull();
    }
    const good = byName.get('zz-good.xlsx');
    expect(good && good.tables.length).toBe(6);
    const after = new Map(fs.readdirSync(dir).map((f) => [f, digest(fs.readFileSync(path.join(dir, f)))]));
    expect(after).toEqual(before);
  });

  it('the text report says each refusal in Chinese', async () => {
    const r = await runCli(['check', path.join(dir, 'bomb-rows-2gib.xlsx'), path.join(dir, 'legacy.xls'), path.join(dir, 'zz-good.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toMatch(/压缩比异常/);
    expect(r.out + r.err).toMatch(/Excel 97-2003/);
    expect(r.out + r.err).toMatch(/环保督查经费/);
    expect(hasStack(r.out + r.err)).toBe(false);
  });
});

describe('the other doors that read a workbook', () => {
  const refusals = corpus.filter((c) => 'refuse' in c.expect && /bomb|DOCTYPE|超出/.test(String((c.expect as { refuse: RegExp }).refuse) + c.file));

  it.each(refusals.map((c) => [c.file, c] as const))('check --out, fill and library --import refuse %s', async (_f, c) => {
    const pattern = (c.expect as { refuse: RegExp }).refuse;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-corpus-out-'));
    try {
      const input = path.join(dir, c.file);
      const checked = await runCli(['check', input, '--out', out]);
      expect(checked.code).toBe(2);
      expect(checked.out + checked.err).toMatch(pattern);
      const filled = await runCli(['fill', input, '--out', path.join(out, 'filled.xlsx')]);
      expect(filled.code).toBe(2);
      expect(filled.out + filled.err).toMatch(pattern);
      expect(fs.existsSync(path.join(out, 'filled.xlsx'))).toBe(false);
      await expect(readLibraryWorkbook(input, getLibrary())).rejects.toThrow(pattern);
      for (const r of [checked, filled]) expect(hasStack(r.out + r.err)).toBe(false);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

/**
 * Files check reads but no copy can be made of: the annotated copy is refused, never a crash or a polluted process.
 * (proto-names.xlsx is copied: the package writer keys nothing by workbook text, and the core's record keeps sheet
 * names in prototype-free maps; ExcelJS, which would be polluted, never sees it.)
 */
const NO_COPY: Record<string, RegExp> = {
  'invalid-code-point.xlsx': /文件已损坏，无法读取（内容无法解析）/,
};
/** Files the copy is refused for by the mark mechanism: a protected sheet is never marked, in any host. */
const MARKS_REFUSED: Record<string, RegExp> = { 'protected-sheet.xlsx': /受保护/ };

describe('check --out on every file check reads', () => {
  const readable = corpus.filter((c) => 'read' in c.expect);
  it.each(readable.map((c) => [c.file, c] as const))('%s', async (_f, c) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-corpus-out-'));
    try {
      const r = await runCli(['check', path.join(dir, c.file), '--out', out]);
      expect(r.err + r.out).not.toMatch(/内部错误/);
      expect(hasStack(r.out + r.err)).toBe(false);
      expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => /^\d+$/.test(k))).toEqual([]);
      const refused = NO_COPY[c.file] || MARKS_REFUSED[c.file];
      if (refused) {
        // Checked and reported; only the copy is refused, with a Chinese reason and no ExcelJS English.
        expect(r.code).toBe(2);
        expect(r.err).toMatch(refused);
        expect(r.err.split(c.file).join('')).not.toMatch(ENGLISH);
      } else {
        expect(r.err + r.out).not.toMatch(/无法读取/);
        expect(r.code).toBeLessThan(2);
        expect(fs.readdirSync(out).filter((f) => f.endsWith('.xlsx'))).toHaveLength(1);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("the playground's loader", () => {
  // The playground sniffs the first bytes itself (its own wording for empty, legacy and non-zip files).
  const OWN: Record<string, RegExp> = {
    'random-bytes.xlsx': /不是 .xlsx 工作簿/,
    'empty.xlsx': /文件是空的/,
    'csv-renamed.xlsx': /不是 .xlsx 工作簿/,
    'encrypted.xlsx': /旧版 .xls 或其他 Office 文件/,
    'legacy.xls': /旧版 .xls/,
  };
  it.each(corpus.map((c) => [c.file, c] as const))('%s', async (_f, c) => {
    const { loadXlsx, PlaygroundFileError } = await import('../src/playground/xlsx');
    const b = bytes.get(c.file) as Buffer;
    const data = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    const got = await loadXlsx(data).then(
      (l) => ({ sheets: l.sheets.length, message: undefined as string | undefined }),
      (e: Error) => {
        expect(e).toBeInstanceOf(PlaygroundFileError);
        return { sheets: 0, message: e.message };
      },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => /^\d+$/.test(k))).toEqual([]);
    if (OWN[c.file]) expect(got.message).toMatch(OWN[c.file]);
    else if ('refuse' in c.expect) expect(got.message).toMatch(c.expect.refuse);
    else if (c.file === 'invalid-code-point.xlsx') expect(got.message).toMatch(/无法打开（内容无法解析）/);
    else if (NO_COPY[c.file]) expect(got.message).toMatch(NO_COPY[c.file]);
    // The playground loads workbooks with ExcelJS, which such names would pollute: refused there.
    else if (c.file === 'proto-names.xlsx') expect(got.message).toMatch(/名为“__proto__”/);
    else expect(got.message).toBeUndefined();
    if (got.message) expect(got.message.split(c.file).join('')).not.toMatch(ENGLISH);
  });
});

describe('template fill of one very long table', () => {
  it('renders a table of 100,000 indicator rows (no spread of its cells into one call)', async () => {
    const { parseGrids } = await import('../src/core/parse');
    const { fillWorkbook } = await import('../src/core/template');
    const [table] = parseGrids(await readGrids(GOOD));
    const rows = table.indicators;
    const indicators = Array.from({ length: 100_000 }, (_, i) => ({ ...rows[i % rows.length], row: 9 + i }));
    const { ops } = fillWorkbook([{ ...table, indicators }], { layout: 'per-sheet' });
    expect(ops.sheets).toHaveLength(1);
    expect(ops.sheets[0].cells.length).toBeGreaterThan(100_000 * 4);
  });
});
