// The reviewer's verdict per project (通过 / 修改后通过 / 退回修改), proposed from the findings. Pure: the CLI's
// reports and the task pane's 审核 tab call the same functions, so a folder run and the pane never disagree.
//
// The proposal, with the default policy:
//   - any error-level finding            → 'return'  (退回修改: the table is wrong and goes back)
//   - else any warning-level finding     → 'revise'  (修改后通过: acceptable once fixed, no second review)
//   - else (only 提示, or nothing)        → 'pass'    (通过)
// A reviewer may override it; the proposal is only a starting point. Thresholds are a policy object so a bureau
// can be stricter (e.g. return from three warnings on) without a code change.
import { z } from 'zod';
import { Severity } from './diagnostic';

export const VerdictSchema = z.enum(['pass', 'revise', 'return']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const SeverityCountsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type SeverityCounts = z.infer<typeof SeverityCountsSchema>;

export const VerdictPolicySchema = z.object({
  /** Return the table from this many error-level findings on (≥ 1). */
  returnAtErrors: z.number().int().positive(),
  /** Return the table from this many warnings on, even without errors (0: never for warnings alone). */
  returnAtWarnings: z.number().int().nonnegative(),
  /** 修改后通过 from this many warnings on (≥ 1); fewer warnings and no errors: 通过. */
  reviseAtWarnings: z.number().int().positive(),
});
export type VerdictPolicy = z.infer<typeof VerdictPolicySchema>;

export const defaultVerdictPolicy: VerdictPolicy = { returnAtErrors: 1, returnAtWarnings: 0, reviseAtWarnings: 1 };

/** Order from best to worst: a file's verdict is the worst of its projects'. */
export const verdictRank: Record<Verdict, number> = { pass: 0, revise: 1, return: 2 };

export function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

export function countSeverities(findings: readonly { severity: Severity }[]): SeverityCounts {
  const c = emptyCounts();
  for (const f of findings) c[f.severity]++;
  return c;
}

export function addCounts(a: SeverityCounts, b: SeverityCounts): SeverityCounts {
  return { error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info };
}

export function proposeVerdict(counts: SeverityCounts, policy: VerdictPolicy = defaultVerdictPolicy): Verdict {
  if (counts.error >= policy.returnAtErrors) return 'return';
  if (policy.returnAtWarnings > 0 && counts.warning >= policy.returnAtWarnings) return 'return';
  if (counts.warning >= policy.reviseAtWarnings) return 'revise';
  return 'pass';
}

export function worstVerdict(verdicts: readonly Verdict[]): Verdict | null {
  let worst: Verdict | null = null;
  for (const v of verdicts) if (worst === null || verdictRank[v] > verdictRank[worst]) worst = v;
  return worst;
}

export interface ProjectReview {
  /** Index of the table in the file's table list. */
  table: number;
  counts: SeverityCounts;
  verdict: Verdict;
}

export interface FileReview {
  projects: ProjectReview[];
  /** Findings outside every table (e.g. a sheet-wide one): they count for the file, not for a project. */
  outside: SeverityCounts;
  counts: SeverityCounts;
  /** Worst of the projects' verdicts and of the findings outside them; null for a file without any table. */
  verdict: Verdict | null;
}

/**
 * One file's review: per table the counts and the proposed verdict, then the file's. `tableOf` says which table a
 * finding belongs to (-1: none); hosts pass their own lookup (the report's `tableIndexOf`, the pane's session).
 */
export function reviewFile<F extends { severity: Severity }>(
  tableCount: number,
  findings: readonly F[],
  tableOf: (f: F) => number,
  policy: VerdictPolicy = defaultVerdictPolicy,
): FileReview {
  const per: SeverityCounts[] = [];
  for (let i = 0; i < tableCount; i++) per.push(emptyCounts());
  const outside = emptyCounts();
  for (const f of findings) {
    const i = tableOf(f);
    (i >= 0 && i < tableCount ? per[i] : outside)[f.severity]++;
  }
  const projects = per.map((counts, table) => ({ table, counts, verdict: proposeVerdict(counts, policy) }));
  const counts = per.reduce(addCounts, outside);
  const verdicts = projects.map((p) => p.verdict);
  if (outside.error || outside.warning || outside.info) verdicts.push(proposeVerdict(outside, policy));
  return { projects, outside, counts, verdict: tableCount ? worstVerdict(verdicts) : null };
}
