// Issue 9's review walk through the real Excel adapter over the fake office-js, on a real fixture: check, ignore one
// finding, remark on a cell, write the 审核结论 sheet, re-check (the ignored finding stays hidden, the remark stays),
// clear marks keeping the remarks (every cell as before except the kept remark's note).
import * as path from 'path';
import { FakeWorkbook, installFakeOffice, FakeOffice } from '../src/fakes/excel';
import { createExcelHost } from '../src/hosts/excel';
import { annotateText } from '../src/core/i18n/host';
import { reviewPaneText as R, verdictLabel } from '../src/core/i18n/review';
import { findingKey } from '../src/core/record';
import { TaskPaneSession } from '../src/taskpane/session';
import { NameStore, ReviewSession, changeText } from '../src/taskpane/review-session';
import { FIXTURES, loadGrids } from './helpers/load';

let fake: FakeOffice | null = null;
afterEach(() => {
  if (fake) fake.uninstall();
  fake = null;
});

function memoryNames(initial: string | null = null): NameStore & { value: string | null } {
  const s = { value: initial, get: () => s.value, set: (v: string) => void (s.value = v) };
  return s;
}

async function setup() {
  const grids = await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx'));
  const wb = FakeWorkbook.fromGrids(grids);
  fake = installFakeOffice(wb, { apiLevel: '1.18' });
  const pane = new TaskPaneSession(createExcelHost(), { yieldToUi: () => Promise.resolve() });
  const names = memoryNames();
  const review = new ReviewSession(pane, names, { now: () => new Date(2026, 11, 2) });
  return { wb, pane, review, names, first: grids[0].name };
}

it('remembers the reviewer and refuses to sign without a name', async () => {
  const { pane, review, names } = await setup();
  await review.check();
  const before = review.getState().remarks.length;
  await review.confirm();
  expect(pane.getState().notice!.text).toBe(R.reviewerMissing);
  expect(review.getState().remarks.length).toBe(before);
  review.setReviewer('  张 三 ');
  expect(names.value).toBe('张 三');
  expect(new ReviewSession(pane, names).getState().reviewer).toBe('张 三');
});

it('walks the review: check, ignore, remark, summary, re-check, clear keeping remarks', async () => {
  const { wb, pane, review, first } = await setup();
  const pristine = wb.snapshot();
  review.setReviewer('李审核');

  await review.check();
  let s = review.getState();
  expect(pane.getState().notice).toBeNull();
  expect(s.findings.length).toBeGreaterThan(1);
  expect(s.cursor).toBe(0);
  expect(s.projects.length).toBeGreaterThan(0);
  const total = s.findings.length;

  // Cursor: next, previous, clamped at the ends.
  await review.move(1);
  expect(review.getState().cursor).toBe(1);
  await review.move(-5);
  expect(review.getState().cursor).toBe(0);

  // 忽略 the first finding: hidden now, kept in the workbook with who.
  const ignored = review.current()!;
  await review.ignore();
  s = review.getState();
  expect(s.findings.length).toBe(total - 1);
  expect(s.findings.some((f) => f.key === ignored.key)).toBe(false);
  expect(s.ignored.map((x) => x.key)).toEqual([findingKey(ignored)]);
  expect(s.ignored[0].by).toBe('李审核');

  // A free remark on the selected cell.
  await pane.host.select(first, 'B2');
  await review.remarkOnSelection('请补充项目负责人');
  s = review.getState();
  expect(pane.getState().notice!.text).toBe(R.remarkAdded(first, 'B2'));
  expect(s.remarks.map((r) => [r.remark.cell, r.remark.text, r.status])).toEqual([['B2', '请补充项目负责人', 'note']]);
  const note = wb.sheet(first)!.cell(1, 1).note;
  expect(note).toContain('请补充项目负责人');
  expect(note).toContain('李审核');

  // The verdicts follow the findings; an override is kept; the summary sheet lists projects and the remark.
  const p0 = s.projects[0];
  expect(p0.verdict).toBe(p0.counts.error ? 'return' : p0.counts.warning ? 'revise' : 'pass');
  review.setVerdict(p0.table, 'revise');
  await review.writeSummary();
  const sheetName = review.getState().summarySheet!;
  expect(sheetName).toBe(R.sheet.name);
  const sum = wb.sheet(sheetName)!;
  expect(sum.cell(3, 1).text).toBe(p0.title);
  expect(sum.cell(3, 3).text).toBe(verdictLabel.revise);
  const texts: string[] = [];
  for (let r = 0; r < sum.rowCount; r++) texts.push(sum.cell(r, 3).text);
  expect(texts).toContain('请补充项目负责人');

  // Re-check: the ignored finding stays hidden, the remark stays, the override stays.
  await review.check();
  s = review.getState();
  expect(s.findings.length).toBe(total - 1);
  expect(s.findings.some((f) => findingKey(f) === findingKey(ignored))).toBe(false);
  expect(s.remarks.map((r) => r.remark.text)).toEqual(['请补充项目负责人']);
  expect(s.projects[0].verdict).toBe('revise');
  expect(wb.sheet(first)!.cell(1, 1).note).toContain('请补充项目负责人');
  expect(pane.getState().notice).toBeNull();

  // Clear keeping the remark: every user cell as before, except the kept remark's note; 审核意见 keeps its row.
  await review.clear(true);
  expect(wb.sheet(annotateText.sheetName)).toBeTruthy();
  const after = wb.snapshot().sheets.filter((x) => pristine.sheets.some((p) => p.name === x.name));
  const kept = after.find((x) => x.name === first)!;
  expect(kept.notes.B2.content).toContain('请补充项目负责人');
  delete kept.notes.B2;
  expect(after).toEqual(pristine.sheets);

  // Clearing everything leaves the user's sheets exactly as they were.
  await review.clear(false);
  expect(review.getState().remarks).toEqual([]);
  expect(wb.snapshot().sheets.filter((x) => x.name !== sheetName)).toEqual(pristine.sheets);
});

it('a confirmed finding is a remark; fixed and re-checked it shows as resolved; un-ignore brings a finding back', async () => {
  const { pane, review } = await setup();
  review.setReviewer('王审核');
  await review.check();
  const total = review.getState().findings.length;
  const f = review.current()!;
  await review.confirm();
  let s = review.getState();
  expect(s.confirmed).toEqual([f.key]);
  expect(s.remarks.map((r) => [r.remark.text, r.status])).toEqual([[f.message, 'open']]);

  await review.move(1);
  const g = review.current()!;
  await review.ignore();
  expect(review.getState().findings.length).toBe(total - 1);
  await review.unignore(findingKey(g));
  expect(review.getState().findings.length).toBe(total);
  expect(review.getState().ignored).toEqual([]);

  // The sender applies the suggestion of a confirmed finding and re-checks: its remark shows as resolved, not lost.
  const fixable = review.getState().findings.findIndex((x) => !!x.suggestion && !!x.target);
  expect(fixable).toBeGreaterThanOrEqual(0);
  await review.move(fixable - review.getState().cursor);
  const h = review.current()!;
  await review.confirm();
  await pane.applySuggestion(h.key);
  await review.check();
  s = review.getState();
  const byText = new Map(s.remarks.map((r) => [r.remark.text, r.status]));
  expect(byText.get(h.message)).toBe('resolved');
  expect(s.remarks.length).toBe(h.message === f.message ? 1 : 2);
});

/** Saves the workbook and opens it again: a new fake office-js, host, pane session and review session. */
function reopen(wb: FakeWorkbook, names: NameStore, date: Date) {
  if (fake) fake.uninstall();
  const again = FakeWorkbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
  fake = installFakeOffice(again, { apiLevel: '1.18' });
  const pane = new TaskPaneSession(createExcelHost(), { yieldToUi: () => Promise.resolve() });
  return { wb: again, pane, review: new ReviewSession(pane, names, { now: () => date }) };
}

it('across sessions: remarks resolved by their finding, verdict choices kept, the second pass compared with the first', async () => {
  const { wb, pane, review, names, first } = await setup();
  review.setReviewer('王审核');
  await review.check();
  const s1 = review.getState();
  expect(s1.changes).toBeNull();
  // Confirm a finding the sender can fix (its suggestion), and one that stays; a free remark.
  const fixable = s1.findings.findIndex((x) => !!x.suggestion && !!x.target);
  await review.move(fixable);
  const fixed = review.current()!;
  await review.confirm();
  const staying = s1.findings.find((x) => x.key !== fixed.key && x.sheet === fixed.sheet && (!x.suggestion || !x.target) && x.cell.split(':')[0] !== fixed.cell.split(':')[0])!;
  await review.move(s1.findings.indexOf(staying) - review.getState().cursor);
  await review.confirm();
  await pane.host.select(first, 'A1');
  await review.remarkOnSelection('整体格式较好');
  const remarks = (await pane.host.reviewState()).remarks;
  expect(remarks.map((r) => r.finding)).toEqual([findingKey(fixed), findingKey(staying), undefined]);
  const p0 = review.getState().projects[0];
  const other = p0.proposed === 'return' ? 'revise' : 'return';
  await review.setVerdict(p0.table, other);
  expect(review.getState().projects[0].chosen).toEqual({ verdict: other, by: '王审核', date: '2026年12月2日' });
  // 恢复为建议结论: the choice leaves the record, the proposal shows again; then chosen once more for the pass below.
  await review.resetVerdict(p0.table);
  expect(review.getState().projects[0]).toMatchObject({ verdict: p0.proposed, chosen: null });
  expect((await pane.host.reviewState()).verdicts[p0.key]).toBeUndefined();
  await review.setVerdict(p0.table, other);
  await review.writeSummary();
  const rec = await pane.host.reviewState();
  expect(rec.passes.length).toBe(1);
  expect(rec.passes[0].by).toBe('王审核');
  expect(rec.passes[0].projects[0]).toMatchObject({ key: p0.key, verdict: other });
  // Written again in the same session: still one pass.
  await review.writeSummary();
  expect((await pane.host.reviewState()).passes.length).toBe(1);
  // The 审核结论 sheet links each remark to its cell.
  const sum = wb.sheet(R.sheet.name)!;
  const linkRows: string[] = [];
  for (let r = 0; r < sum.rowCount; r++) if (sum.cell(r, 2).formula) linkRows.push(sum.cell(r, 2).formula!);
  expect(linkRows).toContain(`=HYPERLINK("#'${first.replace(/'/g, "''")}'!A1","A1")`);
  expect(linkRows.length).toBe(3);

  // The sender reopens the returned workbook: the remarks are there, waiting for a check; fixes one; re-checks.
  const sender = reopen(wb, memoryNames('科室张三'), new Date(2026, 11, 5));
  await sender.review.load();
  expect(sender.review.getState().remarks.map((r) => r.status)).toEqual(['pending', 'pending', 'note']);
  await sender.review.check();
  expect(sender.review.getState().remarks.map((r) => r.status)).toEqual(['open', 'open', 'note']);
  const again = sender.pane.allFindings().find((x) => findingKey(x) === findingKey(fixed))!;
  await sender.pane.applySuggestion(again.key);
  await sender.review.check();
  expect(sender.review.getState().remarks.map((r) => [r.remark.text, r.status])).toEqual([
    [fixed.message, 'resolved'],
    [staying.message, 'open'],
    ['整体格式较好', 'note'],
  ]);

  // The reviewer's second pass, after another save and reopen: the choice stays, the change since the first pass shows.
  const second = reopen(sender.wb, names, new Date(2026, 11, 8));
  await second.review.check();
  const s2 = second.review.getState();
  expect(s2.projects[0]).toMatchObject({ key: p0.key, verdict: other, chosen: { verdict: other, by: '王审核' } });
  expect(s2.changes!.last).toMatchObject({ by: '王审核', date: '2026年12月2日' });
  expect(s2.changes!.total.resolved).toBeGreaterThanOrEqual(1);
  expect(s2.changes!.total.open).toBe(s1.findings.length - s2.changes!.total.resolved);
  const change = s2.projects.find((p) => p.table === fixed.table)!.change!;
  expect(change.resolved).toBeGreaterThanOrEqual(1);
  expect(change.lastVerdict).toBeTruthy();
  await second.review.writeSummary();
  const sheet2 = second.wb.sheet(second.review.getState().summarySheet!)!;
  const header = [];
  for (let c = 0; c < 9; c++) header.push(sheet2.cell(3, c).text);
  expect(header[8]).toBe(R.sheet.compareHeader);
  expect(sheet2.cell(2, 0).text).toContain(R.changesTitle('王审核', '2026年12月2日'));
  expect(sheet2.cell(4, 8).text).toBe(changeText(s2.projects[0].change!));
  expect((await second.pane.host.reviewState()).passes.length).toBe(2);
  // A choice changed again replaces the first.
  await second.review.setVerdict(p0.table, 'pass');
  expect((await second.pane.host.reviewState()).verdicts[p0.key].verdict).toBe('pass');
});
