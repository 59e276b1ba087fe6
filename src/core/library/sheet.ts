// A library as a worksheet, both ways, so a department can keep its own indicators in Excel/WPS and bring
// them in. Pure: rows of strings out (the host writes them with ExcelJS), Grids in (the host reads them with
// the project's own reader). The layout is documented in README.md (指标库).
//
// Sheet 指标库, one indicator a row, header row first:
//   类型 | 一级 | 二级 | 三级 | 指标解释 | 单位 | 方向 | 指标值模板 | 依据 | 关键词 | 来源 | 编号 (optional)
// Sheet 项目类型 (optional), one project type a row: 类型 | 编号 | 关键词 | 说明
import { z } from 'zod';
import { Grid } from '../grid';
import { findProfile, matchL1, matchL2 } from '../profiles';
import { analyzeValue } from '../value';
import { libraryImportText as E, librarySheetText as S } from '../i18n/library';
import { BasisCategorySchema, Library, LibraryIndicator, LibraryIndicatorSchema, PolaritySchema, ProjectType } from './schema';
import { lookup } from './index';
import { nameKey, toHalfWidth } from './text';

type ColumnKey = keyof typeof S.columns;
/** The indicator sheet's columns, in the documented order. */
export const INDICATOR_COLUMNS: ColumnKey[] = ['type', 'l1', 'l2', 'l3', 'explanation', 'unit', 'polarity', 'template', 'basis', 'keywords', 'source', 'id'];
const REQUIRED_COLUMNS: ColumnKey[] = ['type', 'l1', 'l2', 'l3', 'template', 'basis'];
type TypeColumnKey = keyof typeof S.typeColumns;
const TYPE_COLUMNS: TypeColumnKey[] = ['name', 'id', 'keywords', 'description', 'class', 'source'];

/** Other header texts accepted for each column (a department's sheet need not match ours to the letter). */
const HEADER_ALIASES: { [k in ColumnKey]: string[] } = {
  type: ['类型', '项目类型', '类别'],
  l1: ['一级', '一级指标'],
  l2: ['二级', '二级指标'],
  l3: ['三级', '三级指标', '指标名称'],
  explanation: ['指标解释', '绩效指标描述', '指标描述', '指标说明', '解释'],
  unit: ['单位', '计量单位'],
  polarity: ['方向', '指标方向', '极性'],
  template: ['指标值模板', '指标值', '模板'],
  basis: ['依据', '指标值确定依据', '依据类别'],
  keywords: ['关键词', '关键字'],
  source: ['来源', '出处'],
  id: ['编号', 'id', 'ID'],
};
const TYPE_HEADER_ALIASES: { [k in TypeColumnKey]: string[] } = {
  name: ['类型', '项目类型', '类型名称', '名称'],
  id: ['编号', 'id', 'ID'],
  keywords: ['关键词', '关键字'],
  description: ['说明', '描述'],
  class: ['支出功能分类', '功能分类', '类'],
  source: ['来源', '出处'],
};

const LIST_SEP_RE = /[、，,;；\n]+/;
const splitList = (s: string) =>
  s
    .split(LIST_SEP_RE)
    .map((x) => x.trim())
    .filter(Boolean);
const clean = (s: string) => toHalfWidth(s).replace(/\s+/g, '');

// ---------------------------------------------------------------------------------------------------------
// Export.

export interface LibrarySheets {
  /** Header row first. */
  indicators: string[][];
  types: string[][];
}

/** The library as two sheets of text rows (header first), in the documented layout. */
export function libraryToSheets(lib: Library): LibrarySheets {
  const byId = lookup(lib).typeById;
  const typeName = (id: string) => (id === 'common' ? S.commonType : byId.has(id) ? byId.get(id)!.name : id);
  const indicators: string[][] = [INDICATOR_COLUMNS.map((k) => S.columns[k])];
  for (const i of lib.indicators) {
    // A 社会/生态环境成本 row is written in core2021 form: under classic (成本指标 under 产出) it would read back
    // as 经济成本.
    const place = i.core2021.l1 === '成本指标' && i.core2021.l2 !== '经济成本指标' ? i.core2021 : i;
    indicators.push([
      i.types.map(typeName).join('、'),
      place.l1,
      place.l2,
      i.l3,
      i.explanation,
      i.unit,
      i.polarity,
      i.valueTemplate,
      i.basis,
      i.keywords.join('、'),
      i.source,
      i.id,
    ]);
  }
  const types: string[][] = [TYPE_COLUMNS.map((k) => S.typeColumns[k])];
  for (const t of lib.types) types.push([t.name, t.id, t.keywords.join('、'), t.description, t.class || '', t.source || '']);
  return { indicators, types };
}

// ---------------------------------------------------------------------------------------------------------
// Import.

export interface LibraryImport {
  /** The department's own library (its types and indicators only): merge it with mergeLibraries. */
  library: Library;
  /** One Chinese message per row not taken (sheet, row number, reason). */
  issues: string[];
  /** Indicator rows read (taken or not). */
  rows: number;
}

/** FNV-1a, base 36: stable ids for rows that do not give one. */
function hashId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function findHeader<K extends string>(grid: Grid, aliases: { [k in K]: string[] }, required: K[]): { row: number; cols: Partial<Record<K, number>> } | null {
  const limit = Math.min(grid.rowCount, 15);
  for (let r = 0; r < limit; r++) {
    const cols: Partial<Record<K, number>> = {};
    for (const c of grid.filledCols(r)) {
      const t = clean(grid.effectiveText(r, c));
      for (const k of Object.keys(aliases) as K[]) if (cols[k] === undefined && aliases[k].indexOf(t) >= 0) cols[k] = c;
    }
    if (required.every((k) => cols[k] !== undefined)) return { row: r, cols };
  }
  return null;
}

const classic = () => findProfile('classic')!;
const core2021 = () => findProfile('core2021')!;

interface Placement {
  l1: string;
  l2: string;
  core2021: { l1: string; l2: string };
}

/** 一级/二级 as written under classic (成本 under 产出) or core2021 (成本指标 as 一级), for both profiles. */
function placementOf(l1Text: string, l2Text: string): Placement | string {
  const c = classic();
  const l1 = matchL1(c, l1Text);
  const l2 = l1 ? matchL2(c, l2Text, l1.role) : undefined;
  if (l1 && l2 && l2.parent === l1.role) {
    const core = l2.role === 'cost' ? { l1: '成本指标', l2: '经济成本指标' } : { l1: l1.name, l2: l2.name };
    return { l1: l1.name, l2: l2.name, core2021: core };
  }
  const p = core2021();
  const k1 = matchL1(p, l1Text);
  const k2 = k1 ? matchL2(p, l2Text, k1.role) : undefined;
  if (k1 && k2 && k2.parent === k1.role) {
    if (k1.role === 'cost') return { l1: '产出指标', l2: '成本指标', core2021: { l1: k1.name, l2: k2.name } };
    return { l1: k1.name, l2: k2.name, core2021: { l1: k1.name, l2: k2.name } };
  }
  if (!l1 && !k1) return E.unknownL1(l1Text);
  return E.unknownL2(l2Text, l1Text);
}

const SAMPLE = { budget: '50', unit: '万元', year: '2023', count: '10' };
const fillSample = (t: string) =>
  t.replace(/\{预算数\}/g, SAMPLE.budget).replace(/\{单位\}/g, SAMPLE.unit).replace(/\{年度\}/g, SAMPLE.year).replace(/\{数量\}/g, SAMPLE.count);

const BASIS_BY_PREFIX: Array<[RegExp, string]> = [
  [/^计划/, '计划标准'],
  [/^行业/, '行业标准'],
  [/^历史/, '历史标准'],
  [/^预算/, '预算支出标准'],
  [/^其他/, '其他标准'],
];

/** One indicator row as written; zod checks it and turns it into a library indicator (messages in Chinese). */
const SheetRowSchema = z
  .object({
    types: z.array(z.string()).min(1, E.required(S.columns.type)),
    l1: z.string().min(1, E.required(S.columns.l1)),
    l2: z.string().min(1, E.required(S.columns.l2)),
    l3: z.string().min(1, E.required(S.columns.l3)).min(2, E.tooShort(S.columns.l3, 2)).max(40, E.tooLong(S.columns.l3, 40)),
    explanation: z.string().min(1, E.required(S.columns.explanation)).min(8, E.tooShort(S.columns.explanation, 8)),
    unit: z.string(),
    polarity: z.string().transform((s, ctx) => {
      const p = PolaritySchema.safeParse(s);
      if (!p.success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: E.badPolarity(s) });
        return z.NEVER;
      }
      return p.data;
    }),
    template: z.string().min(1, E.required(S.columns.template)),
    basis: z.string().transform((s, ctx) => {
      const hit = BASIS_BY_PREFIX.find(([re]) => re.test(s));
      const p = BasisCategorySchema.safeParse(hit ? hit[1] : s);
      if (!s || !p.success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: s ? E.badBasis(s) : E.required(S.columns.basis) });
        return z.NEVER;
      }
      return p.data;
    }),
    keywords: z.array(z.string()),
    source: z.string(),
    id: z.string().refine((s) => !s || /^[a-z0-9-]+\.[a-z0-9-]+$/.test(s), (s) => ({ message: E.badId(s) })),
  })
  .superRefine((r, ctx) => {
    const place = placementOf(r.l1, r.l2);
    if (typeof place === 'string') ctx.addIssue({ code: z.ZodIssueCode.custom, message: place });
    const t = r.template;
    if (/[{}]/.test(t.replace(/\{(预算数|单位|年度|数量)\}/g, ''))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: E.badPlaceholder(t) });
      return;
    }
    if (t.indexOf('{单位}') >= 0 && t.indexOf('{预算数}{单位}') < 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: E.unitWithoutBudget(t) });
    // The template must make a value the checker accepts once filled, as the built-in ones do.
    const sample = fillSample(t);
    const v = analyzeValue(sample);
    const p = v.parsed;
    if (p.kind === 'malformed' || p.kind === 'empty' || (p.kind === 'qual' && !p.standard) || v.issues.some((x) => x.code !== 'missing-cmp')) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: E.badTemplate(t, sample) });
    } else if (r.polarity === '定性' && p.kind !== 'qual') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: E.polarityMismatch(r.polarity, t) });
    } else if (r.polarity !== '定性' && r.polarity && p.kind === 'qual') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: E.polarityMismatch(r.polarity, t) });
    }
  });

const TypeRowSchema = z.object({
  name: z.string().min(1, E.required(S.typeColumns.name)),
  id: z.string().refine((s) => !s || /^[a-z0-9-]+$/.test(s), (s) => ({ message: E.badTypeId(s) })),
  keywords: z.array(z.string()),
  description: z.string(),
  class: z.string(),
  source: z.string(),
});

/**
 * Reads a department's library from a workbook's grids: the sheet with the 指标库 header (and the optional
 * 项目类型 sheet). Type names (or ids) are resolved against `base`; new names become new types. Bad rows are
 * left out and reported; good rows are validated again by LibraryIndicatorSchema.
 */
export function libraryFromGrids(grids: Grid[], base: Library, version = 'department'): LibraryImport {
  const issues: string[] = [];
  const known = lookup(base);
  const types = new Map<string, ProjectType>();
  const byName = new Map<string, string>();

  // Project types first, so the indicator sheet can name them.
  for (const g of grids) {
    if (findHeader<ColumnKey>(g, HEADER_ALIASES, REQUIRED_COLUMNS)) continue;
    const h = findHeader<TypeColumnKey>(g, TYPE_HEADER_ALIASES, ['name', 'keywords']);
    if (!h) continue;
    for (let r = h.row + 1; r < g.rowCount; r++) {
      if (g.isBlankRow(r)) continue;
      const cell = (k: TypeColumnKey) => (h.cols[k] === undefined ? '' : g.effectiveText(r, h.cols[k]!).trim());
      const parsed = TypeRowSchema.safeParse({
        name: cell('name'),
        id: clean(cell('id')),
        keywords: splitList(cell('keywords')),
        description: cell('description'),
        class: cell('class'),
        source: cell('source'),
      });
      if (!parsed.success) {
        issues.push(E.typeRow(g.name, r + 1, parsed.error.issues.map((i) => i.message).join('；')));
        continue;
      }
      const t = parsed.data;
      const existing = known.typeByName.get(t.name);
      const id = t.id || (existing ? existing.id : 'dept-' + hashId(t.name));
      types.set(id, {
        id,
        name: t.name,
        keywords: t.keywords.length ? t.keywords : [t.name],
        description: t.description,
        // Optional fields stay absent when the sheet leaves them empty, as in the built-in data.
        ...(t.class ? { class: t.class } : {}),
        ...(t.source ? { source: t.source } : {}),
      });
      byName.set(t.name, id);
    }
  }

  const sheet = grids.map((g) => ({ g, h: findHeader<ColumnKey>(g, HEADER_ALIASES, REQUIRED_COLUMNS) })).find((x) => x.h);
  if (!sheet) {
    issues.unshift(E.noSheet);
    return { library: { version, types: Array.from(types.values()), indicators: [] }, issues, rows: 0 };
  }
  const { g } = sheet;
  const h = sheet.h!;
  const resolveType = (name: string): string => {
    if (name === S.commonType || name === 'common') return 'common';
    if (byName.has(name)) return byName.get(name)!;
    if (known.typeById.has(name)) return name;
    const t = known.typeByName.get(name);
    if (t) return t.id;
    // A type the base library does not know: a new one, recognised by its name.
    const id = 'dept-' + hashId(name);
    types.set(id, { id, name, keywords: [name], description: '' });
    byName.set(name, id);
    implicit.add(id);
    return id;
  };

  const implicit = new Set<string>();
  const indicators: LibraryIndicator[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  // 类型, 一级 and 二级 are often written once and merged (or left blank) down their rows.
  const carry: { [k: string]: string } = { type: '', l1: '', l2: '' };
  for (let r = h.row + 1; r < g.rowCount; r++) {
    if (g.isBlankRow(r)) continue;
    const cell = (k: ColumnKey) => (h.cols[k] === undefined ? '' : g.effectiveText(r, h.cols[k]!).trim());
    for (const k of ['type', 'l1', 'l2']) {
      const v = cell(k as ColumnKey);
      if (v) carry[k] = v;
    }
    rows++;
    const parsed = SheetRowSchema.safeParse({
      types: splitList(carry.type),
      l1: clean(carry.l1),
      l2: clean(carry.l2),
      l3: cell('l3'),
      explanation: cell('explanation'),
      unit: cell('unit'),
      polarity: clean(cell('polarity')),
      template: clean(cell('template')),
      basis: clean(cell('basis')),
      keywords: splitList(cell('keywords')),
      source: cell('source'),
      id: clean(cell('id')),
    });
    if (!parsed.success) {
      issues.push(E.row(g.name, r + 1, uniqueMessages(parsed.error.issues.map((i) => i.message)).join('；')));
      continue;
    }
    const row = parsed.data;
    const typeIds = row.types.map(resolveType);
    const key = typeIds[0] + '\u0000' + nameKey(row.l3);
    if (seen.has(key)) {
      issues.push(E.row(g.name, r + 1, E.duplicate(row.l3, seen.get(key)!)));
      continue;
    }
    seen.set(key, r + 1);
    const place = placementOf(row.l1, row.l2) as Placement;
    const ind = LibraryIndicatorSchema.safeParse({
      id: row.id || typeIds[0] + '.u' + hashId(nameKey(row.l3)),
      types: typeIds,
      l1: place.l1,
      l2: place.l2,
      l3: row.l3,
      core2021: place.core2021,
      explanation: row.explanation,
      unit: row.unit,
      polarity: row.polarity,
      valueTemplate: row.template,
      basis: row.basis,
      keywords: row.keywords,
      source: row.source || S.defaultSource,
    });
    if (!ind.success) {
      // Not reached for rows SheetRowSchema accepted; named by column all the same, never in zod's English.
      const col = (k: string | number) => (S.columns as Record<string, string>)[k === 'valueTemplate' ? 'template' : String(k)] || String(k);
      issues.push(E.row(g.name, r + 1, uniqueMessages(ind.error.issues.map((i) => E.invalid(col(i.path[0])))).join('；')));
      continue;
    }
    indicators.push(ind.data);
  }
  // A type named only by the indicator sheet is known to the classifier by its name and its indicators'
  // keywords (there is no 项目类型 row to give it keywords).
  for (const id of Array.from(implicit)) {
    const t = types.get(id)!;
    const words = [t.name];
    for (const i of indicators) if (i.types.indexOf(id) >= 0) for (const k of i.keywords) if (words.indexOf(k) < 0) words.push(k);
    types.set(id, { ...t, keywords: words });
  }
  return { library: { version, types: Array.from(types.values()), indicators }, issues, rows };
}

function uniqueMessages(ms: string[]): string[] {
  return ms.filter((m, i) => ms.indexOf(m) === i);
}
