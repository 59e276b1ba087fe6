// A sheet the checker cannot read says why, in Chinese: which labels it looked for and which it found.
import * as path from 'path';
import { loadGrids, FIXTURES } from './helpers/load';
import { explainUnread } from '../src/core/parse';
import { explainNoTable } from '../src/core/detect';
import { Grid } from '../src/core/grid';
import { checkGrids } from '../src/core/check';
import { ReportFileSchema, toReportFile } from '../src/core/report';

describe('no table found: the reason', () => {
  it('广水 部门整体支出 first page (no indicator grid): names the labels looked for, found none', async () => {
    const grids = await loadGrids(path.join(FIXTURES, 'oos/hubei-guangshui-dept-2021.xlsx'));
    const [e] = explainUnread(grids);
    expect(e.sheet).toBe('整体支出');
    expect(e.reason).toBe('no-header');
    expect(e.found).toEqual([]);
    expect(e.message).toContain('未找到绩效指标表');
    expect(e.message).toContain('三级指标');
    expect(e.message).toContain('指标值');
  });

  it('a header with 一级/二级 only and no 三级 column: lists what it found', async () => {
    const grids = await loadGrids(path.join(FIXTURES, 'oos/hubei-ezhou-office-2022.xlsx'));
    const g = grids[0];
    // Unmerge the 二级 header (as a sheet without the merged header cell would be): no column holds the names.
    const flat = new Grid(g.name);
    for (let r = 0; r < g.rowCount; r++) for (const c of g.filledCols(r)) flat.setCell(r, c, { value: g.text(r, c) });
    for (const m of g.merges) if (!(m.top === 11 && m.left === 2)) flat.addMerge(m);
    const e = explainNoTable(flat);
    expect(e.reason).toBe('no-header');
    expect(e.found.map((f) => f.cell + ' ' + f.text)).toEqual(['A11 绩效指标', 'B12 一级指标', 'C12 二级指标', 'F12 当年预期实现值']);
    expect(e.message).toContain('B12“一级指标”');
  });

  it('a header without a value column says so, with its row', () => {
    const g = new Grid('表1');
    ['一级指标', '二级指标', '三级指标', '备注'].forEach((t, c) => g.setCell(2, c, { value: t }));
    g.setCell(3, 0, { value: '产出指标' });
    const e = explainNoTable(g);
    expect(e.reason).toBe('no-value-column');
    expect(e.headerRow).toBe(2);
    expect(e.message).toContain('第3行');
    expect(e.message).toContain('没有“指标值”列');
  });

  it('an empty sheet', () => {
    expect(explainNoTable(new Grid('Sheet3')).reason).toBe('empty');
  });

  it('sheets with tables are not explained', async () => {
    const grids = await loadGrids(path.join(FIXTURES, 'oos/hunan-xiangtan-wupao-2023.xlsx'));
    expect(explainUnread(grids)).toEqual([]);
  });
});

describe('the reason reaches the hosts', () => {
  it('checkGrids returns it, and the JSON report carries it as sheetsWithoutTables', async () => {
    const grids = await loadGrids(path.join(FIXTURES, 'oos/hubei-guangshui-dept-2021.xlsx'));
    const res = checkGrids(grids);
    expect(res.tables).toEqual([]);
    expect(res.unread && res.unread.map((u) => u.sheet)).toEqual(['整体支出']);
    const file = toReportFile({ file: 'x.xlsx', tables: res.tables, diagnostics: res.diagnostics, unread: res.unread });
    expect(ReportFileSchema.parse(file).sheetsWithoutTables).toEqual([{ sheet: '整体支出', reason: 'no-header', message: res.unread![0].message }]);
  });
  it('files whose sheets all hold tables carry no such field', async () => {
    const res = checkGrids(await loadGrids(path.join(FIXTURES, 'oos/hunan-xiangtan-wupao-2023.xlsx')));
    const file = toReportFile({ file: 'x.xlsx', tables: res.tables, diagnostics: res.diagnostics, unread: res.unread });
    expect('sheetsWithoutTables' in file).toBe(false);
  });
});
