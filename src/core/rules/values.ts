// 指标值: grammar, and fit with what the indicator measures (rate, count, cost, deadline, satisfaction).
import { msg } from '../i18n/rules';
import { normLabel } from '../labels';
import { ParsedValue, parseNumber, toYuan } from '../value';
import { LogicalRow, TableCheck, TableContext } from './context';

const NA_L3 = /^(无|暂无|没有|\/|-|—|－|\*|_|其他|略|空)?$/;
/** Indicators where lower is better: a ≤ target is right for them. */
const NEGATIVE = /事故|投诉|差错|故障|违规|违法|超标|死亡|伤亡|失误|返工|不合格|误差|用时|时长|时间|等待|发生|损失|案件|上访|信访量|降低|减少|下降|污染|排放|能耗|成本|费用|支出|火灾|火情|受灾|灾害|犯罪|发案|案发|疾病|发病|感染|缺陷|拖欠|逾期|延误|退回|返贫|辍学|空置|隐患|闲置|返修|流失|离职|变更|败诉|漏损|成灾|差错|投诉/;
/** Names of timeliness read as a rate: "服务及时性 ≥95%", "按时发放". */
const TIME_AS_RATE = /及时|准时/;
const BENEFIT_ROLES = ['economic', 'social', 'ecological', 'sustainable'];
/**
 * Words that make a percentage meaningful for a name the semantics could not classify: a rate or share, a change
 * in percent ("收入增长 ≥5%"), coverage. 影响力, 长期使用性, 环境质量改善, 办公效率 have none of them: a ≥95% there
 * cannot be counted.
 */
const RATE_WORDS = /率|水平|安全感|获得感|幸福感|认可|认同|好评|信任|比例|比率|比重|占比|百分|覆盖|普及|满意|知晓|达标|合格|完成|增长|增加|增幅|提高|提升|下降|降低|减少|降幅|节约|节省|幅度|%|％/;
/** 效率 (efficiency), 频率 and 功率 end in 率 but are no percentage of a whole; 有效率 is. */
const notRates = (s: string) => s.replace(/(^|[^有])效率|频率|功率/g, '$1');
/** Per-unit money (元/人, 元每亩): not comparable with the total budget. */
const PER_UNIT = /[/／每]|人均|单价|标准|单位成本|每/;

function fmtMoney(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}

function budgetText(ctx: TableContext): string | null {
  const b = ctx.table.budget;
  if (!b || !b.total.text.trim()) return null;
  return b.total.text.trim() + (ctx.table.unit.text || '万元');
}

function suggestDeadline(ctx: TableContext): string {
  return (ctx.budgetYear ? ctx.budgetYear + '年' : '') + '12月底前完成';
}

function roleOf(r: LogicalRow): string | undefined {
  return r.l2 ? r.l2.role : undefined;
}

function formatIssues(ctx: TableContext, r: LogicalRow): void {
  const cell = r.value.cell;
  const raw = r.value.text;
  const p = r.va.parsed;
  const issues = r.va.issues;
  const best = p.kind === 'quant' || p.kind === 'deadline' ? p.normalized : undefined;
  const pick = (code: string) => issues.find((i) => i.code === code);
  const unitWord = pick('unit-word');
  const full = pick('fullwidth') || pick('ascii-cmp');
  // "250万" in a 万元 table reads right (reviewers accept it): no hint.
  const shorthand = p.kind === 'quant' && p.unit === '万' && (ctx.table.unit.text || '万元') === '万元';
  const wordFix = (unitWord && unitWord.suggestion) || best || '';
  if (unitWord && !shorthand) ctx.emit('value.unit-word', cell, msg.valueUnitWord(raw.trim(), wordFix), wordFix || null, 'warning');
  else if (full && !unitWord) ctx.emit('value.fullwidth', cell, msg.valueFullwidth(raw.trim(), best || full.suggestion || ''), best || full.suggestion || null, 'info');
  const spaces = pick('spaces');
  if (spaces && !unitWord && !full && !pick('split-number')) ctx.emit('text.whitespace', cell, msg.whitespace(raw), spaces.suggestion || raw.trim(), 'info');
}

function checkRow(ctx: TableContext, r: LogicalRow): void {
  const name = r.l3.text.trim();
  if (NA_L3.test(r.norm.l3)) return;
  const cell = r.value.cell;
  const raw = r.value.text.trim();
  const p: ParsedValue = r.va.parsed;
  const role = roleOf(r);
  const measure = r.measure;

  if (p.kind === 'empty') {
    ctx.emit('value.empty', cell, msg.valueEmpty(), null, 'error');
    return;
  }
  if (p.kind === 'malformed') {
    const codes = r.va.issues.map((i) => i.code);
    const sugg = r.va.issues.find((i) => i.suggestion)?.suggestion || p.suggestion || null;
    if (codes.includes('placeholder')) ctx.emit('value.placeholder', cell, msg.valuePlaceholder(raw), null, 'error');
    else if (codes.includes('na')) ctx.emit('value.malformed', cell, msg.valueNa(raw), null, 'error');
    else if (measure === 'cost' || ((role === 'cost' || role === 'econCost') && measure === 'unknown')) {
      const b = budgetText(ctx);
      const perUnit = PER_UNIT.test(name) || /每|人均/.test(raw);
      ctx.emit('cost.money', cell, msg.costMoney(name, raw, perUnit ? '≤N元/人' : b ? '≤' + b : '≤预算数'), perUnit ? null : sugg || (b ? '≤' + b : null), 'warning');
    } else if (measure === 'time' || (role === 'time' && measure === 'unknown')) {
      ctx.emit('time.form', cell, msg.timeForm(name, raw, suggestDeadline(ctx)), suggestDeadline(ctx), 'error');
    } else if (codes.includes('stray-words') && sugg) ctx.emit('value.malformed', cell, msg.valueStray(raw, sugg), sugg, 'error');
    else ctx.emit('value.malformed', cell, msg.valueMalformed(raw, p.reason), sugg, 'error');
    return;
  }
  // A number broken by a space ("≥200 0 人") has two readings: ask, whatever else is said about the cell.
  const split = r.va.issues.find((i) => i.code === 'split-number');
  if (split && split.readings) ctx.emit('value.ambiguous', cell, msg.ambiguous(raw, split.readings), null, 'warning');
  // Format hints (百分比 → %) only where no finding about the value's meaning supersedes them.
  const before = ctx.emitted();
  checkMeaning(ctx, r, name, cell, raw, p, role, measure);
  if (ctx.emitted() === before) formatIssues(ctx, r);
}

function checkMeaning(ctx: TableContext, r: LogicalRow, name: string, cell: string, raw: string, p: ParsedValue, role: string | undefined, measure: string): void {
  const isSat = measure === 'satisfaction' || (role === 'satisfaction' && (measure === 'unknown' || measure === 'rate'));
  const isCost = measure === 'cost' || ((role === 'cost' || role === 'econCost') && measure === 'unknown');
  const isTime = measure === 'time' || (role === 'time' && measure === 'unknown');
  const dir = r.src.direction ? normLabel(r.src.direction.text) : '';
  const negative = /^反向/.test(dir) || (!/^正向/.test(dir) && NEGATIVE.test(name));
  // The layout's own 指标方向 column against the comparator written.
  if (p.kind === 'quant' && p.cmp && dir) {
    const up = p.cmp === '≥' || p.cmp === '>';
    const down = p.cmp === '≤' || p.cmp === '<';
    if ((/^正向/.test(dir) && down) || (/^反向/.test(dir) && up)) ctx.emit('value.direction', cell, msg.directionColumn(r.src.direction!.text.trim(), raw), null, 'warning');
  }

  if (isSat) {
    if (p.kind !== 'quant' || p.unitClass !== 'percent') {
      const fix = p.kind === 'quant' && !p.unit ? p.normalized + '%' : '≥90%';
      ctx.emit('satisfaction.form', cell, msg.satForm(raw), fix, 'error');
      return;
    }
    if (p.cmp === '≤' || p.cmp === '<') ctx.emit('value.direction', cell, msg.directionPositive(name, raw), '≥' + p.numText + '%', 'warning');
    else if (p.num > 100) ctx.emit('value.percent-range', cell, msg.pctOver(raw), null, 'error');
    else if (p.num >= 100) ctx.emit('satisfaction.100', cell, msg.sat100(raw), '≥95%', 'warning');
    else if (p.num < ctx.profile.satisfactionFloor) ctx.emit('satisfaction.floor', cell, msg.satFloor(raw, ctx.profile.satisfactionFloor), '≥' + ctx.profile.satisfactionFloor + '%', 'warning');
    return;
  }

  if (isCost) {
    const b = budgetText(ctx);
    const fix = b ? '≤' + b : null;
    if (p.kind === 'quant' && p.unitClass === 'percent') {
      ctx.emit('value.unit-mismatch', cell, msg.mismatchCostPct(name, raw, fix), fix, 'error');
      return;
    }
    if (p.kind !== 'quant') {
      // A per-person standard is not the whole budget: no suggestion rather than a wrong one.
      const perUnit = PER_UNIT.test(name) || /每|人均/.test(raw);
      ctx.emit('cost.money', cell, msg.costMoney(name, raw, perUnit ? '≤N元/人' : fix || '≤预算数'), perUnit ? null : fix, 'warning');
      return;
    }
    // "≤885.2元" against a budget of 885.20万元: the unit slipped.
    const budgetNum = ctx.table.budget ? parseNumber(ctx.table.budget.total.text) : null;
    if (p.unit === '元' && (ctx.table.unit.text || '万元') === '万元' && budgetNum && Math.abs(p.num - budgetNum) < 0.01 * budgetNum) {
      ctx.emit('cost.unit', cell, msg.costUnit(name, raw, (ctx.table.budget as { total: { text: string } }).total.text.trim() + '万元'), (p.cmp || '') + p.numText + '万元', 'warning');
      return;
    }
    // "≤6.45万" leaves out 元: compare it with the budget all the same.
    const yuan = p.unitClass === 'money' ? toYuan(p.num, p.unit) : p.unit === '万' ? p.num * 10000 : null;
    const total = !PER_UNIT.test(p.unit) && !PER_UNIT.test(name);
    if (total && yuan !== null && ctx.budgetYuan !== null && yuan > ctx.budgetYuan * 1.0001 + 0.5)
      ctx.emit('cost.cap', cell, msg.costCap(name, raw, b || fmtMoney(ctx.budgetYuan) + '元'), fix, 'error');
    if (p.unit === '万') return; // shorthand for 万元: the format hint (→ 万元) says enough
    if (p.unitClass !== 'money') {
      if (p.unit) ctx.emit('value.unit-mismatch', cell, msg.mismatchCostUnit(name, raw), fix, 'warning');
      else ctx.emit('value.unit-missing', cell, msg.valueUnitMissing(raw), null, 'error');
      return;
    }
    // Per-unit standards (人均, 补助标准) may rightly be "≥" or "="; a total cost is a ceiling.
    if (total && (p.cmp === '≥' || p.cmp === '>')) ctx.emit('value.direction', cell, msg.directionCost(name, raw, '≤' + p.numText + p.unit), '≤' + p.numText + p.unit, 'warning');
    return;
  }

  if (isTime) {
    if (p.kind === 'quant' && p.unitClass === 'percent') {
      // 及时性/准时性 ≥95% and 按时/及时… are rates of timeliness: the accepted form. 完成时间 ≥95% is not.
      if (measure === 'time' && TIME_AS_RATE.test(normLabel(name))) checkPercent(ctx, r, p, name, raw, negative);
      else if (measure === 'time' && role && BENEFIT_ROLES.indexOf(role) >= 0) ctx.emit('value.pct-not-rate', cell, msg.pctNotRate(name, raw), null, 'warning');
      else if (measure === 'time') ctx.emit('value.unit-mismatch', cell, msg.mismatchTimePct(name, raw), suggestDeadline(ctx), 'error');
      else checkPercent(ctx, r, p, name, raw, negative);
      return;
    }
    if (p.kind === 'deadline') {
      // A period that starts in the budget year ("2023年7月-2024年1月", a service period) is within the plan.
      const startsInYear = ctx.budgetYear !== null && p.normalized.indexOf('-') > 0 && p.normalized.indexOf(String(ctx.budgetYear)) === 0;
      if (ctx.budgetYear && p.year && p.year !== ctx.budgetYear && ctx.table.kind !== 'department' && !startsInYear)
        ctx.emit('time.year', cell, msg.timeYear(raw, ctx.budgetYear), raw.replace(String(p.year), String(ctx.budgetYear)), 'warning');
      return;
    }
    if (p.kind === 'quant' && (p.unitClass === 'duration' || p.unitClass === 'count' || p.unitClass === 'other')) return;
    if (p.kind === 'qual') ctx.emit('time.form', cell, msg.timeForm(name, raw, suggestDeadline(ctx)), suggestDeadline(ctx), 'error');
    return;
  }

  if (measure === 'rate') {
    if (p.kind === 'quant' && p.unitClass === 'percent') checkPercent(ctx, r, p, name, raw, negative);
    else if (p.kind === 'quant' && p.unit) ctx.emit('value.unit-mismatch', cell, msg.mismatchRateUnit(name, raw), null, 'error');
    else if (p.kind === 'quant') ctx.emit('value.unit-missing', cell, msg.valueUnitMissing(raw), p.normalized + '%', 'error');
    else if (p.kind === 'qual') ctx.emit('value.unit-mismatch', cell, msg.mismatchRateUnit(name, raw), null, 'warning');
    return;
  }

  if (measure === 'count') {
    if (p.kind === 'quant' && p.unitClass === 'percent') {
      ctx.emit('value.unit-mismatch', cell, msg.mismatchCountPct(name, raw), null, 'error');
      return;
    }
    if (p.kind === 'quant') {
      const n = normLabel(name);
      const want = /人数$/.test(n) ? /^(人|名|人次|位)$/ : /次数$/.test(n) ? /^(次|场|期|轮|场次|批次|人次)$/ : null;
      const wantText = /人数$/.test(n) ? '人' : '次';
      if (want && p.unit && !want.test(p.unit)) ctx.emit('value.unit-mismatch', cell, msg.mismatchCountUnit(name, raw, wantText), null, 'warning');
      else if (!p.unit) ctx.emit('value.unit-missing', cell, msg.valueUnitMissing(raw), null, 'error');
      if ((p.cmp === '≤' || p.cmp === '<') && !negative) ctx.emit('value.direction', cell, msg.directionPositive(name, raw), '≥' + p.numText + p.unit, 'warning');
      if (p.num === 0 && (p.cmp === '≥' || p.cmp === '>')) ctx.emit('value.trivial', cell, msg.trivial(raw), null, 'warning');
    } else if (role === 'quantity' && p.kind === 'qual') {
      ctx.emit('value.qual-quantity', cell, msg.qualQuantity(name, raw), null, 'warning');
    }
    return;
  }

  // Meaning unknown: only grammar-level and clear-cut checks.
  if (p.kind === 'quant') {
    if (p.unitClass === 'percent' && role !== 'satisfaction' && !RATE_WORDS.test(notRates(r.norm.l3 + r.norm.desc)))
      ctx.emit('value.pct-not-rate', cell, msg.pctNotRate(name, raw), null, 'warning');
    else if (p.unitClass === 'percent') checkPercent(ctx, r, p, name, raw, negative, true);
    else if (p.num === 0 && (p.cmp === '≥' || p.cmp === '>')) ctx.emit('value.trivial', cell, msg.trivial(raw), null, 'warning');
  } else if (p.kind === 'qual') {
    if (role === 'quantity') ctx.emit('value.qual-quantity', cell, msg.qualQuantity(name, raw), null, 'warning');
    else if (!p.standard && normLabel(raw).length > 15) ctx.emit('value.qual-long', cell, msg.qualLong(raw), null, 'info');
  }
}

function checkPercent(ctx: TableContext, r: LogicalRow, p: Extract<ParsedValue, { kind: 'quant' }>, name: string, raw: string, negative: boolean, quiet = false): void {
  const cell = r.value.cell;
  if (p.num > 100 || (p.num === 100 && p.cmp === '>')) ctx.emit('value.percent-range', cell, msg.pctOver(raw), '=100%', 'error');
  else if (p.num === 100 && p.cmp === '≥') ctx.emit('value.percent-range', cell, msg.pctGe100(raw, '=100%'), '=100%', 'warning');
  else if (p.num === 0 && (p.cmp === '≥' || p.cmp === '>')) ctx.emit('value.trivial', cell, msg.trivial(raw), null, 'warning');
  else if (!quiet && !negative && (p.cmp === '≤' || p.cmp === '<')) ctx.emit('value.direction', cell, msg.directionPositive(name, raw), '≥' + p.numText + '%', 'warning');
}

function valueRule(ctx: TableContext): void {
  for (const r of ctx.rows) checkRow(ctx, r);
  // The same value in (nearly) every row: a template filled in without thought.
  const vals = ctx.rows.filter((r) => r.l3.text.trim()).map((r) => r.norm.value);
  if (vals.length >= 5) {
    const counts = new Map<string, number>();
    for (const v of vals) if (v) counts.set(v, (counts.get(v) || 0) + 1);
    for (const [v, n] of counts) {
      // Only a value on (nearly) every row is looked at further: asking each value was quadratic in the rows.
      if (n < Math.max(5, Math.ceil(vals.length * 0.8))) continue;
      const same = ctx.rows.filter((r) => r.norm.value === v);
      // Rates all aimed at 100% fit their indicators; the same value on counts, costs and dates does not.
      const misfit = same.filter((r) => r.measure !== 'rate' && r.measure !== 'satisfaction').length;
      if (misfit >= 2) ctx.emit('value.uniform', same[0].value.cell + ':' + same[same.length - 1].value.cell, msg.uniform(same[0].value.text.trim(), n), null, 'warning');
    }
  }
  // Most indicators qualitative: not 细化量化.
}

/** 分值/权重 of one table should add up to 100 (一体化 exports, 自评表). */
function weights(ctx: TableContext): void {
  const rows = ctx.rows.filter((r) => r.l3.text.trim() && r.src.weight);
  if (rows.length < 2 || !ctx.table.header.weight) return;
  let sum = 0;
  for (const r of rows) {
    const n = parseNumber(r.src.weight!.text);
    if (n === null) return;
    sum += n;
  }
  if (Math.abs(sum - 100) > 0.01) ctx.emit('weight.sum', rows[0].src.weight!.cell, msg.weightSum(fmtMoney(sum), rows.length), null, 'warning');
}

export const valueRules: TableCheck[] = [valueRule, weights];
