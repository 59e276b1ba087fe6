// The indicator library is data (JSON validated here), so a department can bring its own and merge it in.
import { z } from 'zod';

export const PolaritySchema = z.enum(['正向', '反向', '定性', '等于']);
export const BasisCategorySchema = z.enum(['计划标准', '行业标准', '历史标准', '预算支出标准', '其他标准']);

export const ProjectTypeSchema = z.object({
  /** Stable id, lowercase ascii, e.g. "meeting", "training", "it-ops". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** zh-CN name, e.g. 会议. */
  name: z.string().min(1),
  /** Words and phrases that show a project is of this type (used by the classifier). */
  keywords: z.array(z.string().min(1)).min(1),
  description: z.string().default(''),
  /** 支出功能分类 类 the type belongs to (e.g. 教育), for browsing and coverage reports. */
  class: z.string().optional(),
  /** The published documents the type and its indicators were drawn from. */
  source: z.string().optional(),
});
export type ProjectType = z.infer<typeof ProjectTypeSchema>;

export const LibraryIndicatorSchema = z.object({
  /** Stable id: `<type>.<n>` or `common.<n>`. */
  id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/),
  /** Project type ids this indicator belongs to; ["common"] for indicators every project can use. */
  types: z.array(z.string()).min(1),
  /** Placement under the classic profile (成本 under 产出). */
  l1: z.string(),
  l2: z.string(),
  l3: z.string().min(2).max(40),
  /** Placement under core2021 (成本指标 as 一级 with 经济/社会/生态环境成本指标). */
  core2021: z.object({ l1: z.string(), l2: z.string() }),
  /** 指标解释: what it measures and how it is computed. */
  explanation: z.string().min(8),
  unit: z.string(),
  polarity: PolaritySchema,
  /** Value template: comparator + typical value or a placeholder such as {预算数}{单位}, {年度}, {数量}. */
  valueTemplate: z.string().min(1),
  basis: BasisCategorySchema,
  keywords: z.array(z.string()).default([]),
  /** Where it comes from: a seed project (e.g. "seed:004#1"), a document (e.g. "财预〔2021〕101号"), or "inference". */
  source: z.string().min(1),
});
export type LibraryIndicator = z.infer<typeof LibraryIndicatorSchema>;

export const LibrarySchema = z.object({
  version: z.string(),
  types: z.array(ProjectTypeSchema).min(1),
  indicators: z.array(LibraryIndicatorSchema).min(1),
});
export type Library = z.infer<typeof LibrarySchema>;
