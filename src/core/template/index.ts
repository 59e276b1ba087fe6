// Standard tables as data, and the one pure API hosts call to fill them: parsed tables (or a form) in,
// host-neutral write operations out. No Office, DOM or Node APIs.
import { CheckResult, checkGrids } from '../check';
import { TargetTable } from '../model';
import { templateText as TT } from '../i18n/template';
import { Move, ProjectProfileId, convertProfile, profileOf } from './convert';
import { AcceptedFix, FillNote, completeTable, fillFromForm, fillFromTable } from './fill';
import { SheetOps, WorkbookOps, opsToGrids } from './ops';
import { Layout, append, filledNo, renderWorkbook } from './render';
import { FilledTable, ProjectForm, Template, TemplateSchema } from './schema';
import hebei from './data/hebei.json';
import core2021 from './data/core2021.json';
import department from './data/department.json';

export * from './schema';
export * from './ops';
export { columnWidthPoints } from './measure';
export { renderTable, renderWorkbook, splitValue, sheetNameFor, filledName, filledNo } from './render';
export type { Layout, RenderItem } from './render';
export { fillFromTable, fillFromForm, completeTable, joinSplitRows, sortByProfile } from './fill';
export type { AcceptedFix, FillNote, FillTableOptions, FormResult } from './fill';
export { convertProfile, profileOf } from './convert';
export type { Move, ProjectProfileId } from './convert';

export const builtinTemplates: Template[] = [hebei, core2021, department].map((t) => TemplateSchema.parse(t));

export const TEMPLATE_IDS = ['hebei', 'core2021', 'department'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export function findTemplate(id: string, extra: Template[] = []): Template | undefined {
  return [...extra, ...builtinTemplates].find((t) => t.id === id);
}

/** The template a table gets when none is asked for: by its kind and its profile. */
export function defaultTemplateFor(t: FilledTable, extra: Template[] = []): Template {
  const id = t.kind === 'department' ? 'department' : profileOf(t) === 'core2021' ? 'core2021' : 'hebei';
  return findTemplate(id, extra)!;
}

export interface FillOptions {
  /** Template id for every table (hebei | core2021 | department | a custom one); default: per table by kind and profile. */
  template?: string;
  layout?: Layout;
  /** Join rows split by a page break (the user agreed); default: keep them as written. */
  joinSplitRows?: boolean;
  /** Render every block of the template, blank where the source has nothing; default: only what the source has. */
  complete?: boolean;
  /** Accepted suggestions (应用建议), by sheet and cell of the source. */
  fixes?: AcceptedFix[];
  /** Templates brought as data besides the built-in ones. */
  templates?: Template[];
}

export interface FilledItem {
  /** Index of the source table. */
  source: number;
  table: FilledTable;
  template: Template;
  notes: FillNote[];
}

export interface FillResult {
  items: FilledItem[];
  ops: WorkbookOps;
}

export class UnknownTemplateError extends Error {}

/** One parsed table into its template: fixes, split rows, profile conversion, completion. */
export function fillItem(source: TargetTable, index: number, opts: FillOptions = {}): FilledItem {
  const extra = opts.templates || [];
  const base = fillFromTable(source, { joinSplitRows: opts.joinSplitRows, fixes: opts.fixes });
  let table = base.table;
  const notes = base.notes;
  let template = defaultTemplateFor(table, extra);
  if (opts.template) {
    const wanted = findTemplate(opts.template, extra);
    if (!wanted) throw new UnknownTemplateError(opts.template);
    if (wanted.kind !== table.kind) notes.push({ kind: 'kind-mismatch', wanted: wanted.name, used: template.name });
    else {
      template = wanted;
      if (wanted.profile === 'classic' || wanted.profile === 'core2021') {
        const c = convertProfile(table, wanted.profile as ProjectProfileId);
        table = c.table;
        if (c.moves.length) notes.push({ kind: 'profile', from: c.from, to: wanted.profile, moves: c.moves });
      }
    }
  }
  if (opts.complete) {
    const c = completeTable(table, template, filledNo(table, index));
    table = c.table;
    append(notes, c.notes);
  }
  return { source: index, table, template, notes };
}

/** All tables of a workbook into one new workbook (the batch of `ptcheck fill` and of the 模板 tab). */
export function fillWorkbook(tables: TargetTable[], opts: FillOptions = {}): FillResult {
  const items = tables.map((t, i) => fillItem(t, i, opts));
  return { items, ops: renderWorkbook(items, opts.layout || 'per-sheet') };
}

/** Preview data for the 模板 tab: one table as it will be written, its notes, and the ops for its sheet. */
export function previewTable(source: TargetTable, index: number, opts: FillOptions = {}): { item: FilledItem; ops: SheetOps } {
  const item = fillItem(source, index, opts);
  return { item, ops: renderWorkbook([item], 'per-sheet').sheets[0] };
}

/**
 * A new table from the form (library picks included), its ops, and what the checker says about it: the pane
 * shows the preview with the findings and writes the ops when the user confirms.
 */
export function previewForm(form: ProjectForm, templateId = 'hebei', extra: Template[] = []): { table: FilledTable; issues: string[]; ops: SheetOps; check: CheckResult } {
  const template = findTemplate(templateId, extra);
  if (!template) throw new UnknownTemplateError(templateId);
  if (template.kind !== 'project') throw new UnknownTemplateError(templateId);
  const { table, issues } = fillFromForm(form, template);
  const ops = renderWorkbook([{ table, template }], 'per-sheet').sheets[0];
  const check = checkGrids(opsToGrids({ sheets: [ops] }), template.profile === 'core2021' ? { profile: 'core2021' } : {});
  return { table, issues, ops, check };
}

/** One line of Chinese per note, for the report of a fill. */
export function noteText(n: FillNote): string {
  switch (n.kind) {
    case 'split-kept':
      return TT.splitKept(n.count);
    case 'split-joined':
      return TT.splitJoined(n.count);
    case 'split-not-joined':
      return TT.splitNotJoined(n.l3);
    case 'fix-applied':
      return TT.fixApplied(n.cell, n.from, n.to);
    case 'fix-unmatched':
      return TT.fixUnmatched(n.cell);
    case 'completed':
      return TT.completed(n.fields);
    case 'unit-assumed':
      return TT.unitAssumed;
    case 'profile':
      return TT.profileConverted(n.from, n.to, n.moves.length);
    case 'kind-mismatch':
      return TT.kindMismatch(n.wanted, n.used);
  }
}

/** One line per moved row: “花费成本”从 产出指标/成本指标 移到 成本指标/经济成本指标. */
export function moveText(m: Move): string {
  const merged = m.now.l2 !== m.was.l2 && /成本/.test(m.was.l2) && m.now.l2 === '成本指标' ? TT.costMerged(m.was.l2) : '';
  return TT.moved(m.l3, `${m.was.l1}/${m.was.l2}`, `${m.now.l1}/${m.now.l2}`) + merged;
}
