// Year-over-year comparison: each project of this year's workbooks against the same project of last year's.
// Pure core (no Node): the CLI builds snapshots of last year's tables (small, serialisable, so they cross to worker
// threads) and compares each table of this year with its match.
//
// Matching, first hit wins: the same 项目编码; the same 项目编码 with its two year digits ignored (Hebei codes are
// region(6) + year(2) + 'P' + …, so 13022522P0044CB10009G and 13022523P0044CB10009G are one project in two
// years); else the same 项目名称 with years and whitespace removed. Within each key a last-year project is used
// once, so two projects of the same name pair off in order.
//
// Findings (all warnings: each needs a reviewer's judgement, none is wrong in itself):
//   baseline.indicator-dropped        a 三级指标 of last year is gone
//   baseline.target-lowered           a target whose 依据 is 历史标准 is below last year's (above it for ≤ targets)
//   baseline.copied-unchanged         every target and the 绩效目标 text are last year's, word for word
//   baseline.budget-changed-targets-same  预算数 changed while every target stayed as it was
import { Diagnostic } from './diagnostic';
import { TargetTable, displayName } from './model';
import { analyzeValue, parseNumber, toYuan } from './value';
import { baselineText as T } from './i18n/review';
import { RuleInfo } from './rules/catalogue';

export interface IndicatorSnapshot {
  l3: string;
  value: string;
  basis: string;
}

/** What the comparison needs of one last-year project (plain data: JSON- and structured-clone-safe). */
export interface ProjectSnapshot {
  /** The file it came from, as the user named it. */
  file: string;
  name: string;
  code: string;
  /** 预算数 in 元, when it reads as a number. */
  budgetYuan: number | null;
  /** 预算数 as written, with its unit, for messages. */
  budgetText: string;
  goals: string;
  indicators: IndicatorSnapshot[];
}

export const baselineRules: RuleInfo[] = (
  [
    ['baseline.indicator-dropped', T.rule.dropped],
    ['baseline.target-lowered', T.rule.lowered],
    ['baseline.copied-unchanged', T.rule.copied],
    ['baseline.budget-changed-targets-same', T.rule.budgetOnly],
  ] as const
).map(([id, description]) => ({ id, severity: 'warning', profiles: ['*'], description }));

const squash = (s: string) => s.replace(/[\s\u3000\u200b\ufeff]+/g, '');
const nameKey = (s: string) => squash(s).replace(/(19|20)\d{2}\s*年度?/g, '').replace(/[（(]\s*\d{4}\s*[)）]/g, '');
const l3Key = (s: string) => squash(s).replace(/[（(]/g, '(').replace(/[）)]/g, ')');

/** Hebei-style codes (8 digits, then a letter) with their year digits blanked; '' for other codes. */
export function codeWithoutYear(code: string): string {
  const c = squash(code).toUpperCase();
  return /^\d{8}[A-Z]/.test(c) ? c.slice(0, 6) + '##' + c.slice(8) : '';
}

function budgetOf(t: TargetTable): { yuan: number | null; text: string } {
  if (!t.budget || !t.budget.total.text.trim()) return { yuan: null, text: '' };
  const n = parseNumber(t.budget.total.text);
  const unit = t.unit.text || '万元';
  return { yuan: n === null ? null : toYuan(n, unit), text: t.budget.total.text.trim() + (n === null ? '' : unit) };
}

export function snapshotOf(t: TargetTable, file: string): ProjectSnapshot {
  const b = budgetOf(t);
  return {
    file,
    name: displayName(t),
    code: squash(t.code.text),
    budgetYuan: b.yuan,
    budgetText: b.text,
    goals: squash(t.goals.text),
    indicators: t.indicators
      .filter((r) => !r.fragment && r.l3.text.trim())
      .map((r) => ({ l3: r.l3.text.trim(), value: squash(r.value.text), basis: squash(r.basis.text) })),
  };
}

/** Last year's projects, looked up by code, code without its year, then name. */
export class BaselineIndex {
  private readonly keys: Map<string, ProjectSnapshot[]>[] = [new Map(), new Map(), new Map()];
  private readonly used = new Set<ProjectSnapshot>();
  readonly size: number;

  constructor(projects: readonly ProjectSnapshot[]) {
    for (const p of projects) {
      const ks = [p.code, codeWithoutYear(p.code), nameKey(p.name)];
      ks.forEach((k, i) => {
        if (!k) return;
        const list = this.keys[i].get(k);
        if (list) list.push(p);
        else this.keys[i].set(k, [p]);
      });
    }
    this.size = projects.length;
  }

  /** The last-year project for this table, or undefined. Each is handed out once. */
  match(t: TargetTable): ProjectSnapshot | undefined {
    const ks = [squash(t.code.text), codeWithoutYear(t.code.text), nameKey(displayName(t))];
    for (let i = 0; i < ks.length; i++) {
      if (!ks[i]) continue;
      const hit = (this.keys[i].get(ks[i]) || []).find((p) => !this.used.has(p));
      if (hit) {
        this.used.add(hit);
        return hit;
      }
    }
    return undefined;
  }
}

type Direction = 'up' | 'down';

/** Which way a target is stricter: ≥/> targets go up, ≤/< go down; null when it is no ordered number. */
function readTarget(text: string): { dir: Direction; num: number; unit: string; money: boolean } | null {
  const p = analyzeValue(text).parsed;
  if (p.kind !== 'quant' || p.cmp === null || p.cmp === '=') return null;
  return { dir: p.cmp === '≥' || p.cmp === '>' ? 'up' : 'down', num: p.num, unit: p.unit, money: p.unitClass === 'money' };
}

/** A deadline this year that still names last year's date: copied without updating. */
function yearOf(text: string): number | undefined {
  const p = analyzeValue(text).parsed;
  return p.kind === 'deadline' ? p.year : undefined;
}

/**
 * Findings for one table of this year against its last-year match. `tableIndex` is the table's index in its file
 * (the findings carry it, as the engine's do).
 */
export function compareWithBaseline(t: TargetTable, tableIndex: number, last: ProjectSnapshot): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (cell: string) => cell || t.header.l3 || t.name.cell || t.title.cell || t.range.split(':')[0];
  const add = (rule: string, cell: string, message: string, suggestion?: string) =>
    out.push({ sheet: t.sheet, cell: at(cell), severity: 'warning', rule, message, suggestion: suggestion ?? null, table: tableIndex });

  const rows = t.indicators.filter((r) => !r.fragment && r.l3.text.trim());
  const now = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!now.has(l3Key(r.l3.text))) now.set(l3Key(r.l3.text), r);

  let matched = 0;
  let same = 0;
  let dropped = 0;
  for (const old of last.indicators) {
    const r = now.get(l3Key(old.l3));
    if (!r) {
      dropped++;
      add('baseline.indicator-dropped', t.header.l3 || '', T.dropped(old.l3, old.value, last.file));
      continue;
    }
    matched++;
    const value = squash(r.value.text);
    if (value === old.value) {
      same++;
      continue;
    }
    if (!/历史/.test(r.basis.text)) continue;
    const a = readTarget(value);
    const b = readTarget(old.value);
    // Money targets follow the budget; only like for like (same unit, same direction) is compared.
    if (!a || !b || a.money || a.dir !== b.dir || a.unit !== b.unit) continue;
    if (a.dir === 'up' ? a.num < b.num : a.num > b.num) add('baseline.target-lowered', r.value.cell, T.lowered(r.l3.text.trim(), r.value.text.trim(), old.value), old.value);
  }

  const added = rows.length - matched;
  const allSame = matched > 0 && same === matched && dropped === 0 && added === 0;
  const b = budgetOf(t);
  const budgetChanged = b.yuan !== null && last.budgetYuan !== null && b.yuan !== last.budgetYuan;
  if (allSame && budgetChanged) {
    add('baseline.budget-changed-targets-same', t.budget ? t.budget.total.cell : '', T.budgetOnly(last.budgetText, b.text, matched));
  } else if (allSame && matched >= 3 && last.goals !== '' && squash(t.goals.text) === last.goals) {
    add('baseline.copied-unchanged', t.goals.cell || t.name.cell, T.copied(matched, last.file));
  }
  // A deadline copied with last year's date in it, even when the rest changed.
  for (const r of rows) {
    const old = last.indicators.find((o) => l3Key(o.l3) === l3Key(r.l3.text));
    const y = old && squash(r.value.text) === old.value ? yearOf(r.value.text) : undefined;
    if (y !== undefined && !allSame) add('baseline.copied-unchanged', r.value.cell, T.copiedDeadline(r.l3.text.trim(), r.value.text.trim()));
  }
  return out;
}
