// Rule profiles are data: a region or department can bring its own JSON without a code change.
import { z } from 'zod';

export const L1RoleSchema = z.enum(['output', 'benefit', 'satisfaction', 'cost']);
export const L2RoleSchema = z.enum([
  'quantity', 'quality', 'time', 'cost',
  'economic', 'social', 'ecological', 'sustainable',
  'satisfaction',
  'econCost', 'socialCost', 'ecoCost',
]);
export type L1Role = z.infer<typeof L1RoleSchema>;
export type L2Role = z.infer<typeof L2RoleSchema>;

const LevelName = z.object({
  name: z.string().min(1),
  /** Other names accepted as the same level without comment (e.g. 数量 for 数量指标). */
  aliases: z.array(z.string()).default([]),
  /** Regional names accepted but worth a hint to write the standard name (效果指标 → 效益指标). */
  hintAliases: z.array(z.string()).default([]),
});

export const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  basis: z.string(),
  kind: z.enum(['project', 'department']),
  levels: z.array(
    LevelName.extend({
      role: L1RoleSchema,
      children: z.array(LevelName.extend({ role: L2RoleSchema })).min(1),
    }),
  ).min(1),
  /** Spend plan checkpoints, each a list of accepted labels (9月底 and 10月底 are regional variants). */
  planMonths: z.array(z.array(z.string())).default([]),
  /** Coverage: at least one 三级 under each of these (error) / recommended (warning). */
  requiredL1: z.array(L1RoleSchema).default([]),
  recommendedL2: z.array(L2RoleSchema).default([]),
  recommendedL1: z.array(L1RoleSchema).default([]),
  /** Minimum satisfaction target in percent below which a warning is given. */
  satisfactionFloor: z.number().min(0).max(100).default(85),
  indicatorCount: z.object({ min: z.number().int(), max: z.number().int() }).default({ min: 5, max: 30 }),
});
export type Profile = z.infer<typeof ProfileSchema>;
