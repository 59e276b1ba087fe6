// Templates are data (JSON validated here), like the rule profiles: a province or department can bring its own
// layout without a code change. Also the content a template renders (FilledTable) and the from-scratch form.
import { z } from 'zod';
import { MAX_COLUMN_WIDTH } from './ops';

/** Meta fields a template cell can show. */
export const FieldKeySchema = z.enum([
  'title', 'org', 'unit', 'code', 'name', 'budget.total', 'budget.fiscal', 'budget.other', 'purpose', 'goals',
]);
export type FieldKey = z.infer<typeof FieldKeySchema>;

/** What `unless` may test: a field, or a whole block of the table (budget, plan). */
const PresenceKeySchema = z.union([FieldKeySchema, z.enum(['budget', 'plan'])]);
export type PresenceKey = z.infer<typeof PresenceKeySchema>;

export const StyleSchema = z.object({
  /** Font size in points; default: the template's font size. */
  size: z.number().positive().optional(),
  bold: z.boolean().default(false),
  horizontal: z.enum(['left', 'center', 'right']).default('center'),
  vertical: z.enum(['top', 'middle', 'bottom']).default('middle'),
  wrap: z.boolean().default(true),
  /** Thin borders on every edge of every cell. */
  border: z.boolean().default(true),
  /** Minimum row height in points for rows holding this style. */
  minHeight: z.number().positive().optional(),
});
export type TemplateStyle = z.infer<typeof StyleSchema>;

const Span = z.number().int().min(1).default(1);

const LabelCellSchema = z.object({
  label: z.string(),
  /** The label is left out when this field is absent from the table (with its value cell). */
  for: FieldKeySchema.optional(),
  span: Span,
  style: z.string().default('label'),
});
const FieldCellSchema = z.object({
  field: FieldKeySchema,
  span: Span,
  style: z.string().default('value'),
  /** Cell text around the field's text: "单位：{}". */
  format: z.string().default('{}'),
  /** Write a number (formatted to show the same text) when the text is a plain number: 预算数 cells, so sums work. */
  number: z.boolean().default(false),
});
export const CellSpecSchema = z.union([LabelCellSchema, FieldCellSchema]);
export type LabelCell = z.infer<typeof LabelCellSchema>;
export type FieldCell = z.infer<typeof FieldCellSchema>;
export type CellSpec = z.infer<typeof CellSpecSchema>;

export const BlockSchema = z.object({
  id: z.string(),
  /** A label in the first column(s), merged down all rows the block renders (预算规模及资金用途). */
  side: z.object({ label: z.string(), span: Span, style: z.string().default('label') }).optional(),
  /** The block is left out when any of these is present (资金用途 on its own row only without a budget block). */
  unless: z.array(PresenceKeySchema).default([]),
  /**
   * Rows of cells, left to right after the side label. A cell whose field is absent is left out (with its
   * label); the last cell of a row then extends to the right edge; a row without any field left is dropped,
   * and a block without rows too. So a table renders exactly the blocks it has.
   */
  rows: z.array(z.array(CellSpecSchema)).default([]),
  /** The spend plan: month labels over their values, two rows, the last point extending to the right edge. */
  plan: z.boolean().default(false),
  /** Style of the plan's month labels and values. */
  planStyles: z.object({ label: z.string().default('label'), value: z.string().default('center') }).default({}),
});
export type Block = z.infer<typeof BlockSchema>;

export const GridRoleSchema = z.enum(['l1', 'l2', 'l3', 'scoring', 'desc', 'value', 'basis']);
export type GridRole = z.infer<typeof GridRoleSchema>;

export const GridColumnSchema = z.object({
  role: GridRoleSchema,
  label: z.string(),
  span: Span,
  style: z.string().default('text'),
  /** 指标值 over sub-columns 符号 · 值 · 单位 (a two-row header); the value is split to fill them. */
  split: z.tuple([z.string(), z.string(), z.string()]).optional(),
});
export type GridColumn = z.infer<typeof GridColumnSchema>;

export const TemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string(),
    kind: z.enum(['project', 'department']),
    /** The rule profile whose 一级/二级 this template's tables use (classic, core2021, department). */
    profile: z.string(),
    font: z.object({
      name: z.string().min(1),
      /** For renderers that can list fallbacks (CSS previews); a workbook cell holds one font name. */
      fallbacks: z.array(z.string()).default([]),
      size: z.number().positive(),
      /** OOXML font charset/family (134 = GB2312, 3 = modern): lets a spreadsheet pick a CJK substitute. */
      charset: z.number().int().optional(),
      family: z.number().int().optional(),
    }),
    /** Column widths in Excel character units (the width of "0" in the default font). */
    columns: z.array(z.number().positive().max(MAX_COLUMN_WIDTH)).min(1),
    styles: z.record(z.string(), StyleSchema),
    blocks: z.array(BlockSchema),
    grid: z.object({
      columns: z.array(GridColumnSchema).min(3),
      header: z.object({ style: z.string().default('header') }).default({}),
      /** Level columns merged down the rows of each 一级/二级 group. */
      mergeDown: z.array(z.enum(['l1', 'l2'])).default(['l1', 'l2']),
      /** Style of 一级/二级 cells and of sign/num/unit cells. */
      levelStyle: z.string().default('level'),
      splitStyle: z.string().default('center'),
    }),
    /** Spend-plan checkpoints of a new table. */
    planMonths: z.array(z.string()).default([]),
    /** Title of a new table: {no} and {name}. */
    titleFormat: z.string().default('{no}.{name}绩效目标表'),
    defaultUnit: z.string().default('万元'),
    /** Line height as a multiple of the font size, and padding in points, for row heights of wrapped text. */
    lineHeight: z.number().positive().default(1.35),
    rowPadding: z.number().min(0).default(5),
    minRowHeight: z.number().positive().default(20),
    print: z.object({
      paper: z.literal('A4'),
      orientation: z.enum(['portrait', 'landscape']).default('portrait'),
      fitToWidth: z.number().int().min(0).default(1),
      fitToHeight: z.number().int().min(0).default(0),
      /** Inches, as in the .xlsx file. */
      margins: z.object({
        left: z.number(), right: z.number(), top: z.number(), bottom: z.number(), header: z.number(), footer: z.number(),
      }),
      horizontalCentered: z.boolean().default(true),
      /** Repeat the indicator header on every printed page (one table per sheet only). */
      repeatHeader: z.boolean().default(true),
    }),
  })
  .superRefine((t, ctx) => {
    const n = t.columns.length;
    const styleNames = new Set(Object.keys(t.styles));
    const needStyle = (s: string, where: string) => {
      if (!styleNames.has(s)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `unknown style "${s}" in ${where}` });
    };
    const gridWidth = t.grid.columns.reduce((a, c) => a + (c.split ? Math.max(c.span, 3) : c.span), 0);
    if (gridWidth !== n) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `grid spans ${gridWidth} columns, template has ${n}` });
    for (const c of t.grid.columns) needStyle(c.style, 'grid ' + c.role);
    for (const s of [t.grid.header.style, t.grid.levelStyle, t.grid.splitStyle]) needStyle(s, 'grid');
    const roles = t.grid.columns.map((c) => c.role);
    for (const r of ['l3', 'value'] as const) if (roles.indexOf(r) < 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `grid has no ${r} column` });
    for (const b of t.blocks) {
      const side = b.side ? b.side.span : 0;
      if (b.side) needStyle(b.side.style, b.id);
      if (b.plan) {
        needStyle(b.planStyles.label, b.id);
        needStyle(b.planStyles.value, b.id);
      }
      for (const row of b.rows) {
        const w = side + row.reduce((a, c) => a + c.span, 0);
        if (w > n) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `block ${b.id}: a row spans ${w} columns, template has ${n}` });
        for (const c of row) needStyle(c.style, b.id);
      }
    }
  });
export type Template = z.infer<typeof TemplateSchema>;

// ---------------------------------------------------------------------------------------------------------
// What a template renders: a table's texts without cells. `undefined` = the table has no such cell (the block is
// left out unless completing); '' = the cell is there and blank.

export const SplitValueSchema = z.object({ sign: z.string(), num: z.string(), unit: z.string() });

export const FilledRowSchema = z.object({
  /** 一级/二级 as they apply to this row (merged or blank cells filled from above); raw text on fragment rows. */
  l1: z.string(),
  l2: z.string(),
  l3: z.string(),
  desc: z.string(),
  value: z.string(),
  basis: z.string(),
  /** 符号 · 值 · 单位 as written, for templates with split value columns. */
  split: SplitValueSchema.optional(),
  /** 评（扣）分标准 (department tables). */
  scoring: z.string().optional(),
  /** The tail of a row split by a page break, kept as written: its l1/l2 hold the text that landed there. */
  fragment: z.boolean().optional(),
});
export type FilledRow = z.infer<typeof FilledRowSchema>;

export const FilledTableSchema = z.object({
  kind: z.enum(['project', 'department']),
  title: z.string().optional(),
  org: z.string().optional(),
  unit: z.string().optional(),
  code: z.string().optional(),
  name: z.string().optional(),
  budget: z.object({ total: z.string().optional(), fiscal: z.string().optional(), other: z.string().optional() }).optional(),
  purpose: z.string().optional(),
  plan: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  goals: z.string().optional(),
  indicators: z.array(FilledRowSchema),
});
export type FilledTable = z.infer<typeof FilledTableSchema>;

// ---------------------------------------------------------------------------------------------------------
// The from-scratch form of the 模板 tab (and of tests/scripts).

const Trimmed = z.string().transform((s) => s.trim());

export const FormIndicatorSchema = z.object({
  l1: Trimmed,
  l2: Trimmed,
  l3: Trimmed,
  desc: z.string().default(''),
  value: Trimmed,
  basis: z.string().default(''),
});
export type FormIndicator = z.input<typeof FormIndicatorSchema>;

export const ProjectFormSchema = z.object({
  name: Trimmed,
  code: Trimmed.default(''),
  /** 单位名称 (with its code, as the published tables show it: 434002乐亭县人民政府办公室). */
  org: Trimmed.default(''),
  unit: z.enum(['万元', '元']).default('万元'),
  /** Table number in the title ("3.xxx绩效目标表"). */
  no: z.number().int().min(1).default(1),
  budget: z
    .object({ total: Trimmed.default(''), fiscal: Trimmed.default(''), other: Trimmed.default('') })
    .default({}),
  purpose: z.string().default(''),
  /** Cumulative shares by the template's plan months (3/6/10/12月底), e.g. ["25%", "50%", "75%", "100%"]. */
  plan: z.array(Trimmed).default([]),
  goals: z.string().default(''),
  indicators: z.array(FormIndicatorSchema).default([]),
});
export type ProjectForm = z.input<typeof ProjectFormSchema>;
