// The fuzzed properties, shared by test/fuzz.test.ts (a small run in `npm test`) and `npm run fuzz` (the same
// properties with ≥ 100,000 generated values, fixed seed). Each property records the worst time one input took,
// so the run can say how close the code comes to the bound, not only that it stayed under it.
import fc from 'fast-check';
import { performance } from 'perf_hooks';
import { analyzeValue, parseNumber, splitMoneyUnit } from '../../src/core/value';
import { columnRole, isPlanMonth, isTitle, metaLabel, moneyUnitOf, normLabel, titleNumber } from '../../src/core/labels';
import { Grid } from '../../src/core/grid';
import { parseGrids } from '../../src/core/parse';
import { checkTables } from '../../src/core/check';
import { fillWorkbook, Layout } from '../../src/core/template';
import { opsToGrids } from '../../src/core/template/ops';
import { layOutTable, TableRow } from '../helpers/table';
import { normalise } from '../helpers/template';

export const SEED = 20261202;

/** What the spreadsheets of this domain are made of: the tokens a hostile or careless cell recombines. */
const TOKENS = [
  '≥', '≤', '>', '<', '=', '＝', '≧', '％', '%', '‰', '万元', '元', '个', '次', '人', '年', '月', '日', '底', '前', '内', '以上', '以下',
  '不低于', '不高于', '达到', '完成', '提高', '降低', '满意度', '数量指标', '质量指标', '时效指标', '成本指标', '产出指标', '效益指标',
  '满意度指标', '一级指标', '二级指标', '三级指标', '指标值', '绩效目标', '项目名称', '项目编码', '预算数', '单位：', '单位：万元',
  '1', '0', '9', '100', '90', '.', '．', ',', '，', '、', '-', '—', '~', '～', '(', ')', '（', '）', '{', '}', 'X', 'x', '×', '*', '…', '.',
  ' ', '\u3000', '\n', '\t', '\u00a0', '１', '０', '２０２３', '绩效目标表', '1.', '3月底', '6月底', '12月底', '_x000D_', '&', '"', "'",
];

const token = fc.constantFrom(...TOKENS);

/**
 * Cell text: arbitrary Unicode, token soup, and long runs of one or two tokens (the shape that makes a
 * backtracking pattern blow up), up to 10,000 characters.
 */
export const cellText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 200, unit: 'binary' }) },
  { weight: 4, arbitrary: fc.array(token, { maxLength: 60 }).map((xs) => xs.join('')) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(token, { minLength: 1, maxLength: 3 }), fc.integer({ min: 100, max: 4000 }), fc.string({ maxLength: 3 }))
      .map(([unit, n, tail]) => unit.join('').repeat(n).slice(0, 10000) + tail),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 5000, maxLength: 10000, unit: 'grapheme' }) },
);

export interface Timed {
  /** Worst milliseconds one generated input took. */
  worst: number;
  runs: number;
}

function timed(t: Timed, work: () => void): void {
  const t0 = performance.now();
  work();
  const ms = performance.now() - t0;
  t.runs++;
  if (ms > t.worst) t.worst = ms;
}

export const valueGrammar = (t: Timed) =>
  fc.property(cellText, (s) =>
    timed(t, () => {
      const a = analyzeValue(s);
      if (!a || !a.parsed) throw new Error('no reading');
      parseNumber(s);
      splitMoneyUnit(s);
    }),
  );

export const labelRecognition = (t: Timed) =>
  fc.property(cellText, (s) =>
    timed(t, () => {
      normLabel(s);
      columnRole(s);
      metaLabel(s);
      isTitle(s);
      moneyUnitOf(s);
      titleNumber(s);
      isPlanMonth(s);
    }),
  );

/** A sheet of token soup and label words, with random (possibly overlapping) merges. */
const sheet = fc
  .record({
    cells: fc.array(fc.tuple(fc.nat(40), fc.nat(9), fc.oneof(cellText, token)), { maxLength: 200 }),
    merges: fc.array(fc.tuple(fc.nat(40), fc.nat(9), fc.nat(4), fc.nat(3)), { maxLength: 20 }),
  })
  .map(({ cells, merges }) => {
    const g = new Grid('S');
    for (const [r, c, v] of cells) g.setCell(r, c, { value: v });
    for (const [r, c, h, w] of merges) if (h || w) g.addMerge({ top: r, left: c, bottom: r + h, right: c + w });
    return g;
  });

export const detectionAndParsing = (t: Timed) =>
  fc.property(sheet, (g) =>
    timed(t, () => {
      const tables = parseGrids([g]);
      checkTables(tables);
    }),
  );

// ---------------------------------------------------------------------------------------------------------
// parse(render(table)) = table

const L2: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};
/** Text a clerk could type in a field: Chinese words and numbers, no label words that would change the layout. */
const fieldText = fc
  .array(fc.constantFrom('道路', '维修', '公里', '培训', '人次', '覆盖率', '及时', '群众', '环境', '资金', '完成', '12', '95', '年度', '项目'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((xs) => xs.join(''));
const valueText = fc.oneof(
  fc.tuple(fc.constantFrom('≥', '≤', '=', ''), fc.integer({ min: 1, max: 999 }), fc.constantFrom('%', '个', '次', '人', '万元', '天')).map(([a, b, c]) => `${a}${b}${c}`),
  fc.constantFrom('优', '良好', '按时完成', '有效提升'),
);
const indicatorRow: fc.Arbitrary<TableRow> = fc.constantFrom(...Object.keys(L2)).chain((l1) =>
  fc.record({
    l1: fc.constant(l1),
    l2: fc.constantFrom(...L2[l1]),
    l3: fieldText,
    desc: fieldText,
    value: valueText,
    basis: fc.constantFrom('计划标准', '行业标准', '历史标准', '预算支出标准'),
  }),
);
export const generatedTable = fc.record({
  meta: fc.record({
    name: fieldText.map((s) => s + '经费'),
    code: fc.stringMatching(/^13[0-9]{6}P[0-9A-Z]{10}$/),
    unit: fc.constantFrom('万元', '元'),
    budget: fc.integer({ min: 1, max: 99999 }).map(String),
    purpose: fieldText,
    goals: fieldText,
  }),
  rows: fc.array(indicatorRow, { minLength: 1, maxLength: 15 }),
});

export const renderParse = (t: Timed, layout: Layout) =>
  fc.property(generatedTable, ({ meta, rows }) =>
    timed(t, () => {
      const source = parseGrids([layOutTable(meta, rows).grid]);
      if (source.length !== 1) throw new Error(`generated table read as ${source.length} tables`);
      const back = parseGrids(opsToGrids(fillWorkbook(source, { layout }).ops));
      const a = normalise(source[0]);
      const b = normalise(back[0]);
      if (back.length !== 1 || JSON.stringify(a) !== JSON.stringify(b)) {
        throw new Error(`round trip differs:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
      }
    }),
  );

/** Every property with its share of the runs (the parsers get the most: they meet every cell). */
export const PROPERTIES: { name: string; share: number; make: (t: Timed) => fc.IProperty<[unknown]> }[] = [
  { name: '指标值 grammar (analyzeValue, parseNumber, splitMoneyUnit)', share: 0.4, make: valueGrammar as never },
  { name: 'label recognition (labels.ts)', share: 0.3, make: labelRecognition as never },
  { name: 'table detection and parsing + rules (parseGrids, checkTables)', share: 0.2, make: detectionAndParsing as never },
  { name: 'parse(render(table)) = table, per-sheet', share: 0.05, make: ((t: Timed) => renderParse(t, 'per-sheet')) as never },
  { name: 'parse(render(table)) = table, stacked', share: 0.05, make: ((t: Timed) => renderParse(t, 'stacked')) as never },
];

/** Runs every property with `total` generated values split by share; returns each property's worst time. */
export function runAll(total: number, seed = SEED): { name: string; runs: number; worst: number }[] {
  return PROPERTIES.map((p) => {
    const t: Timed = { worst: 0, runs: 0 };
    fc.assert(p.make(t), { seed, numRuns: Math.max(10, Math.round(total * p.share)), endOnFailure: true });
    return { name: p.name, runs: t.runs, worst: t.worst };
  });
}
