// The department-wide table (部门产出/部门效果/满意度, 评（扣）分标准, 指标值 split into 符号·值·单位)
// from seed 001, laid out as a hand-kept sheet with a two-row header.
import { Grid } from '../src/core/grid';
import { parseGrids } from '../src/core/parse';
import { seedTable, workbookFrom } from './helpers/seed';
import { readGridsFromBuffer } from '../src/hosts/workbook/read';

async function deptGrids(): Promise<{ grids: Grid[]; rows: string[][] }> {
  const rows = seedTable('001_247e9d6eca422fe5.txt', '（四）部门整体支出绩效指标');
  const [head, sub, ...body] = rows;
  // The 7 header labels over 9 columns: 指标值 spans 符号·值·单位.
  const header = [head[0], head[1], head[2], head[3], head[4], head[5], '', '', head[6]];
  const sheetRows = [['（四）部门整体支出绩效指标'], header, sub, ...body];
  const buf = await workbookFrom([{ name: '部门整体', rows: sheetRows, merges: ['F2:H2', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'I2:I3'] }]);
  return { grids: await readGridsFromBuffer(buf), rows: body };
}

it('detects the department-wide table with its split value columns', async () => {
  const { grids, rows } = await deptGrids();
  const tables = parseGrids(grids);
  expect(tables).toHaveLength(1);
  const t = tables[0];
  expect(t.kind).toBe('department');
  expect(t.title.text).toBe('（四）部门整体支出绩效指标');
  expect(t.indicators).toHaveLength(rows.length);
  const first = t.indicators[0];
  expect(first.effL1).toBe('部门产出');
  expect(first.l3.text).toBe('工作目标完成件数');
  expect(first.scoring && first.scoring.text).toBe('按照计划比率评定');
  expect(first.value.text).toBe('≥40.00件');
  expect(first.split && first.split.unit.cell).toBe('H4');
  const sat = t.indicators[t.indicators.length - 1];
  // The document files 满意度 in the 二级 column under 部门效果 (一级 left blank): kept as written.
  expect(sat.effL1).toBe('部门效果');
  expect(sat.effL2).toBe('满意度');
  expect(sat.value.text).toBe('≥98.00%');
  // 文字描述 in the 符号 column means "no comparator": the value is the text itself.
  const time = t.indicators.find((i) => i.l3.text === '全年工作任务完成时间')!;
  expect(time.value.text).toBe('按工作计划及时完成');
});

it('checks the department-wide table against the department profile', async () => {
  const { grids } = await deptGrids();
  const { checkGrids } = await import('../src/core/check');
  const res = checkGrids(grids);
  expect(res.tables[0].profile).toBe('department');
  const at = (cell: string) => res.diagnostics.filter((d) => d.cell === cell).map((d) => d.rule);
  // 满意度 written as a 二级 under 部门效果, as the published document does: accepted.
  const sat = res.tables[0].table.indicators.find((i) => i.effL2 === '满意度')!;
  expect(at(sat.l2.cell)).toEqual([]);
  expect(res.diagnostics.filter((d) => d.rule === 'coverage.satisfaction')).toEqual([]);
  // Correct rows stay quiet: ≥ 40.00 件 for a count, = 100.00 % for a rate.
  const first = res.tables[0].table.indicators[0];
  expect(at(first.value.cell)).toEqual([]);
  expect(at(first.l1.cell)).toEqual([]);
  // "按工作计划及时完成" is no deadline.
  const time = res.tables[0].table.indicators.find((i) => i.l3.text === '全年工作任务完成时间')!;
  expect(at(time.value.cell)).toContain('time.form');
});
