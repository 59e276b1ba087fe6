// The parsed target table. Every field keeps the text exactly as written and the cell it came from,
// so a finding can point at the cell and a fix can be written back there.
import { z } from 'zod';

export const FieldSchema = z.object({
  /** Display text exactly as written in the cell (merged continuation cells read as ""). */
  text: z.string(),
  /** A1 address on the table's sheet; "" when the layout has no such cell. */
  cell: z.string(),
});
export type Field = z.infer<typeof FieldSchema>;

export const IndicatorRowSchema = z.object({
  /** 0-based sheet row of this indicator row. */
  row: z.number().int(),
  l1: FieldSchema,
  l2: FieldSchema,
  l3: FieldSchema,
  desc: FieldSchema,
  /** 指标值 as one string; for split layouts the three cells joined (符号+值+单位, 文字描述 dropped). */
  value: FieldSchema,
  basis: FieldSchema,
  /** Present in split layouts (符号 · 值 · 单位 columns). */
  split: z
    .object({ sign: FieldSchema, num: FieldSchema, unit: FieldSchema })
    .optional(),
  /** 评（扣）分标准 of department-wide tables. */
  scoring: FieldSchema.optional(),
  /** 分值/权重 where the layout has one (一体化 exports, 自评表). */
  weight: FieldSchema.optional(),
  /** 指标方向(性) where the layout has one: 正向/反向. */
  direction: FieldSchema.optional(),
  /** 一级/二级 after filling blanks from the rows above (merged cells, continuation rows). */
  effL1: z.string(),
  effL2: z.string(),
  /** The tail of a row split in two by a page break (its value/依据 landed in the 一级/二级 cells). */
  fragment: z.boolean(),
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

export const TableKindSchema = z.enum(['project', 'department', 'flat']);
export type TableKind = z.infer<typeof TableKindSchema>;

export const TargetTableSchema = z.object({
  kind: TableKindSchema,
  sheet: z.string(),
  /** A1 range of the whole table on its sheet. */
  range: z.string(),
  /** Sequence number from the title ("3.xxx绩效目标表" → 3), or the table's position. */
  no: z.number().int(),
  title: FieldSchema,
  org: FieldSchema,
  /** Money unit from "单位：万元" ("万元" / "元" / ""). */
  unit: FieldSchema,
  code: FieldSchema,
  name: FieldSchema,
  budget: z.object({ total: FieldSchema, fiscal: FieldSchema, other: FieldSchema }).optional(),
  purpose: FieldSchema,
  plan: z.array(z.object({ label: FieldSchema, value: FieldSchema })),
  goals: FieldSchema,
  /** Set on a table continued from another sheet (its header repeated, no meta block): index of the first part
   *  in the workbook's table list. Name and title are copied from it (without cells: they are on that sheet). */
  continues: z.number().int().optional(),
  /** 实施期/中期/长期 goals where the layout has them beside the 年度 goals. */
  midGoals: FieldSchema.optional(),
  /** Header cells of the indicator grid by column role, for findings about the whole grid. */
  header: z.record(z.string(), z.string()),
  indicators: z.array(IndicatorRowSchema),
});
export type TargetTable = z.infer<typeof TargetTableSchema>;

export const emptyField = (): Field => ({ text: '', cell: '' });

/** The project's name for messages: 项目名称, else the title without number and suffix. */
export function displayName(t: TargetTable): string {
  if (t.name.text.trim()) return t.name.text.trim();
  return t.title.text
    .replace(/^\s*\d+\s*[.．、]\s*/, '')
    .replace(/(项目支出)?绩效目标表\s*$/, '')
    .trim();
}
