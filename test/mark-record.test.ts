// The saved record of marks (src/core/record.ts): schema, versions, splitting over keys, the stable finding key.
import { RECORD_KEY, RecordError, RecordStore, decodeFindings, displayDate, encodeFindings, findingKey, loadRecord, loadReview, emptyReview, saveRecord, StoredFinding } from '../src/core/record';

function memoryStore(): RecordStore & { data: Map<string, unknown>; saves: number } {
  const data = new Map<string, unknown>();
  const store = {
    data,
    saves: 0,
    get: (k: string) => data.get(k),
    set: (k: string, v: string) => void data.set(k, v),
    remove: (k: string) => void data.delete(k),
    save: async () => {
      store.saves++;
    },
  };
  return store;
}

const findings: StoredFinding[] = [
  { sheet: '表一', cell: 'B7', severity: 'error', rule: 'values.x', message: '指标值缺少比较符号', suggestion: '≥95%', at: 'B7' },
  { sheet: '表一', cell: 'A12', severity: 'warning', rule: 'values.x', message: '指标值缺少比较符号', suggestion: null, at: 'A10' },
  { sheet: '表二', cell: '表头', severity: 'info', rule: 'header.y', message: '缺少项目名称', suggestion: null, at: null },
];

describe('marks record', () => {
  it('round-trips through a store, split over keys no longer than the host allows', async () => {
    const store = memoryStore();
    const rec = { v: 2 as const, cells: 2, fills: { 表一: { '': 'B7', '#FFFF00': 'A10' } }, notes: { 表一: { B7: null, A10: ['原批注', '张三'] as [string, string] } }, ...encodeFindings(findings) };
    await saveRecord(store, rec, 40);
    const parts = [...store.data.keys()].filter((k) => k.startsWith(RECORD_KEY + '.'));
    expect(parts.length).toBeGreaterThan(3);
    for (const k of parts) expect((store.data.get(k) as string).length).toBeLessThanOrEqual(40);
    expect(loadRecord(store)).toEqual(rec);
    expect(decodeFindings(loadRecord(store)!)).toEqual(findings);
    // A repeated message is stored once.
    expect(rec.texts.filter((t) => t === '指标值缺少比较符号').length).toBe(1);
    // Removing it removes every part.
    await saveRecord(store, null, 40);
    expect(store.data.size).toBe(0);
    expect(loadRecord(store)).toBeNull();
  });

  it('reads a version-1 record (before the mechanism moved to the core), as Excel stored it', () => {
    const store = memoryStore();
    const v1 = { v: 1, cells: 1, fills: { 表一: { '': 'B7' } }, notes: { 表一: { B7: null } }, findings: { name: '审核意见', id: '{1}' } };
    store.data.set(RECORD_KEY, { v: 1, parts: 1 });
    store.data.set(RECORD_KEY + '.0', JSON.stringify(v1));
    expect(loadRecord(store)).toEqual({ ...v1, v: 2, texts: [], marked: {} });
  });

  it.each([
    ['a missing part', (s: Map<string, unknown>) => s.delete(RECORD_KEY + '.1'), /缺少第 2 段/],
    ['bad JSON', (s: Map<string, unknown>) => s.set(RECORD_KEY + '.0', '{"v":2,'), /内容无法解析/],
    ['a bad head', (s: Map<string, unknown>) => s.set(RECORD_KEY, '{"v":"x"}'), /头部格式不对/],
    ['a field of the wrong type', (s: Map<string, unknown>) => {
      s.set(RECORD_KEY, JSON.stringify({ v: 2, parts: 1 }));
      s.set(RECORD_KEY + '.0', JSON.stringify({ v: 2, cells: -1, fills: {}, texts: [], marked: {} }));
    }, /字段 cells 不符合格式/],
    // The cell maps are checked by hand (cellMap in record.ts), not by zod: a wrong value there is still refused.
    ['a fill that is not text', (s: Map<string, unknown>) => {
      s.set(RECORD_KEY, JSON.stringify({ v: 2, parts: 1 }));
      s.set(RECORD_KEY + '.0', JSON.stringify({ v: 2, cells: 1, fills: { 表一: { B7: 5 } }, texts: [], marked: {} }));
    }, /字段 fills\.表一 不符合格式/],
    ['a note of the wrong shape', (s: Map<string, unknown>) => {
      s.set(RECORD_KEY, JSON.stringify({ v: 2, parts: 1 }));
      s.set(RECORD_KEY + '.0', JSON.stringify({ v: 2, cells: 1, fills: {}, notes: { 表一: { B7: ['旧批注'] } }, texts: [], marked: {} }));
    }, /字段 notes\.表一 不符合格式/],
    ['a sheet of cells that is a list', (s: Map<string, unknown>) => {
      s.set(RECORD_KEY, JSON.stringify({ v: 2, parts: 1 }));
      s.set(RECORD_KEY + '.0', JSON.stringify({ v: 2, cells: 1, fills: { 表一: ['FFFF0000'] }, texts: [], marked: {} }));
    }, /字段 fills\.表一 不符合格式/],
    ['a finding pointing past the text pool', (s: Map<string, unknown>) => {
      s.set(RECORD_KEY, JSON.stringify({ v: 2, parts: 1 }));
      s.set(RECORD_KEY + '.0', JSON.stringify({ v: 2, cells: 0, fills: {}, texts: [], marked: { 表一: [['B7', 0, 0, 0, -1]] } }));
    }, /文字索引越界/],
  ])('a damaged record (%s) is a RecordError with a Chinese reason', async (_name, damage, reason) => {
    const store = memoryStore();
    await saveRecord(store, { v: 2, cells: 1, fills: { 表一: { '': 'B7' } }, ...encodeFindings(findings) }, 100);
    damage(store.data);
    const e = (() => {
      try {
        decodeFindings(loadRecord(store)!);
        return null;
      } catch (x) {
        return x as RecordError;
      }
    })();
    expect(e).toBeInstanceOf(RecordError);
    expect(e!.code).toBe('damaged');
    expect(e!.message).toMatch(reason);
    expect(e!.message).toMatch(/没有改动任何单元格/);
  });

  it('a record from a newer version is reported, not misread', () => {
    const store = memoryStore();
    store.data.set(RECORD_KEY, JSON.stringify({ v: 3, parts: 0 }));
    expect(() => loadRecord(store)).toThrow(/更新版本的加载项（记录版本 3）/);
    expect(loadReview(store)).toEqual(emptyReview());
  });

  it('finding keys: stable, ignore $ signs, change with the message', () => {
    const d = { rule: 'values.x', sheet: '表一', cell: '$B$7', message: '指标值缺少比较符号' };
    expect(findingKey(d)).toBe(findingKey({ ...d, cell: 'B7' }));
    expect(findingKey(d)).toMatch(/^values\.x\|表一\|B7\|[0-9a-f]{8}$/);
    expect(findingKey(d)).not.toBe(findingKey({ ...d, message: '指标值缺少比较符号（95）' }));
    expect(displayDate(new Date(2026, 0, 5))).toBe('2026年1月5日');
  });
});
