// The bad-input corpus: every file is made here from a fixture or from nothing, so the repository holds no
// binary blobs for it. `npx tsx scripts/gen-bad-corpus.ts DIR` writes them out to try by hand.
//
// Each case says what the reader must do with it: `refuse` with a Chinese reason matching a pattern, or `read`
// (a legitimate shape, however odd) and then be checked. Bombs are built from one compressed segment repeated
// (zip.ts), so a 2 GiB part costs a few MB and milliseconds to make.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { deflated, RawEntry, repeated, writeZip } from './zip';

export const FIXTURE = path.resolve(__dirname, '../fixtures/002_f394b5ba38f6b2c8.xlsx');
const GiB = 1024 * 1024 * 1024;

export interface CorpusCase {
  /** File name in the corpus folder (the extension the user would see). */
  file: string;
  /** What it is, for the report. */
  what: string;
  make: () => Promise<Buffer>;
  /** refuse: the Chinese reason must match; read: the file reads (tables: at least that many found). */
  expect: { refuse: RegExp } | { read: true; tables?: number };
}

// ---------------------------------------------------------------------------------------------------------
// Building blocks.

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface SheetSpec {
  name: string;
  /** The worksheet part, whole (use sheetXml for the usual wrapper). */
  entry?: RawEntry;
  xml?: string;
  chart?: boolean;
}

export const sheetXml = (rows: string, after = '', before = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;

export const sstXml = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${items.length}" uniqueCount="${items.length}">${items
    .map((t) => `<si><t>${t}</t></si>`)
    .join('')}</sst>`;

/** A workbook package from its sheets; `sst` null leaves the shared strings part (and its relationship) out. */
export function book(sheets: SheetSpec[], opts: { sst?: RawEntry | string | null; sstRel?: boolean; styles?: RawEntry; extra?: RawEntry[]; workbookXml?: string } = {}): Buffer {
  const entries: RawEntry[] = [];
  const types = [
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`,
    `<Default Extension="xml" ContentType="application/xml"/>`,
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
  ];
  const rels: string[] = [];
  const tags: string[] = [];
  sheets.forEach((s, i) => {
    const n = i + 1;
    const part = s.chart ? `chartsheets/sheet${n}.xml` : `worksheets/sheet${n}.xml`;
    const type = s.chart ? 'chartsheet' : 'worksheet';
    rels.push(`<Relationship Id="rId${n}" Type="${REL}/${type}" Target="${part}"/>`);
    tags.push(`<sheet name="${s.name}" sheetId="${n}" r:id="rId${n}"/>`);
    types.push(`<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`);
    const entry = s.entry ? { ...s.entry, name: 'xl/' + part } : deflated('xl/' + part, s.xml ?? sheetXml(''));
    entries.push(entry);
  });
  const sst = opts.sst === undefined ? sstXml([]) : opts.sst;
  if (sst !== null || opts.sstRel) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (sst !== null) entries.push(typeof sst === 'string' ? deflated('xl/sharedStrings.xml', sst) : { ...sst, name: 'xl/sharedStrings.xml' });
  if (opts.styles) {
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
    entries.push({ ...opts.styles, name: 'xl/styles.xml' });
  }
  const wbXml =
    opts.workbookXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${tags.join('')}</sheets></workbook>`;
  return writeZip([
    deflated('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${types.join('')}</Types>`),
    deflated('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflated('xl/workbook.xml', wbXml),
    deflated('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`),
    ...entries,
    ...(opts.extra || []),
  ]);
}

/** The fixture's parts as text, changed by `edit`, zipped again (every part deflated). */
export async function fromFixture(edit: (parts: Map<string, string>) => void, extra: RawEntry[] = []): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fs.readFileSync(FIXTURE));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) parts.set(name, await zip.files[name].async('string'));
  edit(parts);
  return writeZip([...[...parts].map(([name, text]) => deflated(name, text)), ...extra]);
}

const replaceIn = (parts: Map<string, string>, part: string, from: string | RegExp, to: string) => {
  const before = parts.get(part) as string;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`corpus: ${String(from)} not in ${part}`);
  parts.set(part, after);
};
const SHEET = 'xl/worksheets/sheet1.xml';

/** A minimal OLE compound file whose directory names the given streams (what the reader sniffs). */
function cfb(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory starts at sector 1
  header.writeUInt32LE(4096, 56);
  header.writeInt32LE(-2, 60);
  header.writeInt32LE(-2, 68);
  for (let i = 0; i < 109; i++) header.writeInt32LE(i === 0 ? 0 : -1, 76 + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeInt32LE(-3, 0); // sector 0: FAT
  fat.writeInt32LE(-2, 4); // sector 1: directory, end of chain
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const n = Buffer.from(name + '\0', 'utf16le');
    n.copy(dir, i * 128);
    dir.writeUInt16LE(n.length, i * 128 + 64);
    dir[i * 128 + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, fat, dir]);
}

/** Random bytes from a fixed seed (the corpus is the same on every run). */
function randomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out[i] = seed >>> 24;
  }
  return out;
}

/** Chinese text that compresses like prose, not like one character repeated. */
function variedText(n: number): string {
  const chars = '绩效目标指标值年度预算资金项目完成率满意度数量质量时效成本社会经济生态可持续影响服务对象群众';
  const bytes = randomBytes(n, 11);
  let s = '';
  for (let i = 0; i < n; i++) s += chars[bytes[i] % chars.length];
  return s;
}

const fixtureBytes = () => fs.readFileSync(FIXTURE);

/** The fixture with ExcelJS's help, for shapes that are easiest to make through its model. */
async function viaExcelJs(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fixtureBytes() as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SHEET_HEAD = sheetXml('').split('<sheetData>')[0] + '<sheetData>';
const ROW = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;

// ---------------------------------------------------------------------------------------------------------
// The cases.

export const corpus: CorpusCase[] = [
  // Not a workbook at all.
  { file: 'random-bytes.xlsx', what: '随机字节', make: async () => randomBytes(64 * 1024, 7), expect: { refuse: /无法识别的文件格式/ } },
  { file: 'empty.xlsx', what: '空文件', make: async () => Buffer.alloc(0), expect: { refuse: /文件是空的/ } },
  {
    file: 'csv-renamed.xlsx',
    what: 'CSV 改名为 .xlsx',
    make: async () => Buffer.from('项目名称,预算数\n环保督查经费,100000\n', 'utf8'),
    expect: { refuse: /文本文件（如 CSV）/ },
  },
  {
    file: 'truncated.xlsx',
    what: '截断的压缩包',
    make: async () => fixtureBytes().subarray(0, 6000),
    expect: { refuse: /文件不完整/ },
  },
  {
    file: 'zip-without-workbook.xlsx',
    what: '不含工作簿的压缩包',
    make: async () => writeZip([deflated('readme.txt', 'hello')]),
    expect: { refuse: /不是 Excel 工作簿（缺少 xl\/workbook.xml）/ },
  },
  {
    file: 'encrypted.xlsx',
    what: '设置了打开密码的工作簿（OLE 容器）',
    make: async () => cfb(['EncryptionInfo', 'EncryptedPackage']),
    expect: { refuse: /打开密码/ },
  },
  { file: 'legacy.xls', what: 'Excel 97-2003 工作簿', make: async () => cfb(['Workbook', 'SummaryInformation']), expect: { refuse: /\.xls/ } },
  {
    file: 'ods-renamed.xlsx',
    what: '.ods 改名为 .xlsx',
    make: async () =>
      writeZip([
        { ...deflated('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), method: 0, data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
        deflated('content.xml', '<office:document-content/>'),
      ]),
    expect: { refuse: /OpenDocument/ },
  },
  {
    file: 'bad-deflate.xlsx',
    what: '压缩数据损坏（zlib: invalid bit length repeat 一类）',
    make: async () =>
      book([{ name: 'S', entry: { name: '', data: Buffer.from([0x05, 0xe0, 0xff, 0xff, 0xff, 0x00, 0x13, 0x37]), method: 8, size: 1000, crc: 0 } }]),
    expect: { refuse: /文件已损坏，无法读取（压缩数据损坏）/ },
  },

  // Bombs: each must stop after a few MB of work.
  {
    file: 'zip-bomb-shared-strings.xlsx',
    what: '共享字符串部件解压后约 800 MB（压缩包 0.8 MB）',
    make: async () => book([{ name: 'S' }], { sst: repeated('', `<sst xmlns="${NS}">`, ('<si><t>' + 'A'.repeat(1000) + '</t></si>').repeat(1000), 800, '</sst>') }),
    expect: { refuse: /压缩比异常|解压后超过/ },
  },
  {
    file: 'bomb-rows-2gib.xlsx',
    what: '2 GiB 的行，压缩后约 8 MB',
    make: async () => {
      const seg = ROW(1, '<c r="A1" t="n"><v>1</v></c>').repeat(8192);
      return book([{ name: 'S', entry: repeated('', SHEET_HEAD, seg, Math.floor((2 * GiB) / seg.length), '</sheetData></worksheet>', 100_000) }]);
    },
    expect: { refuse: /压缩比异常|解压后超过/ },
  },
  {
    file: 'bomb-rows-declared.xlsx',
    what: '目录声明工作表解压后 300 MB',
    make: async () => book([{ name: 'S', entry: { ...deflated('', sheetXml(ROW(1, '<c><v>1</v></c>'))), size: 300 * 1024 * 1024 } }]),
    expect: { refuse: /解压后超过 256 MB/ },
  },
  {
    file: 'bomb-unclosed-row-2gib.xlsx',
    what: '一行 2 GiB 未结束',
    make: async () =>
      book([{ name: 'S', entry: repeated('', SHEET_HEAD + '<row r="1">', '<c><v>1</v></c>'.repeat(65536), 2048, '', 5000) }]),
    expect: { refuse: /压缩比异常/ },
  },
  {
    file: 'unclosed-row-20mib.xlsx',
    what: '一行 20 MiB 未结束（数据多样，压缩比正常）',
    make: async () => {
      // Digits vary enough that the ratio stays low: the row limit has to catch it.
      const chunk = Array.from({ length: 4096 }, (_, i) => `<c><v>${(i * 7919) % 100003}</v></c>`).join('');
      return book([{ name: 'S', entry: repeated('', SHEET_HEAD + '<row r="1">', chunk, Math.ceil((20 * 1024 * 1024) / chunk.length), '') }]);
    },
    expect: { refuse: /第 1 行附近的数据超过 16 MB 仍未结束/ },
  },
  {
    file: 'bomb-1gib-shared-string.xlsx',
    what: '一个 1 GiB 的共享字符串',
    make: async () => book([{ name: 'S' }], { sst: repeated('', `<sst xmlns="${NS}"><si><t>`, '绩'.repeat(349525), 1024, '</t></si></sst>', 5000) }),
    expect: { refuse: /压缩比异常/ },
  },
  {
    file: 'bomb-70m-shared-strings.xlsx',
    what: '7000 万个共享字符串',
    make: async () => book([{ name: 'S' }], { sst: repeated('', `<sst xmlns="${NS}">`, '<si><t>a</t></si>'.repeat(60000), 1167, '</sst>', 1000) }),
    expect: { refuse: /压缩比异常|共享字符串超过/ },
  },
  {
    file: 'many-shared-strings.xlsx',
    what: '1,000,001 个不同的共享字符串（压缩比正常）',
    make: async () => book([{ name: 'S' }], { sst: sstXml(Array.from({ length: 1_000_001 }, (_, i) => 'k' + ((i * 2654435761) >>> 0).toString(36))) }),
    expect: { refuse: /共享字符串超过 1000000 个/ },
  },
  {
    file: 'bomb-styles-2gib.xlsx',
    what: '2 GiB 的 styles.xml',
    make: async () => book([{ name: 'S' }], { styles: repeated('', `<styleSheet xmlns="${NS}"><numFmts>`, '<numFmt numFmtId="200" formatCode="0.00"/>'.repeat(1000), Math.floor((2 * GiB) / 42000), '</numFmts></styleSheet>', 3000) }),
    expect: { refuse: /styles\.xml.*(压缩比异常|解压后超过)/ },
  },

  // Past Excel's sheet size, and references that do not exist.
  {
    file: 'row-4294967296.xlsx',
    what: '行号 r="4294967296"',
    make: async () => book([{ name: 'S', xml: sheetXml(ROW(1, '<c r="A1" t="inlineStr"><is><t>x</t></is></c>') + '<row r="4294967296"><c r="A4294967296"><v>1</v></c></row>') }]),
    expect: { refuse: /行号 4294967296 超出 Excel 的上限/ },
  },
  {
    file: 'merge-H1-H99999999999.xlsx',
    what: '合并区域 H1:H99999999999',
    make: () => fromFixture((p) => replaceIn(p, SHEET, '<mergeCells count="138">', '<mergeCells count="139"><mergeCell ref="H1:H99999999999"/>')),
    expect: { refuse: /合并区域 H1:H99999999999 超出/ },
  },
  {
    file: 'merge-past-XFD.xlsx',
    what: '合并区域超过 XFD 列（XFD1:XFE3）',
    make: () => fromFixture((p) => replaceIn(p, SHEET, '<mergeCells count="138">', '<mergeCells count="139"><mergeCell ref="XFD1:XFE3"/>')),
    expect: { refuse: /合并区域 XFD1:XFE3 超出/ },
  },
  {
    file: 'cell-ZZZZZ.xlsx',
    what: '单元格引用 ZZZZZ1（超出 XFD）',
    make: () => fromFixture((p) => replaceIn(p, SHEET, '<c r="B1" s="1"/>', '<c r="ZZZZZ1" t="inlineStr"><is><t>x</t></is></c>')),
    expect: { refuse: /超出 Excel 的最后一列/ },
  },
  {
    file: 'missing-shared-strings.xlsx',
    what: '单元格引用共享字符串，但缺少 sharedStrings 部件',
    make: () =>
      fromFixture((p) => {
        p.delete('xl/sharedStrings.xml');
      }),
    expect: { refuse: /缺少部件 xl\/sharedStrings.xml|缺少共享字符串部件/ },
  },
  {
    file: 'missing-shared-strings-no-rel.xlsx',
    what: '单元格引用共享字符串，工作簿也没有声明该部件',
    make: async () => book([{ name: 'S', xml: sheetXml(ROW(1, '<c r="A1" t="s"><v>0</v></c>')) }], { sst: null }),
    expect: { refuse: /缺少共享字符串部件/ },
  },
  {
    file: 'long-cell-1000000.xlsx',
    what: '一个 1,000,000 字符的单元格',
    make: async () => book([{ name: 'S', xml: sheetXml(ROW(1, `<c r="A1" t="inlineStr"><is><t>${variedText(1_000_000)}</t></is></c>`)) }]),
    expect: { refuse: /1000000 字符，超过 Excel 单元格的上限/ },
  },
  {
    file: 'invalid-code-point.xlsx',
    what: '字符引用 &#x110000;（JavaScript: Invalid code point）',
    make: () => fromFixture((p) => replaceIn(p, 'xl/sharedStrings.xml', '<t>全覆盖</t>', '<t>全覆盖&#x110000;&#0;</t>')),
    expect: { read: true, tables: 6 },
  },

  // XML attacks: nothing expanded, nothing fetched.
  {
    file: 'billion-laughs.xlsx',
    what: '实体膨胀（billion laughs）',
    make: () =>
      fromFixture((p) => {
        const dtd =
          '<!DOCTYPE sst [<!ENTITY lol "lol">' +
          Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
          ']>';
        replaceIn(p, 'xl/sharedStrings.xml', /<sst /, dtd + '<sst ');
        replaceIn(p, 'xl/sharedStrings.xml', '<t>全覆盖</t>', '<t>&lol9;</t>');
      }),
    expect: { refuse: /DOCTYPE/ },
  },
  {
    file: 'external-entity.xlsx',
    what: '外部实体指向本机文件',
    make: () =>
      fromFixture((p) => {
        replaceIn(p, 'xl/sharedStrings.xml', /<sst /, `<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://${XXE_TARGET}">]><sst `);
        replaceIn(p, 'xl/sharedStrings.xml', '<t>全覆盖</t>', '<t>&xxe;</t>');
      }),
    expect: { refuse: /DOCTYPE/ },
  },

  // Prototype pollution: names that are object keys in JavaScript.
  {
    file: 'proto-names.xlsx',
    what: '工作表名 __proto__、constructor，共享字符串 __proto__、constructor、toString',
    make: () =>
      fromFixture((p) => {
        replaceIn(p, 'xl/workbook.xml', 'name="项目绩效目标表"', 'name="__proto__"');
        replaceIn(p, 'xl/workbook.xml', '</sheets>', '<sheet name="constructor" sheetId="2" r:id="rId4"/></sheets><definedNames><definedName name="__proto__">__proto__!$A$1</definedName></definedNames>');
        replaceIn(p, 'xl/sharedStrings.xml', '<t>全覆盖</t>', '<t>__proto__</t>');
        replaceIn(p, 'xl/sharedStrings.xml', '<t>全年度</t>', '<t>constructor</t>');
        replaceIn(p, 'xl/sharedStrings.xml', '<t>依据政府相关文件</t>', '<t>hasOwnProperty</t>');
      }),
    expect: { read: true, tables: 12 },
  },

  // Legitimate shapes, however odd: they read, and the check goes on.
  {
    file: 'dimension-1048576-rows.xlsx',
    what: '维度声明 1,048,576 行',
    make: () => fromFixture((p) => replaceIn(p, SHEET, '<dimension ref="A1:G118"/>', '<dimension ref="A1:G1048576"/>')),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'dimension-16384-cols.xlsx',
    what: '维度声明 16,384 列',
    make: () => fromFixture((p) => replaceIn(p, SHEET, '<dimension ref="A1:G118"/>', '<dimension ref="A1:XFD118"/>')),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'last-cell-XFD1048576.xlsx',
    what: '最后一个单元格 XFD1048576 有内容',
    make: () => fromFixture((p) => replaceIn(p, SHEET, '</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>末</t></is></c></row></sheetData>')),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'height-only-rows.xlsx',
    what: '表后 200,000 行只有行高（<row ht="15" customHeight="1"/>）',
    make: () =>
      fromFixture((p) =>
        replaceIn(p, SHEET, '</sheetData>', Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 200}" ht="15" customHeight="1"/>`).join('') + '</sheetData>'),
      ),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'merges-50000.xlsx',
    what: '50,000 个合并区域',
    make: () =>
      fromFixture((p) =>
        replaceIn(
          p,
          SHEET,
          '<mergeCells count="138">',
          '<mergeCells count="50138">' + Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="J${2 * i + 1}:K${2 * i + 2}"/>`).join(''),
        ),
      ),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'merges-overlapping.xlsx',
    what: '相互重叠的合并区域',
    make: () => fromFixture((p) => replaceIn(p, SHEET, '<mergeCells count="138">', '<mergeCells count="140"><mergeCell ref="J1:L3"/><mergeCell ref="K2:M4"/>')),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'formula-errors.xlsx',
    what: '指标值是公式错误 #DIV/0!（缓存值）',
    make: () => fromFixture((p) => replaceIn(p, SHEET, '<c r="F10" s="6" t="s"><v>30</v></c>', '<c r="F10" s="6" t="e"><f>1/0</f><v>#DIV/0!</v></c>')),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'numbers-as-text.xlsx',
    what: '数字存为文本（预算数）',
    make: () =>
      viaExcelJs((wb) => {
        const ws = wb.worksheets[0];
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (typeof c.value === 'number') c.value = String(c.value);
          }),
        );
      }),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'dates-as-serials.xlsx',
    what: '日期存为序列号（带日期格式与不带）',
    make: () =>
      viaExcelJs((wb) => {
        const ws = wb.worksheets[0];
        ws.getCell('J1').value = 45000;
        ws.getCell('J1').numFmt = 'yyyy"年"m"月"d"日"';
        ws.getCell('J2').value = 45000;
      }),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'rich-text.xlsx',
    what: '富文本（多段格式）',
    make: () =>
      viaExcelJs((wb) => {
        wb.worksheets[0].getCell('C10').value = { richText: [{ text: '召开年度', font: { bold: true } }, { text: '工作会议次数', font: { italic: true } }] };
      }),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'hidden-rows-sheets.xlsx',
    what: '隐藏的行与隐藏的工作表',
    make: () =>
      viaExcelJs((wb) => {
        wb.worksheets[0].getRow(11).hidden = true;
        const h = wb.addWorksheet('隐藏表', { state: 'hidden' });
        h.getCell('A1').value = '隐藏的内容';
        wb.addWorksheet('深度隐藏', { state: 'veryHidden' }).getCell('A1').value = 'x';
      }),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'protected-sheet.xlsx',
    what: '受保护的工作表',
    make: async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fixtureBytes() as unknown as ArrayBuffer);
      await wb.worksheets[0].protect('secret', { selectLockedCells: true });
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
    expect: { read: true, tables: 6 },
  },
  {
    file: 'chart-only.xlsx',
    what: '只有图表工作表',
    make: async () =>
      book([{ name: '图表1', chart: true, xml: `<chartsheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>` }]),
    expect: { read: true, tables: 0 },
  },
  {
    file: 'wps-saved.xlsx',
    what: 'WPS 保存的工作簿（自有扩展部件：cellimages.xml、custom.xml、etc 命名空间）',
    make: () =>
      fromFixture(
        (p) => {
          replaceIn(
            p,
            'xl/_rels/workbook.xml.rels',
            '</Relationships>',
            '<Relationship Id="rIdW" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>',
          );
          replaceIn(p, 'xl/workbook.xml', '<workbook ', '<workbook xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" ');
          replaceIn(
            p,
            SHEET,
            '</worksheet>',
            '<extLst><ext uri="{F2E6D5A5-0000-4F5E-B2B5-WPS}"><etc:sheetExt xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"/></ext></extLst></worksheet>',
          );
        },
        [
          deflated(
            'xl/cellimages.xml',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"/>',
          ),
          deflated(
            'docProps/custom.xml',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.11045</vt:lpwstr></property></Properties>',
          ),
        ],
      ),
    expect: { read: true, tables: 6 },
  },
  {
    file: 'duplicate-sheet-names.xlsx',
    what: '两个同名工作表',
    make: () => fromFixture((p) => replaceIn(p, 'xl/workbook.xml', '</sheets>', '<sheet name="项目绩效目标表" sheetId="2" r:id="rId4"/></sheets>')),
    expect: { read: true, tables: 12 },
  },
  {
    file: 'doctype-plain.xlsx',
    what: '不含实体的 DOCTYPE 声明',
    make: () => fromFixture((p) => replaceIn(p, 'xl/workbook.xml', '<workbook ', '<!DOCTYPE workbook><workbook ')),
    expect: { refuse: /DOCTYPE/ },
  },
];

/** The file the external-entity case points at: if its text ever shows up in output, the entity was read. */
export const XXE_TARGET = path.resolve(__dirname, 'xxe-secret.txt');
export const XXE_SECRET = 'XXE-SECRET-6f1d2c';
