// What cried wolf or was missed on tables the project was not built from, pinned on real rows. Each case starts
// from a real fixture table and changes one cell to what another department's workbook wrote (the held-out
// findings reported in issue 12), then checks the finding a reviewer would agree with, and silence where the
// reviewer would accept the row.
import * as path from 'path';
import { readGrids } from '../src/hosts/workbook/read';
import { checkGrids } from '../src/core/check';
import { parseA1 } from '../src/core/grid';
import { Diagnostic } from '../src/core/diagnostic';
import { FIXTURES } from './helpers/load';

const F000 = path.join(FIXTURES, '000_24cde7d862e1b3bb.xlsx');

/** 000 with cells changed (each `was` checked first), checked. */
async function edited(edits: [string, string, string][]): Promise<Diagnostic[]> {
  const [g] = await readGrids(F000);
  for (const [cell, was, to] of edits) {
    const { row, col } = parseA1(cell);
    expect(g.text(row, col)).toBe(was);
    g.setCell(row, col, { value: to });
  }
  return checkGrids([g]).diagnostics;
}
const at = (ds: Diagnostic[], cell: string, rule?: string) => ds.filter((d) => d.cell === cell && (!rule || d.rule === rule));

const GOALS_0 = '1.在日常管理维护基础上，及时发现处置设备运行问题。\n2.能够满足实际监测需要。';
const GOALS_2 =
  '1.完成年初制定的收支进度，确保国有做好已发待结案案件的协调工作，组织日常处非宣传和排查。\n2.召开金融扫黑除恶专题会议，防止出现该类问题。\n3.资产不流失，保障不出现债务风险情况，开展政银企对接活动，不断加大政银企之间的沟通与合作。';

describe('timeliness rates', () => {
  it('“运维服务及时性 ≥95%” is the accepted form of a timeliness indicator: no error', async () => {
    const ds = await edited([['C14', '完成时效', '运维服务及时性'], ['F14', '12月', '≥95%']]);
    expect(at(ds, 'F14').map((d) => d.rule)).toEqual([]);
  });
  it('“完成时效 ≥95%” still asks for a deadline', async () => {
    const ds = await edited([['F14', '12月', '≥95%']]);
    expect(at(ds, 'F14', 'value.unit-mismatch').map((d) => d.severity)).toEqual(['error']);
  });
});

describe('依据 citing the department’s own application', () => {
  for (const basis of ['关于申请拨付城区微型站运维费的请示', '县环保局关于城区微型站运维经费的申请', '运维费用测算的说明']) {
    it(`“${basis}” is a planning basis`, async () => {
      const ds = await edited([['G10', '根据年初工作计划安排', basis]]);
      expect(at(ds, 'G10', 'basis.unclear')).toEqual([]);
    });
  }
  it('“按比例评定” still names no standard', async () => {
    const ds = await edited([['G10', '根据年初工作计划安排', '按比例评定']]);
    expect(at(ds, 'G10', 'basis.unclear').length).toBe(1);
  });
});

describe('quantities named in the goals', () => {
  it('“购买炮弹490发”: 发 is a unit, and no indicator says 490', async () => {
    const ds = await edited([['B8', GOALS_0, '1.购买防雹炮弹490发，保障人工影响天气作业。\n2.能够满足实际监测需要。']]);
    const g = at(ds, 'B8', 'goal.xref');
    expect(g.length).toBe(1);
    expect(g[0].message).toContain('“490发”');
  });
  it('one finding per goals cell, listing every quantity missing', async () => {
    const ds = await edited([['B8', GOALS_0, '1.维护8个空气站，巡检24次，培训运维人员20人。\n2.能够满足实际监测需要。']]);
    const g = at(ds, 'B8', 'goal.xref');
    expect(g.length).toBe(1);
    expect(g[0].message).toContain('“24次”、“20人”');
  });
  it('a goal quantity that is the sum of two indicators (3次 银企对接 + 5次 宣传 = 8次) is not a mismatch', async () => {
    const [g] = await readGrids(F000);
    const { row, col } = parseA1('B47');
    expect(g.text(row, col)).toBe(GOALS_2);
    g.setCell(row, col, { value: '1.全年开展银企对接和非法集资宣传活动8次。\n' + GOALS_2.split('\n').slice(1).join('\n') });
    const ds = checkGrids([g]).diagnostics;
    expect(ds.filter((d) => d.cell === 'B47' && d.rule === 'goal.xref')).toEqual([]);
  });
});

describe('rows copied from another project', () => {
  it('会务组织 in an air-monitoring project is foreign', async () => {
    const ds = await edited([['C13', '质控检查合格率', '会务组织满意率']]);
    expect(at(ds, 'C13', 'text.foreign-subject').length).toBe(1);
  });
});

describe('percentages on indicators that measure no rate, cell by cell', () => {
  for (const name of ['影响力', '设备长期使用性', '环境质量改善', '办公效率']) {
    it(`“${name} ≥95%”`, async () => {
      const ds = await edited([['C17', '县域绿色发展水平', name], ['D17', '县域绿色发展水平', name], ['F17', '有所提高', '≥95%']]);
      expect(at(ds, 'F17', 'value.pct-not-rate').length).toBe(1);
    });
  }
  it('“环保指标达标率 ≥95%” is a rate', async () => {
    const ds = await edited([['F16', '有所提高', '≥95%']]);
    expect(at(ds, 'F16', 'value.pct-not-rate')).toEqual([]);
  });
});

describe('numbers broken by a space', () => {
  it('“≥200 0 人”: a warning offering ≥2000人 and ≥200人', async () => {
    const ds = await edited([['F10', '8个', '≥200 0 人']]);
    const a = at(ds, 'F10', 'value.ambiguous');
    expect(a.map((d) => d.severity)).toEqual(['warning']);
    expect(a[0].message).toContain('“≥2000人”或“≥200人”');
  });
  it('“≥2 000人” (a thousands group) is one number', async () => {
    const ds = await edited([['F10', '8个', '≥2 000人']]);
    expect(at(ds, 'F10', 'value.ambiguous')).toEqual([]);
  });
});
