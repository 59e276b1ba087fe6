// The 指标值 grammar, checked against every value in the four seed documents and against hand-picked cases.
import * as fs from 'fs';
import * as path from 'path';
import { PLACEHOLDER_RE, ParsedValue, ValueIssue, analyzeValue, parseNumber, splitMoneyUnit, toYuan } from '../src/core/value';

const FIXTURES = path.resolve(__dirname, 'fixtures');

function fixtureValues(): string[] {
  const out: string[] = [];
  for (const f of fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.expected.json')).sort()) {
    const tables = JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as { indicators: { value: string }[] }[];
    for (const t of tables) for (const i of t.indicators) out.push(i.value);
  }
  return out;
}

const codes = (raw: string) => analyzeValue(raw).issues.map((i) => i.code);
const issueOf = (raw: string, code: ValueIssue['code']) => analyzeValue(raw).issues.find((i) => i.code === code);
const parsed = (raw: string) => analyzeValue(raw).parsed;

describe('analyzeValue over the seed fixtures', () => {
  const values = fixtureValues();

  it('reads all 806 values without throwing, with the expected mix of kinds', () => {
    expect(values).toHaveLength(806);
    const kinds: Record<string, number> = {};
    for (const v of values) {
      const a = analyzeValue(v);
      expect(a.raw).toBe(v);
      kinds[a.parsed.kind] = (kinds[a.parsed.kind] || 0) + 1;
    }
    // 92 malformed = 70 "无" + 22 others (名称当值, 问句, 单位残留, 罗列, 缺数值, 多余文字).
    expect(kinds).toEqual({ quant: 431, deadline: 21, qual: 256, malformed: 92, empty: 6 });
  });

  it('flags every "无" as na and every 百分比 spelling as a unit word', () => {
    let na = 0;
    let unitWord = 0;
    for (const v of values) {
      const c = codes(v);
      if (c.includes('na')) na++;
      if (/百分比/.test(v) && v !== '百分比') {
        unitWord++;
        expect(c).toContain('unit-word');
      }
    }
    expect(na).toBe(70);
    expect(unitWord).toBe(191);
  });

  it('gives a normalized form without any full-width or word unit for every quantity', () => {
    for (const v of values) {
      const p = analyzeValue(v).parsed;
      if (p.kind === 'quant') expect(p.normalized).not.toMatch(/[％＞＜＝≧≦百分比　\s]|>=|<=/);
    }
  });
});

describe('analyzeValue: quantities', () => {
  it.each<[string, Partial<Extract<ParsedValue, { kind: 'quant' }>>]>([
    ['8个', { cmp: null, num: 8, unit: '个', unitClass: 'count', normalized: '8个' }],
    ['=24人', { cmp: '=', num: 24, unit: '人', unitClass: 'count', normalized: '=24人' }],
    ['≥274名', { cmp: '≥', num: 274, unit: '名', unitClass: 'count', normalized: '≥274名' }],
    ['≤64.39万元', { cmp: '≤', num: 64.39, numText: '64.39', unit: '万元', unitClass: 'money', normalized: '≤64.39万元' }],
    ['7.99万元', { cmp: null, num: 7.99, unit: '万元', unitClass: 'money' }],
    ['≤885.2元', { cmp: '≤', num: 885.2, unit: '元', unitClass: 'money' }],
    ['≥95%', { cmp: '≥', num: 95, unit: '%', unitClass: 'percent', normalized: '≥95%' }],
    ['>90%', { cmp: '>', num: 90, unitClass: 'percent' }],
    ['100%', { cmp: null, num: 100, unitClass: 'percent', normalized: '100%' }],
    ['1400M', { cmp: null, num: 1400, unit: 'M', unitClass: 'other' }],
    ['≥4500亩', { cmp: '≥', num: 4500, unit: '亩', unitClass: 'other' }],
    ['≥1000平方米', { unit: '平方米', unitClass: 'other' }],
    ['<0.4mg/l', { cmp: '<', num: 0.4, unit: 'mg/l', unitClass: 'other' }],
    ['>50万字', { cmp: '>', num: 50, unit: '万字', unitClass: 'other' }],
    ['≥7天', { cmp: '≥', num: 7, unit: '天', unitClass: 'duration' }],
    ['1年', { cmp: null, num: 1, unit: '年', unitClass: 'duration' }],
    ['≥37套', { unit: '套', unitClass: 'count' }],
    ['365期', { unit: '期', unitClass: 'count' }],
    ['4间', { unit: '间', unitClass: 'count' }],
    ['1场次', { unit: '场次', unitClass: 'count' }],
    ['≥10000份', { num: 10000, unit: '份', unitClass: 'count' }],
    ['≥0次', { cmp: '≥', num: 0, unit: '次' }],
    ['≥95', { cmp: '≥', num: 95, unit: '', unitClass: 'other', normalized: '≥95' }],
    ['≥90百分比', { cmp: '≥', num: 90, unit: '%', unitClass: 'percent', normalized: '≥90%' }],
    ['100百分比', { cmp: null, num: 100, unit: '%', normalized: '100%' }],
    ['>=98％', { cmp: '≥', num: 98, unit: '%', normalized: '≥98%' }],
    ['<=45万元', { cmp: '≤', num: 45, unit: '万元', unitClass: 'money', normalized: '≤45万元' }],
    ['≥12次数', { cmp: '≥', num: 12, unit: '次', unitClass: 'count', normalized: '≥12次' }],
    ['17\u3000个', { cmp: null, num: 17, unit: '个', normalized: '17个' }],
    ['≤6.45万', { cmp: '≤', num: 6.45, unit: '万', unitClass: 'other' }],
    // forms not in the seeds but common elsewhere
    ['≦1000元/人', { cmp: '≤', num: 1000, unit: '元/人', unitClass: 'money', normalized: '≤1000元/人' }],
    ['<=475元/亩', { cmp: '≤', unit: '元/亩', unitClass: 'money', normalized: '≤475元/亩' }],
    ['≥300元每人', { unit: '元/人', unitClass: 'money', normalized: '≥300元/人' }],
    ['≥1000元/人·年', { unit: '元/人·年', unitClass: 'money' }],
    ['≥1.5亿元', { num: 1.5, unit: '亿元', unitClass: 'money' }],
    ['1,000,000元', { num: 1000000, numText: '1000000', unit: '元' }],
    ['95%以上', { cmp: '≥', num: 95, normalized: '≥95%' }],
    ['不低于95%', { cmp: '≥', num: 95, normalized: '≥95%' }],
    ['不超过10万元', { cmp: '≤', num: 10, normalized: '≤10万元' }],
    ['10万元以内', { cmp: '≤', normalized: '≤10万元' }],
    ['24小时内', { cmp: '≤', num: 24, unit: '小时', unitClass: 'duration' }],
    ['≤15个工作日', { cmp: '≤', unit: '个工作日', unitClass: 'duration' }],
    ['3个月', { cmp: null, unit: '个月', unitClass: 'duration' }],
    ['≥3月', { cmp: '≥', unit: '月', unitClass: 'duration' }],
    ['＞９０％', { cmp: '>', num: 90, normalized: '>90%' }],
    ['≥ 95 %', { cmp: '≥', num: 95, normalized: '≥95%' }],
    ['百分之九十五', { cmp: null, num: 95, unit: '%', normalized: '95%' }],
    ['≥百分之90', { cmp: '≥', num: 90, unit: '%' }],
    ['≥2个百分点', { unit: '个百分点', unitClass: 'percent' }],
    ['≤5‰', { unit: '‰', unitClass: 'percent' }],
    ['≥5万人次', { unit: '万人次', unitClass: 'count' }],
    ['17个村街', { unit: '个村街', unitClass: 'count' }],
    ['每月1次', { cmp: null, num: 1, unit: '次/月', normalized: '1次/月' }],
    ['每季度不少于1次', { cmp: '≥', unit: '次/季度', normalized: '≥1次/季度' }],
    ['≤45万元左右', { cmp: '≤', num: 45, normalized: '≤45万元' }],
    ['100%（历史标准）', { cmp: null, num: 100, normalized: '100%' }],
    ['全年12次', { cmp: null, num: 12, unit: '次', normalized: '12次' }],
    ['达到100%', { cmp: null, num: 100, normalized: '100%' }],
    ['≥95(%)', { cmp: '≥', unit: '%' }],
    ['≥90%。', { cmp: '≥', normalized: '≥90%' }],
    ['-5%', { num: -5, unit: '%' }],
  ])('%s', (raw, want) => {
    const p = parsed(raw);
    expect(p.kind).toBe('quant');
    expect(p).toMatchObject(want);
  });

  it('reports how a quantity is written, with the clean form as suggestion', () => {
    expect(issueOf('≥90百分比', 'unit-word')?.suggestion).toBe('≥90%');
    expect(codes('≥90百分比')).toEqual(['unit-word']);
    expect(codes('=100％')).toEqual(['fullwidth']);
    expect(issueOf('=100％', 'fullwidth')?.suggestion).toBe('=100%');
    expect(codes('>=98％').sort()).toEqual(['ascii-cmp', 'fullwidth']);
    expect(issueOf('>=98％', 'ascii-cmp')?.suggestion).toBe('≥98%');
    expect(issueOf('>=98％', 'fullwidth')?.suggestion).toBe('≥98%');
    expect(issueOf('<=45万元', 'ascii-cmp')?.suggestion).toBe('≤45万元');
    expect(issueOf('≥12次数', 'unit-word')?.suggestion).toBe('≥12次');
    expect(issueOf('≤6.45万', 'unit-word')?.suggestion).toBe('≤6.45万元');
    expect(issueOf('95%以上', 'ascii-cmp')?.suggestion).toBe('≥95%');
    expect(issueOf('≤45万元左右', 'stray-words')?.suggestion).toBe('≤45万元');
    expect(issueOf('100%(计划标准)', 'stray-words')?.suggestion).toBe('100%');
    expect(issueOf('全年12次', 'stray-words')?.suggestion).toBe('12次');
    expect(codes('≥95%')).toEqual([]);
    expect(codes('=24人')).toEqual([]);
    expect(codes('≦1000元/人')).toEqual(['fullwidth']);
    // "控制在…以内" is one comparison in two words: reported once
    expect(codes('控制在45万元以内')).toEqual(['ascii-cmp']);
  });

  it('keeps a missing comparator as null and proposes "="', () => {
    expect(issueOf('8个', 'missing-cmp')?.suggestion).toBe('=8个');
    expect(issueOf('100百分比', 'missing-cmp')?.suggestion).toBe('=100%');
    expect(issueOf('100百分比', 'unit-word')?.suggestion).toBe('100%');
    expect(codes('≥8个')).not.toContain('missing-cmp');
  });

  it('reports spaces but still parses', () => {
    const a = analyzeValue('17\u3000个');
    expect(a.issues.map((i) => i.code)).toEqual(['spaces', 'missing-cmp']);
    expect(a.issues[0].suggestion).toBe('17个');
    expect(codes(' ≥90% ')).toEqual(['spaces']);
    expect(issueOf(' ≥90% ', 'spaces')?.suggestion).toBe('≥90%');
  });
});

describe('analyzeValue: deadlines', () => {
  it.each<[string, { year?: number; month?: number; day?: number; normalized?: string }]>([
    ['2023年12月底前完成', { year: 2023, month: 12, normalized: '2023年12月底前' }],
    ['12月底前', { month: 12, normalized: '12月底前' }],
    ['12月31日前', { month: 12, day: 31, normalized: '12月31日前' }],
    ['≤12月31日', { month: 12, day: 31, normalized: '12月31日前' }],
    ['<12月底', { month: 12, normalized: '12月底前' }],
    ['<12月', { month: 12, normalized: '12月前' }],
    ['12月底', { month: 12, normalized: '12月底' }],
    ['12月', { month: 12, normalized: '12月' }],
    ['2021年1月-12月', { year: 2021, month: 12, normalized: '2021年1月-12月' }],
    ['2021年1-12月', { year: 2021, month: 12, normalized: '2021年1月-12月' }],
    ['2023年1月1日至2023年12月31日', { year: 2023, month: 12, day: 31 }],
    ['2023-12-31', { year: 2023, month: 12, day: 31, normalized: '2023年12月31日' }],
    ['2025年10月底前', { year: 2025, month: 10, normalized: '2025年10月底前' }],
    ['年底前', { month: 12, normalized: '年底前' }],
    ['2023年底前完成', { year: 2023, month: 12, normalized: '2023年底前' }],
    ['于2023年12月底前完成全部工作', { year: 2023, month: 12 }],
    ['上半年', { month: 6 }],
    ['２０２３年１２月底前', { year: 2023, month: 12, normalized: '2023年12月底前' }],
  ])('%s', (raw, want) => {
    const p = parsed(raw);
    expect(p.kind).toBe('deadline');
    expect(p).toMatchObject(want);
    if (want.day === undefined) expect(p).not.toHaveProperty('day');
  });

  it('rejects impossible dates', () => {
    expect(parsed('2月30日前').kind).toBe('malformed');
    expect(parsed('13-12月').kind).toBe('malformed');
  });
});

describe('analyzeValue: qualitative phrases', () => {
  it.each(['有所提高', '健全', '提高', '提升', '改善', '有所降低', '减少', '较好', '好', '一般', '明显提升', '持续改善',
    '制度健全', '经费支出合规', '项目长期稳定', '大气环境质量改善', '改善生态环境质量', '农村人居环境得到改善',
    '达到等保2.0标准', '不发生安全生产事故', '无非法胎儿性别鉴定', '按时完成', '提高5%'])('%s is a standard grade', (raw) => {
    expect(parsed(raw)).toEqual({ kind: 'qual', phrase: raw, standard: true });
  });

  it.each(['按工作计划及时完成', '按照规定标准控制', '保证公共环境干净整洁', '按时限要求完成', '隐患全部整改到位', '按季度发放',
    '维护社会稳定', '促进社会稳定', '保持干部队伍相对稳定', '按实际发生为准', '全部按时处置完成', '能够抵挡住5年一遇的洪水',
    '全区党建工作产生重要影响，得到广大受众的充分认可。', '维持社会稳定、提升退役军人受尊崇感、提升退役军人政策知晓率、提升退役军人就业率',
    '维护社会稳定，提高60岁以上老年人参与居家养老服务人数'])('%s is a free phrase', (raw) => {
    expect(parsed(raw)).toEqual({ kind: 'qual', phrase: raw, standard: false });
  });
});

describe('analyzeValue: malformed', () => {
  it.each(['无', '暂无', '/', '-', '—', '——', '不适用'])('%s is na', (raw) => {
    expect(parsed(raw).kind).toBe('malformed');
    expect(codes(raw)).toEqual(['na']);
  });

  it.each(['1.目标内容1', '≥**个', 'XX%', '≥XX%', '≥X个', 'xx人', '（≥**%）', '请填写', '……', '☆', '指标1'])('%s is a placeholder', (raw) => {
    expect(parsed(raw).kind).toBe('malformed');
    expect(codes(raw)).toEqual(['placeholder']);
  });

  it.each<[string, string | undefined]>([
    ['元按照规定标准控制', undefined],
    ['百提升灭火综合能力', '提升灭火综合能力'],
    ['≥90工作完成率', '≥90%'],
    ['百分比', undefined],
    ['万元', undefined],
    ['约定次数', undefined],
    ['社会稳定水平', undefined],
    ['防潮防旱抗涝能力', undefined],
    ['促进地区生态和谐发展情况', undefined],
    ['生态环境改善情况', undefined],
    ['社会稳定水平、退役军人就业率、服务站服务水平', undefined],
    ['是否设立管理组织和专人负责', undefined],
    ['1、应对突发事件民兵应急拉动，保障人民生命财产安全；2、提升国防教育水平；3、为人民军队输送优质兵员', undefined],
    ['1000每人每月1000元', undefined],
    ['≥95%；≥98%', undefined],
    ['≤95%以上', undefined],
    ['≥', undefined],
  ])('%s', (raw, suggestion) => {
    const p = parsed(raw);
    expect(p.kind).toBe('malformed');
    if (p.kind !== 'malformed') return;
    expect(p.reason.length).toBeGreaterThan(0);
    expect(p.suggestion).toBe(suggestion);
  });

  it('marks stray words so a rule can offer the clean part', () => {
    expect(issueOf('≥90工作完成率', 'stray-words')?.suggestion).toBe('≥90%');
    expect(issueOf('元按照规定标准控制', 'stray-words')).toBeDefined();
  });
});

describe('analyzeValue: edges', () => {
  it('treats blank cells as empty', () => {
    expect(parsed('')).toEqual({ kind: 'empty' });
    expect(parsed('  \u3000\n')).toEqual({ kind: 'empty' });
    expect(parsed(undefined as unknown as string)).toEqual({ kind: 'empty' });
  });

  it('never throws on odd input', () => {
    for (const s of ['≥≥', '%%', '()', '（', '≥.5%', '1e5', '∞', '≥-', '12月32日', '0月', '每月', '百分之', '百分之千', '≥9999999999999999999999元']) {
      expect(() => analyzeValue(s)).not.toThrow();
    }
  });
});

describe('parseNumber', () => {
  it.each<[string, number | null]>([
    ['7.99', 7.99], ['100,000', 100000], [' 50 ', 50], ['５０．５', 50.5], ['0', 0], ['-3', -3],
    ['', null], ['50万', null], ['1,00', null], ['abc', null], ['1.2.3', null], ['≥5', null],
  ])('%s → %s', (s, n) => expect(parseNumber(s)).toBe(n));
});

describe('toYuan / splitMoneyUnit', () => {
  it('converts amounts', () => {
    expect(toYuan(7.99, '万元')).toBe(79900);
    expect(toYuan(64.39, '万元')).toBe(643900);
    expect(toYuan(885.2, '元')).toBe(885.2);
    expect(toYuan(1.5, '亿元')).toBe(150000000);
    expect(toYuan(3, '千元')).toBe(3000);
  });
  it('returns null for non-money and per-unit money', () => {
    expect(toYuan(5, '个')).toBeNull();
    expect(toYuan(5, '%')).toBeNull();
    expect(toYuan(6.45, '万')).toBeNull();
    expect(toYuan(1000, '元/人')).toBeNull();
  });
  it('splits per-unit money', () => {
    expect(splitMoneyUnit('万元/个')).toEqual({ base: '万元', per: '个' });
    expect(splitMoneyUnit('元')).toEqual({ base: '元', per: null });
    expect(splitMoneyUnit('人')).toBeNull();
  });
});

describe('PLACEHOLDER_RE', () => {
  it.each(['XX', 'xx', '××', '**', '＊＊', '☆', '目标内容1', '指标1', '请填写', '……', '景点开发数量( ≥**个 )'])('matches %s', (s) => {
    expect(PLACEHOLDER_RE.test(s)).toBe(true);
  });
  it.each(['9+x系统数', '≥95%', '总磷指标', '服务对象满意度', '1400M', '制度健全'])('leaves %s alone', (s) => {
    expect(PLACEHOLDER_RE.test(s)).toBe(false);
  });
});
