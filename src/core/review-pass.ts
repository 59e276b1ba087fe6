// What changed since the last review pass (issue 9): a pass is a compact snapshot (record.ts ReviewPass) of each
// project's findings and verdict, taken when the reviewer writes 审核结论; a later check is compared with the last
// pass kept, per project and overall. Pure: the pane only shows the result.
import { Verdict } from './review';
import { PassProject, ReviewPass, hash32 } from './record';

/** The key a finding is kept under in a pass: the hash of its findingKey (8 characters). */
export const passKey = (findingKey: string): string => hash32(findingKey);

/**
 * A project's key across passes: its 项目编码 where filled (stable when the name is edited), else sheet and name;
 * `n` tells apart two tables with the same key in one workbook (the second is "#2"). '' is for findings outside
 * every table.
 */
export function projectKey(p: { sheet: string; code: string; name: string }, n = 1): string {
  const base = p.code.trim() ? 'code:' + p.code.trim() : 'name:' + p.sheet + '|' + p.name.trim();
  return n > 1 ? base + '#' + n : base;
}

/** Keys for a list of projects in workbook order, numbering repeats. */
export function projectKeys(list: readonly { sheet: string; code: string; name: string }[]): string[] {
  const seen = new Map<string, number>();
  return list.map((p) => {
    const base = projectKey(p);
    const n = (seen.get(base) || 0) + 1;
    seen.set(base, n);
    return projectKey(p, n);
  });
}

export interface PassInput {
  key: string;
  title: string;
  verdict: Verdict;
  /** findingKeys of the project's findings shown (not ignored). */
  findings: readonly string[];
}

export function makePass(id: string, at: Date, date: string, by: string, projects: readonly PassInput[]): ReviewPass {
  return {
    id,
    at: at.toISOString(),
    date,
    by,
    projects: projects.map((p) => ({ key: p.key, title: p.title, verdict: p.verdict, f: p.findings.map(passKey) })),
  };
}

export interface ChangeCounts {
  /** Findings not in the last pass. */
  added: number;
  /** Findings of the last pass no longer found. */
  resolved: number;
  /** Findings of the last pass still shown. */
  open: number;
  /** Findings of the last pass still found but ignored since. */
  ignored: number;
}

export interface ProjectChange extends ChangeCounts {
  key: string;
  /** The project was not in the last pass (every finding counts as added). */
  isNew: boolean;
  /** Its verdict in the last pass. */
  lastVerdict: Verdict | null;
}

export interface PassDiff {
  /** The pass compared with. */
  last: Pick<ReviewPass, 'by' | 'date' | 'at'>;
  projects: ProjectChange[];
  /** Projects of the last pass not found now (renamed or removed). */
  gone: PassProject[];
  total: ChangeCounts;
}

/**
 * The current check against the last pass. `current`: per project the findingKeys shown; `found`: every finding
 * the check found, ignored ones included (an ignored finding is not resolved).
 */
export function diffPass(last: ReviewPass | null, current: readonly { key: string; findings: readonly string[] }[], found: readonly string[]): PassDiff | null {
  if (!last) return null;
  const foundSet = new Set(found.map(passKey));
  const count = (before: readonly string[], now: readonly string[]): ChangeCounts => {
    const was = new Set(before);
    const is = new Set(now);
    const c: ChangeCounts = { added: 0, resolved: 0, open: 0, ignored: 0 };
    for (const k of is) if (!was.has(k)) c.added++;
    for (const k of was) {
      if (is.has(k)) c.open++;
      else if (foundSet.has(k)) c.ignored++;
      else c.resolved++;
    }
    return c;
  };
  const byKey = new Map(last.projects.map((p) => [p.key, p]));
  const seen = new Set<string>();
  const projects: ProjectChange[] = current.map((p) => {
    const before = byKey.get(p.key);
    seen.add(p.key);
    return { key: p.key, isNew: !before, lastVerdict: before ? before.verdict : null, ...count(before ? before.f : [], p.findings.map(passKey)) };
  });
  const gone = last.projects.filter((p) => !seen.has(p.key));
  const all = (list: readonly { f: readonly string[] }[]) => list.reduce<string[]>((a, p) => a.concat(p.f), []);
  const total = count(all(last.projects), all(current.map((p) => ({ f: p.findings.map(passKey) }))));
  return { last: { by: last.by, date: last.date, at: last.at }, projects, gone, total };
}
