// What an indicator measures, from real 三级 names in the four seed documents.
import * as fs from 'fs';
import * as path from 'path';
import { Measure, isRateName, measureOf } from '../src/core/semantics';

const FIXTURES = path.resolve(__dirname, 'fixtures');

interface Row { l2: string; l3: string; desc: string; value: string }
function fixtureRows(): Row[] {
  const out: Row[] = [];
  for (const f of fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.expected.json')).sort()) {
    const tables = JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as { indicators: Row[] }[];
    for (const t of tables) out.push(...t.indicators);
  }
  return out;
}

describe('measureOf over the seed fixtures', () => {
  const rows = fixtureRows();

  it('classifies all 806 rows without throwing', () => {
    expect(rows).toHaveLength(806);
    const n: Record<string, number> = {};
    for (const r of rows) {
      const m = measureOf(r.l3, r.desc);
      n[m] = (n[m] || 0) + 1;
    }
    expect(n).toEqual({ rate: 182, satisfaction: 93, count: 84, cost: 64, time: 65, unknown: 318 });
  });

  it('every row under 服务对象满意度指标 with a real name is satisfaction', () => {
    for (const r of rows) {
      if (r.l2 === '服务对象满意度指标' && r.l3 && r.l3 !== '无') expect([r.l3, measureOf(r.l3, r.desc)]).toEqual([r.l3, 'satisfaction']);
    }
  });
});

describe('measureOf: real 三级 names', () => {
  it.each<[string, Measure]>([
    // rates
    ['六参数监测率', 'rate'],
    ['质控检查合格率', 'rate'],
    ['资金覆盖率', 'rate'],
    ['资金到位率', 'rate'],
    ['资金发放率', 'rate'],
    ['成本控制率', 'rate'],
    ['资金发放及时率', 'rate'],
    ['工作按时完成率', 'rate'],
    ['资金使用有效率', 'rate'],
    ['群众合理诉求解决比例', 'rate'],
    ['实际发放数占应发总数的比率', 'rate'],
    ['工作完成数占总数的比', 'rate'],
    ['信访事件下降数占原来事件数比率', 'rate'],
    ['经费使用率(%)', 'rate'],
    ['服务覆盖度(％)', 'rate'],
    ['处理信访问题及时性(％)', 'rate'],
    ['培训参与度', 'rate'],
    ['上访率下降', 'rate'],
    ['设备正常运行率达到100%', 'rate'],
    ['会议费支出下降率', 'rate'],
    ['减少群众上访率', 'rate'],
    // satisfaction
    ['服务对象满意度', 'satisfaction'],
    ['群众满意度（%）', 'satisfaction'],
    ['满意率', 'satisfaction'],
    ['群众对反腐工作的满意度', 'satisfaction'],
    ['企业满意度。群众满意度。', 'satisfaction'],
    ['受益群众满意度调查', 'satisfaction'],
    // counts
    ['召开年度工作会议次数', 'count'],
    ['提供运维服务空气站个数', 'count'],
    ['组织参观学习人数', 'count'],
    ['保障人数', 'count'],
    ['三线民兵数量', 'count'],
    ['举办活动场次', 'count'],
    ['雇佣人次', 'count'],
    ['涉及村街数', 'count'],
    ['编外（自收自支）人员数', 'count'],
    ['9+x系统数', 'count'],
    ['安全生产天数', 'count'],
    ['机井、蓄水池等问题隐患治理个数', 'count'],
    ['提供“七助服务”次数', 'count'],
    // costs
    ['花费成本', 'cost'],
    ['项目成本控制', 'cost'],
    ['总成本控制数', 'cost'],
    ['预算控制数', 'cost'],
    ['项目总成本', 'cost'],
    ['运行成本', 'cost'],
    ['承包费金额', 'cost'],
    ['疫情防控经费标准', 'cost'],
    ['工资、社会保障等发放、缴纳标准', 'cost'],
    ['办公经费、专用材料费', 'cost'],
    ['人均发放水平', 'cost'],
    ['退役军人绩效额', 'cost'],
    ['项目支出', 'cost'],
    // time
    ['任务完成时间', 'time'],
    ['工作完成时限', 'time'],
    ['完成时效', 'time'],
    ['补助金发放时间', 'time'],
    ['按期完成', 'time'],
    ['按时限要求完成消防站建设', 'time'],
    ['工资(福利)发放及时性', 'time'],
    ['社会保障（公积金）缴纳的及时性', 'time'],
    ['办公用房租用年限', 'time'],
    ['2023年12月底前完成', 'time'],
    // unknown: goals, levels, indices, physical quantities, lists of different measures
    ['资金使用效率', 'unknown'],
    ['提升工作效率', 'unknown'],
    ['空气质量综合指数', 'unknown'],
    ['森林亩数', 'unknown'],
    ['加固彩钢面积', 'unknown'],
    ['社会稳定水平', 'unknown'],
    ['制度及实施方案健全程度', 'unknown'],
    ['补助人群生活改善情况', 'unknown'],
    ['减少司法方面的支出', 'unknown'],
    ['公共环境维护', 'unknown'],
    ['经费支出合规性', 'unknown'],
    ['任务完成进度', 'unknown'],
    ['全年度', 'unknown'],
    ['宣传力度', 'unknown'],
    ['维持社会稳定、提升退役军人受尊崇感、提升退役军人政策知晓率、提升退役军人就业率', 'unknown'],
    ['社会稳定水平、退役军人就业率、服务站服务水平', 'unknown'],
    ['值班人员按时到位；“六必访”及时有效；宣传紧跟热点', 'unknown'],
    ['提高安全生产全民意识，不发生安全生产事故', 'unknown'],
    ['无', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (name, want) => {
    expect(measureOf(name)).toBe(want);
  });
});

describe('measureOf: library-style names', () => {
  it.each<[string, Measure]>([
    ['人均培训成本', 'cost'], ['补助标准', 'cost'], ['补贴标准', 'cost'], ['单价', 'cost'], ['运维费用', 'cost'],
    ['按时完成率', 'rate'], ['及时率', 'rate'], ['森林覆盖率', 'rate'], ['按期上线率', 'rate'],
    ['截止时间', 'time'], ['发放时间', 'time'], ['故障响应时间', 'time'],
    ['会议天数', 'count'], ['培训人次', 'count'], ['减少上访次数', 'count'],
    ['系数', 'unknown'], ['分数', 'unknown'], ['频率', 'unknown'], ['名额', 'unknown'], ['节约成本', 'unknown'],
  ])('%s → %s', (name, want) => {
    expect(measureOf(name)).toBe(want);
  });
});

describe('measureOf: the description breaks ties only', () => {
  it('uses a description that ends in a rate noun when the name says nothing', () => {
    expect(measureOf('月考评结果')).toBe('unknown');
    expect(measureOf('月考评结果', '月考评结果真实有效率')).toBe('rate');
  });
  it('never overrides a name that decides', () => {
    expect(measureOf('资金节约率', '总成本控制数')).toBe('rate');
    expect(measureOf('培训时间', '培训天数')).toBe('time');
    expect(measureOf('安全生产天数', '保证矿井正常运行，增加企业经济效益')).toBe('count');
  });
  it('ignores sentences and goal names', () => {
    expect(measureOf('宣传力度', '对河长制宣传覆盖范围达到100%')).toBe('unknown');
    expect(measureOf('提升工作效率', '制度及实施方案健全程度')).toBe('unknown');
    expect(measureOf('全年度', '保证受损路段及时修复')).toBe('unknown');
  });
});

describe('isRateName', () => {
  it.each<[string, boolean]>([
    ['资金到位率', true], ['群众满意度', true], ['满意率', true], ['群众满意度（%）', true], ['活动覆盖率', true],
    ['服务覆盖度(％)', true], ['召开年度工作会议次数', false], ['项目总成本', false], ['资金使用效率', false],
    ['工作完成时间', false], ['空气质量综合指数', false],
  ])('%s → %s', (name, want) => {
    expect(isRateName(name)).toBe(want);
  });
});
