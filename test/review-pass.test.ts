// The review record v2 (src/core/record.ts: a confirmed remark's finding key, verdict choices, passes; v1 still
// read) and the pass comparison (src/core/review-pass.ts).
import { REVIEW_KEY, RecordStore, ReviewPass, applyReviewChange, emptyReview, findingKey, loadReview, saveReview, MAX_PASSES } from '../src/core/record';
import { diffPass, makePass, passKey, projectKeys } from '../src/core/review-pass';

function memoryStore(): RecordStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k), save: async () => undefined };
}

const k = (cell: string, message = '指标值缺少比较符号') => findingKey({ rule: 'values.x', sheet: '表一', cell, message });

describe('review record', () => {
  it('reads a v1 record (remarks without a finding key, no passes, no verdicts)', () => {
    const store = memoryStore();
    const remark = { id: 'r1', sheet: '表一', cell: 'B7', text: '请补充依据', author: '王审核', date: '2026年12月1日' };
    store.set(REVIEW_KEY, JSON.stringify({ v: 1, parts: 1 }));
    store.set(REVIEW_KEY + '.0', JSON.stringify({ v: 1, remarks: [remark], ignored: [] }));
    expect(loadReview(store)).toEqual({ v: 2, remarks: [remark], ignored: [], passes: [], verdicts: {} });
  });

  it('round-trips remarks with finding keys, verdict choices and passes; refuses a newer version', async () => {
    const store = memoryStore();
    let rec = emptyReview();
    rec = { ...rec, remarks: [{ id: 'r1', sheet: '表一', cell: 'B7', text: 'x', author: '王', date: 'd', finding: k('B7') }] };
    rec = applyReviewChange(rec, { kind: 'verdict', project: 'code:001', choice: { verdict: 'revise', by: '王', date: 'd' } });
    rec = applyReviewChange(rec, { kind: 'pass', pass: makePass('p1', new Date(Date.UTC(2026, 11, 1)), 'd', '王', [{ key: 'code:001', title: '项目', verdict: 'revise', findings: [k('B7')] }]) });
    await saveReview(store, rec, 30);
    expect(loadReview(store)).toEqual(rec);
    expect(loadReview(store).passes[0].projects[0].f).toEqual([passKey(k('B7'))]);
    // Back to the proposal: the choice goes.
    rec = applyReviewChange(rec, { kind: 'verdict', project: 'code:001', choice: null });
    expect(rec.verdicts).toEqual({});
    // Only verdicts or passes left still keep the record.
    await saveReview(store, { ...rec, remarks: [] }, 30);
    expect(loadReview(store).passes.length).toBe(1);
    store.set(REVIEW_KEY, JSON.stringify({ v: 3, parts: 0 }));
    expect(() => loadReview(store)).toThrow(/记录版本 3/);
  });

  it('a pass written again in the same session replaces itself; at most MAX_PASSES are kept', () => {
    const pass = (id: string): ReviewPass => makePass(id, new Date(0), 'd', '王', []);
    let rec = applyReviewChange(emptyReview(), { kind: 'pass', pass: pass('a') });
    rec = applyReviewChange(rec, { kind: 'pass', pass: { ...pass('a'), by: '李' } });
    expect(rec.passes.map((p) => [p.id, p.by])).toEqual([['a', '李']]);
    for (let i = 0; i < MAX_PASSES + 3; i++) rec = applyReviewChange(rec, { kind: 'pass', pass: pass('p' + i) });
    expect(rec.passes.length).toBe(MAX_PASSES);
    expect(rec.passes[MAX_PASSES - 1].id).toBe('p' + (MAX_PASSES + 2));
  });
});

describe('pass comparison', () => {
  it('project keys: 项目编码 first, else sheet and name; repeats numbered', () => {
    expect(
      projectKeys([
        { sheet: '表一', code: ' 130001 ', name: '环保督查经费' },
        { sheet: '表一', code: '', name: '环保督查经费' },
        { sheet: '表一', code: '', name: '环保督查经费' },
      ]),
    ).toEqual(['code:130001', 'name:表一|环保督查经费', 'name:表一|环保督查经费#2']);
  });

  it('counts new, resolved, still open and ignored findings per project and overall', () => {
    const last = makePass('p1', new Date(0), '2026年12月1日', '王审核', [
      { key: 'A', title: '甲', verdict: 'return', findings: [k('B7'), k('B8'), k('B9')] },
      { key: 'B', title: '乙', verdict: 'pass', findings: [] },
      { key: 'gone', title: '丙', verdict: 'revise', findings: [k('C1')] },
    ]);
    // B7 fixed, B8 still there, B9 still found but ignored, B10 new; project C new.
    const current = [
      { key: 'A', findings: [k('B8'), k('B10')] },
      { key: 'B', findings: [] },
      { key: 'C', findings: [k('D1')] },
    ];
    const found = [k('B8'), k('B9'), k('B10'), k('D1')];
    const d = diffPass(last, current, found)!;
    expect(d.last).toEqual({ by: '王审核', date: '2026年12月1日', at: new Date(0).toISOString() });
    expect(d.projects).toEqual([
      { key: 'A', isNew: false, lastVerdict: 'return', added: 1, resolved: 1, open: 1, ignored: 1 },
      { key: 'B', isNew: false, lastVerdict: 'pass', added: 0, resolved: 0, open: 0, ignored: 0 },
      { key: 'C', isNew: true, lastVerdict: null, added: 1, resolved: 0, open: 0, ignored: 0 },
    ]);
    expect(d.gone.map((p) => p.key)).toEqual(['gone']);
    // Overall: C1 (of the gone project) is no longer found either.
    expect(d.total).toEqual({ added: 2, resolved: 2, open: 1, ignored: 1 });
    // An edited cell changes the message: a new finding, the old one resolved.
    const edited = diffPass(last, [{ key: 'A', findings: [k('B7', '另一条'), k('B8'), k('B9')] }], [k('B7', '另一条'), k('B8'), k('B9')])!;
    expect(edited.projects[0]).toMatchObject({ added: 1, resolved: 1, open: 2 });
    expect(diffPass(null, current, found)).toBeNull();
  });
});
