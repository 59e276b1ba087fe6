// The indicator hierarchy (一级/二级 under the profile), coverage, and the 三级 names themselves.
import { msg } from '../i18n/rules';
import { normLabel } from '../labels';
import { allLevelNames } from '../profiles';
import { PLACEHOLDER_RE } from '../value';
import { LogicalRow, TableCheck, TableContext } from './context';

const LEVEL_NAMES = allLevelNames();
const NA = /^(无|暂无|没有|\/|-|—|－|\*|_|其他|略|空|\\)$/;
const q = (s: string) => '“' + s + '”';

function levels(ctx: TableContext): void {
  const p = ctx.profile;
  const l1Names = p.levels.map((l) => l.name).join('、');
  const reported = new Set<string>();
  for (const r of ctx.rows) {
    const src = r.src;
    const l1Cell = src.l1.text.trim() ? src.l1.cell : '';
    const l2Cell = src.l2.text.trim() ? src.l2.cell : '';
    if (!r.l1) {
      if (src.effL1 && l1Cell && !reported.has(l1Cell)) {
        reported.add(l1Cell);
        ctx.emit('hierarchy.l1', l1Cell, msg.l1Unknown(src.effL1, l1Names));
      }
      continue;
    }
    if (r.l1.hint && l1Cell && !reported.has(l1Cell)) {
      reported.add(l1Cell);
      ctx.emit('hierarchy.alias', l1Cell, msg.alias(src.l1.text.trim(), r.l1.hint), r.l1.hint, 'info');
    }
    if (!l2Cell || reported.has(l2Cell)) continue;
    reported.add(l2Cell);
    const level = p.levels.find((l) => l.role === r.l1!.role)!;
    if (!r.l2) {
      ctx.emit('hierarchy.l2', l2Cell, msg.l2Unknown(src.effL2, level.name, level.children.map((c) => c.name).join('、')));
    } else if (r.l2.parent !== r.l1.role) {
      const right = p.levels.find((l) => l.role === r.l2!.parent)!;
      ctx.emit('hierarchy.l2', l2Cell, msg.l2Misplaced(src.effL2, level.name, right.name));
    } else if (r.l2.hint) {
      ctx.emit('hierarchy.alias', l2Cell, msg.alias(src.l2.text.trim(), r.l2.hint), r.l2.hint, 'info');
    }
  }
}

function coverage(ctx: TableContext): void {
  const t = ctx.table;
  // A part continued from another sheet is covered with its first part.
  if (!ctx.rows.length || t.continues !== undefined) return;
  // A row whose 三级 is "无" does not cover anything.
  const real = ctx.rows.concat(ctx.continuation).filter((r) => r.l3.text.trim() && !NA.test(r.norm.l3));
  const l1 = new Set(real.filter((r) => r.l1).map((r) => r.l1!.role));
  const l2 = new Set(real.filter((r) => r.l2).map((r) => r.l2!.role));
  // A project of a flat list shares the header with the others: its findings go on its own first row.
  const first = t.kind === 'flat' && t.indicators.length ? t.indicators[0] : undefined;
  const at = first ? first.l1.cell || first.l3.cell : t.header.l1 || t.header.l2 || t.header.l3;
  const atL2 = first ? first.l2.cell || at : t.header.l2 || at;
  const p = ctx.profile;
  if (p.requiredL1.includes('output') && !l1.has('output')) ctx.emit('coverage.output', at, msg.coverageOutput(), null, 'error');
  if (p.requiredL1.includes('benefit') && !l1.has('benefit')) ctx.emit('coverage.benefit', at, msg.coverageBenefit(), null, 'error');
  const hasCost = l1.has('cost') || l2.has('cost') || l2.has('econCost');
  if (p.kind === 'project' && !hasCost) ctx.emit('coverage.cost', atL2, msg.coverageCost(p.id === 'core2021'), null, p.id === 'core2021' ? 'error' : 'warning');
  if (l1.has('output')) {
    const L = msg.labels;
    const names: Record<string, string> = { quantity: L.quantity, quality: L.quality, time: L.time };
    const missing = p.recommendedL2.filter((x) => x !== 'cost' && names[x] && !l2.has(x)).map((x) => names[x]);
    if (missing.length) ctx.emit('coverage.qqt', atL2, msg.coverageQqt(missing.join(L.sep)), null, 'warning');
  }
  if (p.recommendedL1.includes('satisfaction') && !l1.has('satisfaction') && !l2.has('satisfaction'))
    ctx.emit('coverage.satisfaction', at, msg.coverageSat(), null, 'warning');
}

/** Level names as a 三级 ("社会效益指标", "社会效益"); 满意度 names are fine 三级 names on their own. */
function isLevelName(s: string): boolean {
  const n = normLabel(s).replace(/[()（）]/g, '');
  if (/满意度/.test(n) && !/指标$/.test(n)) return false;
  return LEVEL_NAMES.has(n) || LEVEL_NAMES.has(n + '指标');
}

function names(ctx: TableContext): void {
  const seen = new Map<string, LogicalRow>();
  let count = 0;
  for (const r of ctx.rows) {
    const raw = r.l3.text;
    const s = raw.trim();
    const cell = r.l3.cell;
    if (!s || NA.test(normLabel(s))) {
      // A wholly empty row is not worth a finding; one with a value or 依据 is.
      if (s || r.value.text.trim() || r.desc.text.trim()) ctx.emit('indicator.empty', cell, msg.indicatorEmpty(s), null, 'error');
      continue;
    }
    count++;
    if (PLACEHOLDER_RE.test(s)) {
      ctx.emit('indicator.placeholder', cell, msg.indicatorPlaceholder(s), null, 'error');
      continue;
    }
    if (isLevelName(s)) {
      ctx.emit('indicator.level-name', cell, msg.indicatorLevelName(s), null, 'error');
      continue;
    }
    const asValue = r.va && valueLikeName(s);
    if (asValue) {
      ctx.emit('indicator.is-value', cell, msg.indicatorIsValue(s), null, 'warning');
    }
    const key = normLabel(s).replace(/[()（）%％]/g, '');
    const first = seen.get(key);
    if (first) ctx.emit('indicator.duplicate', cell, msg.indicatorDuplicate(s, first.l3.cell + q(first.l3.text.trim())), null, 'warning');
    else seen.set(key, r);
    const len = normLabel(s).length;
    if (len > 40) ctx.emit('indicator.length', cell, msg.indicatorLength(s, len), null, 'warning');
  }
  const { min, max } = ctx.profile.indicatorCount;
  count += ctx.continuation.filter((r) => r.l3.text.trim() && !NA.test(r.norm.l3)).length;
  if (ctx.rows.length && ctx.table.continues === undefined && (count < min || count > max) && count > 0) ctx.emit('indicator.count', ctx.table.header.l3, msg.indicatorCount(count, min, max), null, 'warning');
}

/** A 三级 that is really a value: "2023年12月底前完成", "≥90%", "100%". */
function valueLikeName(s: string): boolean {
  const n = normLabel(s);
  if (/^(\d{4}年)?\d{1,2}月(底|末|\d{1,2}日)?(前|以前|之前)?(完成|全部完成)?$/.test(n)) return true;
  if (/^[≥≤><=＞＜＝]?\d+(\.\d+)?[%％]?$/.test(n)) return true;
  return false;
}

const RATE_NAME = /(率|比例|比率|占比|覆盖面)$/;
const COSTY_RATE = /成本|预算|支出|节约|节支|经费|费用|执行|资金使用|资金支付|资金拨付/;
const NOT_COST_RATE = /及时|按时|准确|合格|覆盖|达标|满意|完成/;
const BENEFIT_ROLES = ['economic', 'social', 'ecological', 'sustainable'];

/** "培训天数 ≥7天", "租用年限 =1年": an amount of time is a quantity, not a deadline. */
function isDuration(r: LogicalRow): boolean {
  const p = r.va.parsed;
  return p.kind === 'quant' && p.unitClass === 'duration';
}

function misfiled(ctx: TableContext): void {
  for (const r of ctx.rows) {
    if (!r.l2 || !r.l3.text.trim()) continue;
    const name = r.l3.text.trim();
    const role = r.l2.role;
    const l2 = r.src.effL2;
    const isCostRole = role === 'cost' || role === 'econCost';
    if (r.measure === 'cost' && (role === 'quantity' || role === 'quality' || role === 'time')) {
      ctx.emit('indicator.misfiled', r.l3.cell, msg.misfiledCost(name, l2));
    } else if (r.measure === 'cost' && BENEFIT_ROLES.indexOf(role) >= 0) {
      ctx.emit('indicator.misfiled', r.l3.cell, msg.misfiledCost(name, l2));
    } else if (r.measure === 'time' && (role === 'quantity' || role === 'quality' || isCostRole) && !isDuration(r)) {
      ctx.emit('indicator.misfiled', r.l3.cell, msg.misfiledTime(name, l2));
    } else if (r.measure === 'satisfaction' && role !== 'satisfaction') {
      ctx.emit('indicator.misfiled', r.l3.cell, msg.misfiledSatisfaction(name, l2));
    } else if (isCostRole && RATE_NAME.test(normLabel(name)) && (!COSTY_RATE.test(name) || NOT_COST_RATE.test(name))) {
      ctx.emit('indicator.misfiled', r.l3.cell, msg.misfiledRateAsCost(name));
    }
  }
}

const OUTPUT_NAME = /(人数|次数|场次|个数|篇数|户数|期数|件数|台数|份数)$/;
function outcome(ctx: TableContext): void {
  for (const r of ctx.rows) {
    if (!r.l1 || r.l1.role !== 'benefit') continue;
    const n = r.norm.l3;
    // Bad events kept at zero (因灾死亡人数 =0人) are outcomes, not outputs.
    if (OUTPUT_NAME.test(n) && !/增长|增加|提升|提高|带动|受益|新增|减少|下降|事故|事件|死亡|伤亡|案件|发生/.test(n)) ctx.emit('indicator.outcome', r.l3.cell, msg.indicatorOutcome(r.l3.text.trim()));
  }
}

export const hierarchyRules: TableCheck[] = [levels, coverage, names, misfiled, outcome];
