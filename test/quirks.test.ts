// Real-workbook quirks, each on a real out-of-sample table laid out the way other workbooks keep it: line breaks
// inside cells, stray and full-width spaces, numbers typed as numbers with formats, hidden columns, a title over
// several merged rows, notes in the margin, two tables side by side, a table continued on the next sheet.
import * as fs from 'fs';
import * as path from 'path';
import { readGridsFromBuffer } from '../src/hosts/workbook/read';
import { parseGrids } from '../src/core/parse';
import { checkGrids } from '../src/core/check';
import { TargetTable } from '../src/core/model';
import { Layout, LayoutSheet, OOS_DIR, layoutBuffer, loadLayout, rowsOf, shifted } from './helpers/layout';

const XT = 'hunan-xiangtan-wupao-2023';
const expectedOf = (stem: string) => JSON.parse(fs.readFileSync(path.join(OOS_DIR, stem + '.expected.json'), 'utf8'));
const rowsText = (t: TargetTable) => t.indicators.map((r) => [r.l3.text.trim(), r.value.text.trim(), r.basis.text.trim()]);
const expectedRows = (stem: string, i = 0) => expectedOf(stem)[i].indicators.map((r: { l3: string; value: string; basis: string }) => [r.l3, r.value, r.basis]);

async function parseLayout(layout: Layout): Promise<TargetTable[]> {
  return parseGrids(await readGridsFromBuffer(await layoutBuffer(layout)));
}
const sheetOf = (stem: string): LayoutSheet => loadLayout(stem).sheets[0];

describe('real-workbook quirks', () => {
  it('line breaks (Alt+Enter) in labels and level names: 年度本级\\n预算金额, 本年度\\n绩效指标, 经济效益\\n指标', async () => {
    const [xt] = await parseLayout(loadLayout(XT));
    expect(xt.budget && xt.budget.total.text).toBe('250万');
    const [se] = await parseLayout(loadLayout('hubei-ezhou-selfeval-2021'));
    expect(se.indicators[se.indicators.length - 1].effL2).toBe('经济效益\n指标');
    const res = checkGrids(await readGridsFromBuffer(await layoutBuffer(loadLayout('hubei-ezhou-selfeval-2021'))));
    expect(res.diagnostics.filter((d) => d.rule.startsWith('hierarchy.'))).toEqual([]);
  });

  it('leading, trailing and full-width spaces in labels and names', async () => {
    const s = sheetOf(XT);
    s.cells.D8 = ' 三级指标　';
    s.cells.C9 = '数量指标 ';
    s.cells.A3 = '　项目支出名称';
    s.cells.D9 = '　雾炮车降尘抑尘服务配备车辆数 ';
    const grids = await readGridsFromBuffer(await layoutBuffer({ sheets: [s] }));
    const [t] = parseGrids(grids);
    expect(t.name.text).toBe('雾炮车降尘抑尘服务');
    expect(rowsText(t)).toEqual(expectedRows(XT));
    expect(t.indicators[0].effL2).toBe('数量指标');
    const ws = checkGrids(grids).diagnostics.filter((d) => d.rule === 'text.whitespace');
    expect(ws.map((d) => [d.cell, d.suggestion])).toEqual([['D9', '雾炮车降尘抑尘服务配备车辆数']]);
  });

  it('numbers typed as numbers with formats: #,##0.00 budgets and a 0% value read as shown', async () => {
    const s = sheetOf('hubei-ezhou-selfeval-2021');
    s.cells.E14 = { v: 1, fmt: '0%' };
    s.cells.D9 = { v: 0, fmt: '0.00' };
    const [t] = await parseLayout({ sheets: [s] });
    expect(t.indicators[1].value.text).toBe('100%');
    expect(t.budget && t.budget.other.text).toBe('0.00');
    const [sc] = await parseLayout(loadLayout('sichuan-jingyan-mata-2023'));
    expect(sc.budget && sc.budget.total.text).toBe('3,309,840.00');
    const res = checkGrids(await readGridsFromBuffer(await layoutBuffer(loadLayout('sichuan-jingyan-mata-2023'))));
    expect(res.diagnostics.filter((d) => d.rule.startsWith('money.'))).toEqual([]);
  });

  it('a hidden helper column beside the grid changes nothing', async () => {
    const s = sheetOf(XT);
    for (let r = 9; r <= 18; r++) s.cells['H' + r] = r - 8;
    s.cells.H8 = '序号';
    s.hiddenCols = ['H'];
    const [t] = await parseLayout({ sheets: [s] });
    expect(rowsText(t)).toEqual(expectedRows(XT));
  });

  it('a title over several merged rows', async () => {
    const s = shifted(sheetOf(XT), 2, 0);
    delete s.cells.A3;
    s.merges = s.merges.filter((m) => m !== 'A3:G3');
    s.cells.A1 = '2023年项目支出绩效目标申报表';
    s.merges.push('A1:G3');
    const [t] = await parseLayout({ sheets: [s] });
    expect(t.title.text).toBe('2023年项目支出绩效目标申报表');
    expect(t.title.cell).toBe('A1');
    expect(t.name.text).toBe('雾炮车降尘抑尘服务');
    expect(rowsText(t)).toEqual(expectedRows(XT));
  });

  it('notes in the margin right of the grid are not indicator columns', async () => {
    const s = sheetOf(XT);
    s.cells.I9 = '注：车辆由中标单位提供';
    s.cells.I15 = '以第三方问卷为准';
    s.cells.I3 = '（本表一式两份）';
    const grids = await readGridsFromBuffer(await layoutBuffer({ sheets: [s] }));
    const [t] = parseGrids(grids);
    expect(rowsText(t)).toEqual(expectedRows(XT));
    expect(t.name.text).toBe('雾炮车降尘抑尘服务');
    expect(checkGrids(grids).diagnostics.filter((d) => /^I/.test(d.cell))).toEqual([]);
  });

  it('two tables side by side on one sheet: each read in its own columns', async () => {
    const left = sheetOf(XT);
    const right = shifted(sheetOf('hubei-ezhou-office-2022'), 0, 9);
    const s: LayoutSheet = { name: '两表', cells: { ...left.cells, ...right.cells }, merges: [...left.merges, ...right.merges] };
    const tables = await parseLayout({ sheets: [s] });
    expect(tables.map((t) => t.name.text)).toEqual(['雾炮车降尘抑尘服务', '滨湖大胆办公大楼运行保障']);
    expect(rowsText(tables[0])).toEqual(expectedRows(XT));
    expect(rowsText(tables[1])).toEqual(expectedRows('hubei-ezhou-office-2022'));
    expect(tables[0].range).toBe('A1:G18');
    expect(tables[1].range.split(':')[0]).toBe('J1');
    expect(tables[1].goals.text).toMatch(/^以办公大楼/);
  });

  it('a table continued on the next sheet with its header repeated: one project, checked as a whole', async () => {
    const s = sheetOf(XT);
    const first = rowsOf(s, 1, 13);
    const rest = shifted(rowsOf(s, 14, 18), -12, 0);
    for (const c of ['B', 'C', 'D', 'E', 'F']) rest.cells[c + '1'] = s.cells[c + '8'];
    rest.merges.push('F1:G1');
    const tables = await parseLayout({ sheets: [{ ...first, name: '第1页' }, { ...rest, name: '第2页' }] });
    expect(tables.length).toBe(2);
    expect(tables[1].continues).toBe(0);
    expect(tables[1].name.text).toBe('雾炮车降尘抑尘服务');
    expect([...rowsText(tables[0]), ...rowsText(tables[1])]).toEqual(expectedRows(XT));
    const res = checkGrids(await readGridsFromBuffer(await layoutBuffer({ sheets: [{ ...first, name: '第1页' }, { ...rest, name: '第2页' }] })));
    // 满意度 and 效益 are on page 2: neither part is reported as missing them.
    expect(res.diagnostics.filter((d) => d.rule.startsWith('coverage.'))).toEqual([]);
  });
});
