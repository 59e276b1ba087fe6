// Header, money, spend plan and 绩效目标 text.
import { msg } from '../i18n/rules';
import { normLabel } from '../labels';
import { PLACEHOLDER_RE, parseAmount } from '../value';
import { TableCheck, TableContext, WorkbookCheck } from './context';

// Count units a goal sentence may name: the value grammar's, plus those only goals use (发 for shells).
const GOAL_UNITS = ['个', '人次', '人', '次', '场', '户', '名', '家', '所', '台', '套', '件', '份', '篇', '期', '条', '村', '处', '座', '辆', '项', '批', '棵', '株', '亩', '公里', '千米', '平方米', '发', '枚', '册', '本', '张', '头', '只', '吨', '间', '栋', '盏', '艘', '架', '块', '期次', '班', '例', '宗', '起', '课时', '学时'];

const hasMeta = (ctx: TableContext) => ctx.table.kind === 'project' && !!(ctx.table.budget || ctx.table.code.cell || ctx.table.plan.length);

function headerRequired(ctx: TableContext): void {
  const t = ctx.table;
  if (!hasMeta(ctx)) return;
  const L = msg.labels;
  const fields: [string, { text: string; cell: string } | undefined][] = [
    [L.code, t.code.cell ? t.code : undefined],
    [L.name, t.name.cell ? t.name : undefined],
    [L.total, t.budget && t.budget.total.cell ? t.budget.total : undefined],
    [L.purpose, t.purpose.cell ? t.purpose : undefined],
  ];
  for (const [label, f] of fields) if (f && !f.text.trim()) ctx.emit('header.required', f.cell, msg.headerRequired(label));
}

function headerCode(ctx: TableContext): void {
  const c = ctx.table.code;
  const s = c.text.trim();
  if (!s) return;
  if (!/^[0-9A-Za-z]{1,21}$/.test(s)) ctx.emit('header.code', c.cell, msg.headerCode(s), s.replace(/[^0-9A-Za-z]/g, '') || null);
}

function round2(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}

function moneySum(ctx: TableContext): void {
  const b = ctx.table.budget;
  if (!b) return;
  const unit = ctx.table.unit.text || '万元';
  const total = parseAmount(b.total.text, unit);
  const fiscal = b.fiscal.text.trim() ? parseAmount(b.fiscal.text, unit) : 0;
  const other = b.other.text.trim() ? parseAmount(b.other.text, unit) : 0;
  if (total === null || fiscal === null || other === null) return;
  if (!b.fiscal.text.trim() && !b.other.text.trim()) return;
  if (Math.abs(total - (fiscal + other)) > 0.011) {
    ctx.emit('money.sum', b.total.cell, msg.moneySum(b.total.text.trim(), b.fiscal.text.trim(), b.other.text.trim(), round2(fiscal + other)), null);
  }
}

function moneyNumber(ctx: TableContext): void {
  const b = ctx.table.budget;
  if (!b) return;
  const L = msg.labels;
  const items: [string, { text: string; cell: string }][] = [
    [L.total, b.total],
    [L.fiscal, b.fiscal],
    [L.other, b.other],
  ];
  for (const [label, f] of items) {
    const s = f.text.trim();
    if (!s) continue;
    const unit = ctx.table.unit.text || '万元';
    const n = parseAmount(s, unit);
    if (n === null) {
      const m = /^(\d+(?:\.\d+)?)\s*(万元|元)$/.exec(s);
      ctx.emit('money.number', f.cell, msg.moneyNotNumber(label, s), m && m[2] === unit ? m[1] : null);
    }
    else if (n < 0) ctx.emit('money.number', f.cell, msg.moneyNegative(label));
    else if (label === L.total && n === 0) ctx.emit('money.number', f.cell, msg.moneyZero());
  }
}

interface PlanPoint {
  label: string;
  text: string;
  cell: string;
  pct: number | null;
  blank: boolean;
}

function planPoints(ctx: TableContext): PlanPoint[] {
  return ctx.table.plan.map((p) => {
    const text = p.value.text.trim();
    let pct: number | null = null;
    if (text) {
      const m = /^(\d+(?:\.\d+)?)\s*[%％]?$/.exec(text);
      if (m) pct = parseFloat(m[1]);
      // A plain fraction (0.25) in a percent-labelled block is a share.
      if (pct !== null && !/[%％]/.test(text) && pct > 0 && pct <= 1 && text.indexOf('.') >= 0) pct = pct * 100;
    }
    return { label: normLabel(p.label.text), text, cell: p.value.cell, pct, blank: !text };
  });
}

const fmtPct = (n: number) => round2(n) + '%';

function plan(ctx: TableContext): void {
  const pts = planPoints(ctx);
  if (pts.length < 2) return;
  for (const p of pts) {
    if (!p.blank && p.pct === null) ctx.emit('plan.range', p.cell, msg.planNotPercent(p.label, p.text), null, 'error');
    else if (p.pct !== null && (p.pct < 0 || p.pct > 100)) ctx.emit('plan.range', p.cell, msg.planRange(p.label, p.text), null, 'error');
  }
  if (pts.some((p) => !p.blank && p.pct === null)) return;
  const vals = pts.map((p) => (p.pct === null ? 0 : p.pct));
  const sum = vals.reduce((a, b) => a + b, 0);
  const last = pts[pts.length - 1];
  let decreasing = false;
  let prevFilled = -1;
  for (let i = 0; i < pts.length; i++) {
    if (pts[i].blank) continue;
    if (prevFilled >= 0 && vals[i] < vals[prevFilled] - 1e-9) decreasing = true;
    prevFilled = i;
  }
  const reaches = !last.blank && Math.abs(vals[vals.length - 1] - 100) < 1e-6;
  // Per-quarter shares that add up to 100%: recognise that reading and say so once.
  if (!reaches && Math.abs(sum - 100) < 0.01 && pts.filter((p) => !p.blank).length >= 2) {
    let acc = 0;
    const cum = vals.map((v) => (acc += v));
    ctx.emit(
      'plan.quarterly',
      pts[0].cell + ':' + last.cell,
      msg.planQuarterly(pts.map((p) => p.label + (p.blank ? '空' : fmtPct(vals[pts.indexOf(p)]))).join('、'), pts.map((p, i) => p.label + fmtPct(cum[i])).join('、')),
      cum.map(fmtPct).join(' / '),
      'warning',
      pts.map((p, i) => ({ cell: p.cell, text: fmtPct(cum[i]) })).filter((e, i) => e.text !== pts[i].text),
    );
    return;
  }
  if (decreasing) {
    for (let i = 1; i < pts.length; i++) {
      const j = [...pts.keys()].slice(0, i).reverse().find((k) => !pts[k].blank);
      if (j === undefined || pts[i].blank) continue;
      if (vals[i] < vals[j] - 1e-9) ctx.emit('plan.monotonic', pts[i].cell, msg.planMono(pts[i].label, pts[i].text, pts[j].label, pts[j].text));
    }
  }
  if (!reaches) ctx.emit('plan.reach-100', last.cell, msg.plan100(last.label, last.text), '100%', 'error');
  for (let i = 0; i < pts.length - 1; i++) {
    if (pts[i].blank) ctx.emit('plan.blank', pts[i].cell, msg.planBlank(pts[i].label), '0%', 'info');
  }
}

const GOAL_JUNK = /^[\s\-_*—.。、，,0-9]*$/;

function goals(ctx: TableContext): void {
  const g = ctx.table.goals;
  if (!g.cell) return;
  const s = g.text.trim();
  if (GOAL_JUNK.test(s)) {
    ctx.emit('goal.blank', g.cell, msg.goalBlank(), null, 'error');
    return;
  }
  if (PLACEHOLDER_RE.test(s) || /目标内容\s*\d/.test(s)) {
    ctx.emit('goal.placeholder', g.cell, msg.goalPlaceholder(s), null, 'error');
    return;
  }
  // Quantities named in the goals should come back as indicator values ("8个空气站" → 8个). One finding for the
  // goals cell, listing what is missing; a quantity that is the sum of two indicator values is accounted for.
  if (!/\d/.test(s)) return;
  const nums: number[] = [];
  for (const r of ctx.rows) {
    const p = r.va.parsed;
    if (p.kind === 'quant') nums.push(p.num);
    for (const m of (r.value.text + ' ' + r.desc.text + ' ' + r.l3.text).match(/\d+(?:\.\d+)?/g) || []) nums.push(parseFloat(m));
  }
  const have = new Set(nums);
  // Two indicator values in the goal's unit that add up to it (3次 对接 + 5次 宣传 = 8次).
  const sumOfTwo = (n: number, unit: string) => {
    const same: number[] = [];
    for (const r of ctx.rows) if (r.va.parsed.kind === 'quant' && r.va.parsed.unit === unit) same.push(r.va.parsed.num);
    return same.some((a, i) => same.some((b, j) => j > i && Math.abs(a + b - n) < 1e-9));
  };
  const missing: string[] = [];
  let m: RegExpExecArray | null;
  const text = s.replace(/^\s*\d+\s*[.．、]/gm, ' ');
  GOAL_QTY_RE.lastIndex = 0;
  while ((m = GOAL_QTY_RE.exec(text))) {
    const n = parseFloat(m[1]);
    const prevCh = text[m.index - 1] || '';
    if (n < 2 || /[.．年月第]/.test(prevCh) || /前\d*$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    const key = m[1] + m[2];
    if (have.has(n) || missing.indexOf(key) >= 0 || sumOfTwo(n, m[2])) continue;
    missing.push(key);
  }
  if (missing.length) ctx.emit('goal.xref', g.cell, msg.goalXref(missing.join('、')), null, 'warning');
}

/** A number and a count unit in goal text: "8个空气站", "购买炮弹490发", "培训1200人次". */
const GOAL_QTY_RE = new RegExp('(\\d+(?:\\.\\d+)?)\\s*(' + GOAL_UNITS.slice().sort((a, b) => b.length - a.length).join('|') + ')', 'g');

/** Layouts without a spend plan or a goals block: those checks did not run, and the user should know it. */
export const notChecked: WorkbookCheck = (ctxs) => {
  const gaps = ctxs.filter((c) => c.table.continues === undefined).map((c) => {
    const t = c.table;
    const missing: string[] = [];
    if (!t.plan.length) missing.push('plan');
    if (!t.goals.cell) missing.push('goals');
    return { c, missing: missing.join(',') };
  });
  const at = (c: TableContext) => c.table.title.cell || c.table.header.l1 || c.table.header.l3;
  const with_ = gaps.filter((g) => g.missing);
  if (!with_.length) return;
  // The same gap in every table of the workbook: say it once, on the first table.
  if (with_.length === gaps.length && with_.length > 1 && with_.every((g) => g.missing === with_[0].missing)) {
    const first = with_[0].c;
    first.emit('table.not-checked', at(first), msg.notCheckedAll(with_.length, with_[0].missing.split(',')), null, 'info');
    return;
  }
  for (const g of with_) g.c.emit('table.not-checked', at(g.c), msg.notChecked(g.missing.split(',')), null, 'info');
};

export const headerRules: TableCheck[] = [headerRequired, headerCode, moneySum, moneyNumber, plan, goals];
