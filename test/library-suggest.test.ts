// The library at run time, the project classifier and the suggester: real fixture projects, the value every
// suggestion carries (it must pass the project's own checker), and the department library worksheet.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadGrids, FIXTURES } from './helpers/load';
import { layOutTable, TableRow } from './helpers/table';
import { parseGrids } from '../src/core/parse';
import { checkGrids } from '../src/core/check';
import { displayName, TargetTable } from '../src/core/model';
import { Grid } from '../src/core/grid';
import { Library, LibrarySchema, commonIndicators, getAliases, getLibrary, indicatorById, indicatorsOfType, lookup, mergeLibraries, typeById } from '../src/core/library';
import { classify } from '../src/core/library/classify';
import { cleanText, normalise } from '../src/core/library/text';
import { extractQuantities } from '../src/core/library/quantity';
import { suggest, Suggestion } from '../src/core/library/suggest';
import { libraryFromGrids, libraryToSheets, INDICATOR_COLUMNS } from '../src/core/library/sheet';
import { readLibraryWorkbook, writeLibraryWorkbook } from '../src/hosts/workbook/library';
import { noGoodFitText } from '../src/core/i18n/library';
import { renderSuggestText } from '../src/cli/library-text';

jest.setTimeout(120000);

interface Project {
  id: string;
  table: TargetTable;
}

const projects: Project[] = [];

beforeAll(async () => {
  const files = fs
    .readdirSync(FIXTURES)
    .filter((f) => /^\d+_[0-9a-f]+\.xlsx$/.test(f))
    .sort();
  for (const f of files) for (const t of parseGrids(await loadGrids(path.join(FIXTURES, f)))) projects.push({ id: f.slice(0, 3) + '#' + t.no, table: t });
});

const byName = (name: string) => projects.find((p) => displayName(p.table) === name)!.table;
const textOf = (t: TargetTable) => ({ name: displayName(t), purpose: t.purpose.text, goals: t.goals.text });

describe('the library at run time', () => {
  it('validates the built-in data once and serves lookups', () => {
    const lib = getLibrary();
    expect(getLibrary()).toBe(lib);
    expect(() => LibrarySchema.parse(lib)).not.toThrow();
    expect(typeById('meeting')!.name).toBe('会议');
    expect(lookup().typeByName.get('政务平台')!.id).toBe('gov-platform');
    expect(indicatorById(indicatorsOfType('meeting')[0].id)!.types).toContain('meeting');
    expect(commonIndicators().length).toBeGreaterThan(0);
    expect(commonIndicators().every((i) => i.types.includes('common'))).toBe(true);
  });

  it('keeps the alias table as valid data', () => {
    const aliases = getAliases();
    expect(aliases.length).toBeGreaterThan(50);
    const map = new Map(aliases);
    expect(map.get('运维')).toContain('维护');
    expect(map.get('网站')).toContain('政务平台');
    expect(map.get('两会')).toContain('会议');
  });

  it('merges a department library: same id replaces, same 三级 in a type replaces, new ones are added, types merge', () => {
    const base = getLibrary();
    const first = indicatorsOfType('meeting')[0];
    const second = indicatorsOfType('meeting')[1];
    const extra: Library = {
      version: 'dept',
      types: [
        { id: 'meeting', name: '会议', keywords: ['年会筹备'], description: '' },
        { id: 'secrecy', name: '保密管理', keywords: ['保密', '保密检查', '涉密载体'], description: '保密检查、涉密载体管理和保密宣传教育。' },
      ],
      indicators: [
        { ...first, valueTemplate: '≥{数量}场', explanation: '部门改写的解释：按会议纪要统计召开场次。' },
        { ...second, id: 'meeting.dept1', explanation: '同名改写，没有编号也应替换内置的这一项。' },
        {
          ...first,
          id: 'secrecy.01',
          types: ['secrecy'],
          l3: '涉密载体销毁件数',
          explanation: '反映年内集中销毁的涉密载体件数。按销毁清单统计。',
          valueTemplate: '≥{数量}件',
          unit: '件',
          keywords: ['涉密载体'],
        },
      ],
    };
    const merged = mergeLibraries(base, extra);
    expect(merged.indicators.length).toBe(base.indicators.length + 1);
    expect(merged.indicators.find((i) => i.id === first.id)!.explanation).toContain('部门改写');
    expect(merged.indicators.find((i) => i.id === second.id)).toBeUndefined();
    expect(merged.indicators.find((i) => i.id === 'meeting.dept1')!.l3).toBe(second.l3);
    expect(merged.types.length).toBe(base.types.length + 1);
    expect(merged.types.find((t) => t.id === 'meeting')!.keywords).toEqual(expect.arrayContaining(['会议', '年会筹备']));
    expect(() => LibrarySchema.parse(merged)).not.toThrow();
    // The inputs are not changed.
    expect(base.indicators.find((i) => i.id === first.id)!.explanation).not.toContain('部门改写');
    // And the merged library is used by the classifier and the suggester.
    expect(classify({ name: '保密检查和涉密载体管理经费' }, { library: merged })[0].id).toBe('secrecy');
    const res = suggest({ name: '保密检查和涉密载体管理经费', goals: '集中销毁涉密载体1200件' }, { library: merged });
    expect(res.suggestions.find((s) => s.id === 'secrecy.01')!.value).toBe('≥1200件');
  });
});

describe('normalising project text', () => {
  it('turns full-width forms half-width, unifies brackets and strips 文号', () => {
    expect(cleanText('ＡＢＣ１２３（％）')).toBe('ABC123(%)');
    expect(cleanText('廊财行【2020】38号经开区村级组织运转经费')).not.toMatch(/38号|2020/);
    expect(cleanText('依据冀财社2021152号文件')).not.toMatch(/2021152号/);
    expect(cleanText('财预〔2021〕101号')).not.toMatch(/101号/);
  });

  it('drops amounts, years, dates and list numbering for matching', () => {
    const n = normalise('1.2021年支付护林员工资22.4万元，3月底前完成95%');
    expect(n).not.toMatch(/2021|22\.4|95|3月/);
    expect(n).toContain('护林员工资');
  });

  it('reads quantities with what they count, and not amounts, ranks or formulas', () => {
    const q = extractQuantities('对城区8个微型空气站进行定期维护；村干部55名；两座小型水库；排名前2名；7*4202=29414元；1000人口以下；护林员工资22.4万元');
    expect(q.map((x) => x.value + x.unit)).toEqual(['8个', '55名', '2座']);
    expect(q[0].after).toContain('空气站');
  });
});

describe('classifying fixture projects', () => {
  const top = (name: string, n = 1) => {
    const t = byName(name);
    return classify(textOf(t)).slice(0, n).map((x) => x.id);
  };

  it('城区微型站运维费 → 环境监测 / 信息化运维 at the top', () => {
    expect(top('城区微型站运维费', 2).sort()).toEqual(['env-monitoring', 'it-ops']);
    expect(classify({ name: '城区微型站运维费' })[0].id).toMatch(/^(env-monitoring|it-ops)$/);
  });

  it('企业上市奖励经费 → 招商引资 / 金融', () => {
    expect(top('企业上市奖励经费')[0]).toMatch(/^(investment|finance)$/);
    expect(classify({ name: '企业上市奖励经费' })[0].id).toMatch(/^(investment|finance)$/);
  });

  it('环保督查经费 → 环保督察', () => {
    expect(top('环保督查经费')).toEqual(['env-inspection']);
    expect(classify({ name: '环保督查经费' })[0].id).toBe('env-inspection');
  });

  it('村党组织活动经费 → 党建 / 村级组织', () => {
    expect(top('村党组织活动经费')[0]).toMatch(/^(party|village)$/);
    expect(classify({ name: '廊财行【2020】38号经开区提前下达2021年市级村级组织运转经费-村党组织活动经费' }).slice(0, 2).map((t) => t.id).sort()).toEqual(['party', 'village']);
  });

  it('more names: each to its own type', () => {
    const cases: Array<[string, string]> = [
      ['县政府法律顾问聘用款', 'legal'],
      ['县志编制费及乐亭年鉴编撰出版经费', 'chronicles'],
      ['电子政务外网升级改造', 'it-build'],
      ['农村公路养护', 'road'],
      ['人大工作经费', 'meeting'],
      ['社区居家养老服务费', 'civil-affairs'],
      ['推行河长制项目资金', 'river-forest'],
      ['信访维稳专项', 'petition'],
      ['职工体检专项经费', 'health'],
      ['2020-2021取暖季双代运行补贴资金', 'clean-heating'],
    ];
    for (const [name, id] of cases) expect([name, classify({ name })[0].id]).toEqual([name, id]);
  });

  it('returns types sorted by a score in (0, 1], best first', () => {
    for (const p of projects) {
      const r = classify(textOf(p.table));
      expect(r.length).toBeGreaterThan(0);
      for (let i = 0; i < r.length; i++) {
        expect(r[i]).toEqual({ id: expect.any(String), name: expect.any(String), score: expect.any(Number) });
        expect(r[i].score).toBeGreaterThan(0);
        expect(r[i].score).toBeLessThanOrEqual(1);
        if (i) expect(r[i].score).toBeLessThanOrEqual(r[i - 1].score);
      }
    }
  });

  it('says nothing for text with no evidence', () => {
    expect(classify({ name: '——' })).toEqual([]);
  });
});

const REQUIRED_L2 = ['数量指标', '质量指标', '时效指标'];
const BENEFIT_L2 = ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'];

function covers(list: Suggestion[], profile: 'classic' | 'core2021'): string[] {
  const l2 = new Set(list.map((s) => s.l2));
  const l1 = new Set(list.map((s) => s.l1));
  const missing = REQUIRED_L2.filter((x) => !l2.has(x));
  if (profile === 'classic' && !l2.has('成本指标')) missing.push('成本指标');
  if (profile === 'core2021' && !l1.has('成本指标')) missing.push('成本指标(一级)');
  if (!list.some((s) => BENEFIT_L2.includes(s.l2))) missing.push('效益');
  if (!l2.has('服务对象满意度指标')) missing.push('满意度');
  return missing;
}

describe('suggestions', () => {
  it('have the documented shape', () => {
    const res = suggest({ name: '城区微型站运维费', goals: '对城区8个微型空气站进行定期维护', budget: 7.99 });
    expect(res.types[0]).toEqual({ id: expect.any(String), name: expect.any(String), score: expect.any(Number) });
    expect(res.suggestions.length).toBe(10);
    for (const s of res.suggestions) {
      expect(s).toEqual({
        id: expect.any(String),
        type: expect.any(String),
        l1: expect.any(String),
        l2: expect.any(String),
        l3: expect.any(String),
        desc: expect.any(String),
        value: expect.any(String),
        unit: expect.any(String),
        basis: expect.stringMatching(/^(计划标准|行业标准|历史标准|预算支出标准|其他标准)$/),
        score: expect.any(Number),
        missing: expect.any(Array),
      });
      expect(indicatorById(s.id)).toBeDefined();
    }
  });

  it('fill 数量 from a quantity named in 绩效目标 (对城区8个微型空气站进行定期维护 → =8个)', () => {
    const res = suggest({ name: '城区微型站运维费', goals: '对城区8个微型空气站进行定期维护' });
    const row = res.suggestions.find((s) => /空气.*站个数/.test(s.l3))!;
    expect(row.value).toBe('=8个');
    expect(row.missing).toEqual([]);
    // From 资金用途 too, matched by unit and noun.
    const r2 = suggest({ name: '环境监测费', purpose: '租用30套微型站费用' });
    expect(r2.suggestions.find((s) => s.l3 === '租用微型监测站套数')!.value).toBe('=30套');
    const r3 = suggest({ name: '职工体检专项经费', goals: '保障全镇118名干部职工健康权益' });
    expect(r3.suggestions.filter((s) => /118/.test(s.value)).map((s) => s.l3)).toEqual(['职工体检人数']);
  });

  it('leave a visible {数量} when the project names no fitting quantity', () => {
    const res = suggest({ name: '环保督查经费' });
    const left = res.suggestions.filter((s) => s.missing.includes('数量'));
    expect(left.length).toBeGreaterThan(0);
    for (const s of left) expect(s.value).toContain('{数量}');
    for (const s of res.suggestions.filter((x) => !x.missing.length)) expect(s.value).not.toMatch(/[{}]/);
  });

  it('fill cost from 预算数 in the table unit, without converting', () => {
    const wan = suggest({ name: '农村公路养护', budget: 25 });
    expect(wan.suggestions.find((s) => s.l2 === '成本指标' && /≤25万元$/.test(s.value))).toBeDefined();
    const yuan = suggest({ name: '环保督查经费', budget: '100000.00', unit: '元' });
    expect(yuan.suggestions.find((s) => s.value === '≤100000元')).toBeDefined();
    const none = suggest({ name: '环保督查经费' });
    const cost = none.suggestions.find((s) => s.missing.includes('预算数'))!;
    expect(cost.value).toBe('≤{预算数}{单位}');
  });

  it('take the year from 项目编码, else the text, else the library default', () => {
    const code = suggest({ name: '农村公路养护', code: '13081123P00004510001L' });
    expect(code.year).toBe(2023);
    expect(code.suggestions.some((s) => s.value.startsWith('2023年'))).toBe(true);
    expect(suggest({ name: '农村公路养护', code: '13022522P0044CB10009G' }).year).toBe(2022);
    expect(suggest({ name: '2021年农村公路养护' }).year).toBe(2021);
    expect(suggest({ name: '农村公路养护' }).year).toBe(2023);
    expect(suggest({ name: '农村公路养护', year: 2024 }).year).toBe(2024);
  });

  it('cover 数量/质量/时效/成本, a 效益 and 满意度 even when top is small, under both profiles', () => {
    for (const profile of ['classic', 'core2021'] as const) {
      for (const top of [1, 3, 6, 10]) {
        for (const name of ['城区微型站运维费', '村党组织活动经费', '法律顾问', '租赁费', '某某工作经费']) {
          const res = suggest({ name }, { top, profile });
          expect([profile, top, name, covers(res.suggestions, profile)]).toEqual([profile, top, name, []]);
          expect(res.suggestions.length).toBeGreaterThanOrEqual(top);
          expect(new Set(res.suggestions.map((s) => s.id)).size).toBe(res.suggestions.length);
        }
      }
    }
  });

  it('place cost under 成本指标 as 一级 for core2021', () => {
    const res = suggest({ name: '农村公路养护', budget: 25 }, { profile: 'core2021' });
    const cost = res.suggestions.filter((s) => s.l1 === '成本指标');
    expect(cost.length).toBeGreaterThan(0);
    for (const s of cost) expect(s.l2).toMatch(/^(经济|社会|生态环境)成本指标$/);
    expect(res.suggestions.some((s) => s.l2 === '成本指标')).toBe(false);
    expect(res.profile).toBe('core2021');
  });

  it('list the project types’ indicators before the common ones', () => {
    // (Own indicators written for a sub-topic the project does not name come after the common ones.)
    const res = suggest({ name: '法律顾问' }, { top: 40 });
    const firstCommon = res.suggestions.findIndex((s) => s.type === 'common');
    expect(firstCommon).toBeGreaterThanOrEqual(10);
    expect(res.suggestions.slice(0, firstCommon).every((s) => s.type === 'legal')).toBe(true);
  });

  it('leave out what the table already has, named the same or nearly so', () => {
    const t = byName('城区微型站运维费');
    const own = t.indicators.map((i) => i.l3.text);
    expect(own).toContain('提供运维服务空气站个数');
    const res = suggest({ name: '', existing: t }, { top: 30 });
    const names = res.suggestions.map((s) => s.l3);
    for (const n of own) expect(names).not.toContain(n);
    // 运维空气监测站个数 names what 提供运维服务空气站个数 already counts.
    expect(names).not.toContain('运维空气监测站个数');
    // Without the table it is the first 数量 suggestion.
    expect(suggest(textOf(t)).suggestions.map((s) => s.l3)).toContain('运维空气监测站个数');
    // The table already covers every 二级, so nothing is forced in: the list is just the best 30 left.
    expect(res.year).toBe(2022);
    expect(res.suggestions.find((s) => s.l2 === '成本指标' && s.value === '≤7.99万元')).toBeDefined();
  });

  it('never suggest two rows with the same 三级', () => {
    for (const p of projects) {
      const res = suggest({ name: '', existing: p.table }, { top: 20 });
      const names = res.suggestions.map((s) => s.l3);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

/**
 * Every fixture project: its suggestions go into a copy of its table laid out like fixture 000 (its own rows
 * first), and the checker runs. No suggested row may get an error or warning, except rows that still carry a
 * placeholder ({数量}, or {预算数} when the table states no budget), which are for the user to fill.
 */
describe('suggested rows pass the project’s own checker', () => {
  for (const profile of ['classic', 'core2021'] as const) {
    it(`all 94 fixture projects (${profile})`, () => {
      expect(projects.length).toBe(94);
      const bad: string[] = [];
      let filled = 0;
      let pending = 0;
      for (const p of projects) {
        const t = p.table;
        const res = suggest({ name: '', existing: t }, { top: 10, profile });
        // Under core2021 the table's own (classic) rows would be in the wrong framework: lay out the suggestions alone.
        const own: TableRow[] =
          profile === 'classic'
            ? t.indicators
                .filter((i) => !i.fragment && i.l3.text.trim())
                .map((i) => ({ l1: i.effL1, l2: i.effL2, l3: i.l3.text, desc: i.desc.text, value: i.value.text, basis: i.basis.text }))
            : [];
        const mine: TableRow[] = res.suggestions.map((s) => ({ l1: s.l1, l2: s.l2, l3: s.l3, desc: s.desc, value: s.value, basis: s.basis, tag: s.missing.length ? 'pending' : 'ok' }));
        for (const s of res.suggestions) {
          for (const m of s.missing) {
            if (m === '预算数' && t.budget && t.budget.total.text.trim()) bad.push(`${p.id} ${s.l3}: 预算数 left although the table states it`);
            if (m !== '数量' && m !== '预算数') bad.push(`${p.id} ${s.l3}: unexpected placeholder ${m}`);
          }
        }
        const { grid, rows } = layOutTable(
          { name: displayName(t), code: t.code.text, unit: t.unit.text, budget: t.budget ? t.budget.total.text : '', purpose: t.purpose.text, goals: t.goals.text },
          [...own, ...mine],
        );
        const result = checkGrids([grid], { profile });
        expect(result.tables.length).toBe(1);
        expect(result.tables[0].table.indicators.length).toBe(own.length + mine.length);
        const byCell = new Map<string, (typeof rows)[number]>();
        for (const r of rows) if (r.tag) for (const c of Object.values(r.cells)) byCell.set(c, r);
        for (const r of rows) if (r.tag === 'ok') filled++;
        for (const r of rows) if (r.tag === 'pending') pending++;
        for (const d of result.diagnostics) {
          const r = byCell.get(d.cell);
          if (!r || r.tag === 'pending' || d.severity === 'info' || d.rule === 'desc.repeats-name' || d.rule.startsWith('workbook.')) continue;
          bad.push(`${p.id} ${d.severity} ${d.rule} ${r.l3} ${r.value}: ${d.message}`);
        }
        // A placeholder left for the user cannot slip through: the checker flags its value cell.
        for (const r of rows.filter((x) => x.tag === 'pending')) {
          if (!result.diagnostics.some((d) => d.cell === r.cells.value && d.severity !== 'info')) bad.push(`${p.id} ${r.l3} ${r.value}: placeholder not flagged`);
        }
      }
      expect(bad).toEqual([]);
      // Most suggestions come ready to use.
      expect(filled).toBeGreaterThan(pending * 2);
    });
  }
});

describe('the library as a worksheet', () => {
  function gridFrom(name: string, rows: string[][]): Grid {
    const g = new Grid(name);
    rows.forEach((r, i) => r.forEach((v, c) => v !== '' && g.setCell(i, c, { value: v })));
    return g;
  }

  it('round-trips the whole built-in library through sheets of text', () => {
    const lib = getLibrary();
    const sheets = libraryToSheets(lib);
    expect(sheets.indicators[0]).toEqual(['类型', '一级', '二级', '三级', '指标解释', '单位', '方向', '指标值模板', '依据', '关键词', '来源', '编号']);
    expect(INDICATOR_COLUMNS.length).toBe(12);
    const imp = libraryFromGrids([gridFrom('指标库', sheets.indicators), gridFrom('项目类型', sheets.types)], lib);
    expect(imp.issues).toEqual([]);
    expect(imp.rows).toBe(lib.indicators.length);
    expect(imp.library.indicators).toEqual(lib.indicators);
    expect(imp.library.types).toEqual(lib.types);
  });

  it('round-trips through an .xlsx file (ExcelJS writes, the project reader reads)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-lib-'));
    try {
      const file = path.join(dir, 'lib.xlsx');
      const lib = getLibrary();
      expect(await writeLibraryWorkbook(file, lib)).toBe(lib.indicators.length);
      const imp = await readLibraryWorkbook(file, lib);
      expect(imp.issues).toEqual([]);
      expect(imp.library.indicators).toEqual(lib.indicators);
      expect(imp.library.types).toEqual(lib.types);
      expect(mergeLibraries(lib, imp.library).indicators).toEqual(lib.indicators);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a department sheet written by hand: names for types, either framework, carried-down cells, bad rows reported in Chinese', () => {
    const rows = [
      ['部门指标库'],
      ['类型', '一级', '二级', '三级', '指标解释', '单位', '方向', '指标值模板', '依据', '关键词', '来源'],
      ['声像档案', '产出指标', '数量指标', '数字化档案卷数', '反映年内完成数字化的档案卷数。按验收清单统计。', '卷', '正向', '≥{数量}卷', '计划标准', '档案数字化、扫描', '本局'],
      ['', '', '质量指标', '档案数字化验收合格率', '反映数字化成果验收合格的程度。合格卷数÷验收卷数×100%。', '%', '正向', '≥98%', '行业', '', ''],
      ['', '成本指标', '经济成本指标', '档案数字化加工总成本', '反映档案数字化加工总支出控制在预算以内的情况。', '万元', '反向', '≤{预算数}{单位}', '预算支出标准', '', ''],
      ['会议', '产出', '数量', '召开档案工作会议次数', '反映召开档案工作会议的次数。按会议记录统计。', '次', '正向', '≥{数量}次', '计划标准', '', ''],
      ['声像档案', '产出指标', '质量指标', '', '缺少三级指标名称的一行，应报告。', '%', '正向', '≥90%', '计划标准', '', ''],
      ['声像档案', '产出指标', '数量', '档案扫描页数', '反映扫描的档案页数。按扫描记录统计。', '页', '正向', '≥90百分比', '计划标准', '', ''],
      ['声像档案', '效益指标', '数量指标', '档案查阅便利度', '反映档案查阅的便利程度。以查阅登记评价。', '', '定性', '明显提升', '计划标准', '', ''],
      ['声像档案', '满意度指标', '服务对象满意度指标', '查档群众满意度', '反映查档群众对档案服务的满意程度。以问卷调查为准。', '%', '正向', '≥90%', '随便写', '', ''],
      ['声像档案', '产出指标', '时效指标', '数字化完成时间', '反映档案数字化完成的时间。以验收日期为准。', '', '正向', '{年度}年{月份}月底前完成', '计划标准', '', ''],
      ['声像档案', '产出指标', '数量指标', '数字化档案卷数', '重复的一行：与第3行同名，应报告。按验收清单统计。', '卷', '正向', '≥{数量}卷', '计划标准', '', ''],
    ];
    const base = getLibrary();
    const imp = libraryFromGrids([gridFrom('本局指标', rows)], base);
    expect(imp.rows).toBe(10);
    expect(imp.library.indicators.map((i) => i.l3)).toEqual(['数字化档案卷数', '档案数字化验收合格率', '档案数字化加工总成本', '召开档案工作会议次数']);
    const [count, rate, cost, meeting] = imp.library.indicators;
    const archives = imp.library.types.find((t) => t.name === '声像档案')!;
    expect(archives.id).toMatch(/^dept-[a-z0-9]+$/);
    expect(count.types).toEqual([archives.id]);
    expect(count.keywords).toEqual(['档案数字化', '扫描']);
    expect(count.source).toBe('本局');
    expect(rate.basis).toBe('行业标准');
    expect(rate.source).toBe('部门指标库');
    expect(cost).toMatchObject({ l1: '产出指标', l2: '成本指标', core2021: { l1: '成本指标', l2: '经济成本指标' } });
    expect(meeting).toMatchObject({ types: ['meeting'], l1: '产出指标', l2: '数量指标' });
    // Bad rows: reported with the sheet, the row number (as Excel shows it) and the reason, in Chinese.
    expect(imp.issues.length).toBe(6);
    expect(imp.issues[0]).toMatch(/^工作表“本局指标”第7行：.*三级.*不能为空/);
    expect(imp.issues[1]).toMatch(/第8行：.*≥90百分比.*不是有效的指标值/);
    expect(imp.issues[2]).toMatch(/第9行：二级指标“数量指标”不属于一级指标“效益指标”/);
    expect(imp.issues[3]).toMatch(/第10行：依据“随便写”应为/);
    expect(imp.issues[4]).toMatch(/第11行：.*无法识别的占位符/);
    expect(imp.issues[5]).toMatch(/第12行：三级指标“数字化档案卷数”与第3行重复/);
    // Merged in, the new type is classified and its indicators suggested, filled from the goals.
    const merged = mergeLibraries(base, imp.library);
    const res = suggest({ name: '声像档案数字化经费', goals: '完成3000卷档案数字化', budget: 12 }, { library: merged });
    expect(res.types.slice(0, 2).map((t) => t.name)).toContain('声像档案');
    expect(res.suggestions.find((s) => s.l3 === '数字化档案卷数')!.value).toBe('≥3000卷');
    expect(res.suggestions.find((s) => s.l3 === '档案数字化加工总成本')!.value).toBe('≤12万元');
  });

  it('says so when no sheet has the header', () => {
    const imp = libraryFromGrids([gridFrom('Sheet1', [['项目', '金额'], ['a', '1']])], getLibrary());
    expect(imp.issues[0]).toContain('没有找到指标库工作表');
    expect(imp.library.indicators).toEqual([]);
  });
});

describe('when no project type fits', () => {
  it('says the fit is good when the name names a type', () => {
    const res = suggest({ name: '业务培训费', purpose: '举办业务培训班2期，培训120人' });
    expect(res.fit).toMatchObject({ good: true, reason: 'ok', best: { id: 'training' } });
    expect(res.fit.words).toContain('培训');
  });

  it('says so, and why, when only the 资金用途 names a type (weak fit), and still suggests that type', () => {
    const res = suggest({ name: '环安局建设经费', purpose: '用于大气污染防治设备购置' });
    expect(res.fit.good).toBe(false);
    expect(res.fit.reason).toBe('weak');
    expect(res.fit.best!.id).toBe('pollution');
    expect(res.fit.words).toContain('大气污染防治');
    expect(res.suggestions.filter((s) => s.type === 'pollution' || s.type === 'equipment').length).toBeGreaterThanOrEqual(3);
    expect(noGoodFitText(res.fit)).toMatch(/匹配度低.*大气\/水污染治理.*大气污染防治/);
  });

  it('builds suggestions from what the texts name when nothing fits: the object and its quantities, plus the common ones', () => {
    const res = suggest({ name: '航天育种搭载试验经费', purpose: '搭载作物种子300份，开展太空育种试验', year: 2024 });
    expect(res.fit).toMatchObject({ good: false, reason: 'none', words: [] });
    const own = res.suggestions.filter((s) => s.type === 'project');
    expect(own.map((s) => [s.l2, s.l3, s.value])).toEqual(
      expect.arrayContaining([
        ['数量指标', '搭载作物种子份数', '≥300份'],
        ['质量指标', '航天育种搭载试验任务完成率', '≥95%'],
        ['时效指标', '航天育种搭载试验完成时间', '2024年12月底前完成'],
      ]),
    );
    // Same length, and what the profile requires is still there (成本, a 效益, 满意度), from the common rows.
    expect(res.suggestions.length).toBe(10);
    for (const l2 of ['成本指标', '服务对象满意度指标']) expect(res.suggestions.some((s) => s.l2 === l2)).toBe(true);
    // The project's own rows replace the common rows they say more precisely.
    expect(res.suggestions.map((s) => s.l3)).not.toContain('年度任务完成率');
    expect(res.suggestions.map((s) => s.l3)).not.toContain('项目完成时间');
    expect(noGoodFitText(res.fit)).toMatch(/没有与本项目相符的项目类型/);
  });

  it('prints the no-fit line in `ptcheck suggest` text output', () => {
    const res = suggest({ name: '航天育种搭载试验经费' });
    const plain = { bold: (s: string) => s, dim: (s: string) => s, bad: (s: string) => s, severity: (_: unknown, s: string) => s };
    expect(renderSuggestText('航天育种搭载试验经费', res, plain)).toContain('指标库中没有与本项目相符的项目类型');
    const good = suggest({ name: '业务培训费' });
    expect(renderSuggestText('业务培训费', good, plain)).not.toContain('匹配度低');
  });
});
