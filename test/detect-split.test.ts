// Where a careful reader splits a flat list: two consecutive projects with the same 项目名称 (two allocations of one
// grant), with or without 项目编码, told apart by the hierarchy restarting or by the name written again.
import * as path from 'path';
import { loadGrids, FIXTURES } from './helpers/load';
import { parseGrids } from '../src/core/parse';
import { checkGrids } from '../src/core/check';
import { Grid, parseA1 } from '../src/core/grid';

async function flatSplit(): Promise<Grid[]> {
  return loadGrids(path.join(FIXTURES, '000_24cde7d862e1b3bb.flat-split.xlsx'));
}

/** The project-name column and the rows of the second project of the 000 flat list. */
function renameSecondProject(g: Grid): { first: string; rows: number[] } {
  const tables = parseGrids([g]);
  const { col } = parseA1(tables[0].header.project);
  const first = tables[0].name.text;
  const rows = tables[1].indicators.map((r) => r.row);
  for (const r of rows) g.setCell(r, col, { value: first });
  return { first, rows };
}

describe('same-named consecutive projects in a flat list', () => {
  it('000 flat list: the second project renamed to the first splits where 产出指标 follows 满意度指标', async () => {
    const grids = await flatSplit();
    const before = parseGrids(grids);
    const { first, rows } = renameSecondProject(grids[0]);
    const after = parseGrids(grids);
    expect(after.length).toBe(before.length);
    expect(after[0].name.text).toBe(first);
    expect(after[1].name.text).toBe(first);
    expect(after[1].indicators.map((r) => r.row)).toEqual(rows);
    expect(after[1].indicators[0].effL1).toBe('产出指标');
    // Nothing of the second half is reported as a duplicate of the first.
    const res = checkGrids(grids);
    expect(res.diagnostics.filter((d) => d.rule === 'indicator.duplicate' && d.table === 0)).toEqual([]);
  });

  it('井研 一体化 export: the same name written again in its own merged cell starts a new project', async () => {
    const grids = await loadGrids(path.join(FIXTURES, 'oos/sichuan-jingyan-mata-2023.xlsx'));
    const g = grids[0];
    expect(g.text(12, 1)).toBe('基层组织活动经费');
    g.setCell(12, 1, { value: '村组干部报酬' });
    const tables = parseGrids(grids);
    expect(tables.map((t) => [t.name.text, t.name.cell, t.indicators.length])).toEqual([
      ['村组干部报酬', 'B5', 8],
      ['村组干部报酬', 'B13', 5],
    ]);
  });

  it('one merged name cell over rows whose hierarchy restarts stays one project', async () => {
    const grids = await loadGrids(path.join(FIXTURES, 'oos/sichuan-jingyan-mata-2023.xlsx'));
    const tables = parseGrids(grids);
    // 村组干部报酬 has 产出指标 rows after 效益指标 ones inside its merged B5:B12: not a restart.
    expect(tables[0].indicators.map((r) => r.l1.text)).toContain('产出指标');
    expect(tables.length).toBe(2);
  });
});
