// Header, money, spend plan and 绩效目标 text.
import { msg } from '../i18n/rules';
import { normLabel } from '../labels';
import { PLACEHOLDER_RE, parseNumber } from '../value';
import { TableCheck, TableContext } from './context';

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
  const total = parseNumber(b.total.text);
  const fiscal = b.fiscal.text.trim() ? parseNumber(b.fiscal.text) : 0;
  const other = b.other.text.trim() ? parseNumber(b.other.text) : 0;
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
    const n = parseNumber(s);
    if (n === null) {
      const m = /^(\d+(?:\.\d+)?)\s*(万元|元)$/.exec(s);
      ctx.emit('money.number', f.cell, msg.moneyNotNumber(label, s), m && m[2] === (ctx.table.unit.text || '万元') ? m[1] : null);
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
  // Quantities named in the goals should come back as indicator values ("8个空气站" → 8个).
  if (!/\d/.test(s)) return;
  const nums = new Set<number>();
  for (const r of ctx.rows) {
    const p = r.va.parsed;
    if (p.kind === 'quant') nums.add(p.num);
    for (const m of (r.value.text + ' ' + r.desc.text + ' ' + r.l3.text).match(/\d+(?:\.\d+)?/g) || []) nums.add(parseFloat(m));
  }
  const seen = new Set<string>();
  const re = /(\d+(?:\.\d+)?)\s*(个|人次|人|次|场|户|名|家|所|台|套|件|份|篇|期|条|村|处|座|辆|项|批|棵|株|亩|公里|千米|平方米)/g;
  let m: RegExpExecArray | null;
  const text = s.replace(/^\s*\d+\s*[.．、]/gm, ' ');
  while ((m = re.exec(text))) {
    const n = parseFloat(m[1]);
    const prevCh = text[m.index - 1] || '';
    if (n < 2 || /[.．年月第]/.test(prevCh) || /前\d*$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    const key = m[1] + m[2];
    if (nums.has(n) || seen.has(key)) continue;
    seen.add(key);
    ctx.emit('goal.xref', g.cell, msg.goalXref(key), null, 'warning');
  }
}


export const headerRules: TableCheck[] = [headerRequired, headerCode, moneySum, moneyNumber, plan, goals];
