// Lays out one project table the way fixture 000 (乐亭县) does: title, org + 单位, 编码/名称, 预算 block, spend
// plan, 绩效目标, then the indicator grid with 一级/二级 merged down their rows and 绩效指标描述 over two columns.
import { Grid } from '../../src/core/grid';

export interface TableMeta {
  name: string;
  code?: string;
  unit?: string;
  budget?: string;
  purpose?: string;
  goals?: string;
}

export interface TableRow {
  l1: string;
  l2: string;
  l3: string;
  desc: string;
  value: string;
  basis: string;
  /** Anything the caller wants back with the row's cells (e.g. "suggested"). */
  tag?: string;
}

export interface LaidOutRow extends TableRow {
  /** A1 cells of 三级, 描述, 指标值, 依据. */
  cells: { l3: string; desc: string; value: string; basis: string };
}

const ORDER: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};
const L1_ORDER = ['成本指标', '产出指标', '效益指标', '满意度指标'];

const rank = (xs: string[], x: string) => (xs.indexOf(x) < 0 ? 99 : xs.indexOf(x));

export function layOutTable(meta: TableMeta, rows: TableRow[]): { grid: Grid; rows: LaidOutRow[] } {
  const g = new Grid(meta.name.slice(0, 20) || 'Sheet1');
  const set = (r: number, c: number, v: string) => v !== '' && g.setCell(r, c, { value: v });
  const merge = (top: number, left: number, bottom: number, right: number) => g.addMerge({ top, left, bottom, right });
  const a1 = (r: number, c: number) => String.fromCharCode(65 + c) + (r + 1);
  set(0, 0, '1.' + meta.name + '绩效目标表');
  merge(0, 0, 0, 6);
  set(1, 0, '000001某县某局');
  merge(1, 0, 1, 4);
  set(1, 5, '单位：' + (meta.unit || '万元'));
  merge(1, 5, 1, 6);
  set(2, 0, '项目编码');
  set(2, 1, meta.code || '');
  merge(2, 1, 2, 2);
  set(2, 3, '项目名称');
  set(2, 4, meta.name);
  merge(2, 4, 2, 6);
  set(3, 0, '预算规模及资金用途');
  merge(3, 0, 4, 0);
  set(3, 1, '预算数');
  set(3, 2, meta.budget || '');
  set(3, 3, '其中：财政资金');
  set(3, 4, meta.budget || '');
  set(3, 5, '其他资金');
  set(4, 1, meta.purpose || '');
  merge(4, 1, 4, 6);
  set(5, 0, '资金支出计划（%）');
  merge(5, 0, 6, 0);
  ['3月底', '6月底', '10月底', '12月底'].forEach((m, i) => set(5, 1 + i, m));
  ['25%', '50%', '75%', '100%'].forEach((m, i) => set(6, 1 + i, m));
  merge(5, 4, 5, 6);
  merge(6, 4, 6, 6);
  set(7, 0, '绩效目标');
  set(7, 1, meta.goals || '');
  merge(7, 1, 7, 6);
  ['一级指标', '二级指标', '三级指标', '绩效指标描述', '', '指标值', '指标值确定依据'].forEach((h, c) => set(8, c, h));
  merge(8, 3, 8, 4);
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(L1_ORDER, a.r.l1) - rank(L1_ORDER, b.r.l1) || rank(ORDER[a.r.l1] || [], a.r.l2) - rank(ORDER[b.r.l1] || [], b.r.l2) || a.i - b.i)
    .map((x) => x.r);
  const out: LaidOutRow[] = [];
  let r = 9;
  let l1Top = r;
  let l2Top = r;
  sorted.forEach((row, k) => {
    const prev = sorted[k - 1];
    if (!prev || prev.l1 !== row.l1) {
      set(r, 0, row.l1);
      l1Top = r;
    }
    if (!prev || prev.l1 !== row.l1 || prev.l2 !== row.l2) {
      set(r, 1, row.l2);
      l2Top = r;
    }
    set(r, 2, row.l3);
    set(r, 3, row.desc);
    merge(r, 3, r, 4);
    set(r, 5, row.value);
    set(r, 6, row.basis);
    out.push({ ...row, cells: { l3: a1(r, 2), desc: a1(r, 3), value: a1(r, 5), basis: a1(r, 6) } });
    const next = sorted[k + 1];
    if ((!next || next.l1 !== row.l1) && r > l1Top) merge(l1Top, 0, r, 0);
    if ((!next || next.l1 !== row.l1 || next.l2 !== row.l2) && r > l2Top) merge(l2Top, 1, r, 1);
    r++;
  });
  return { grid: g, rows: out };
}
