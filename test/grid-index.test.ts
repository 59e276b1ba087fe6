// The Grid's merge index (a list per row, a column map for a row crossed by many merges, a scan for huge blocks)
// against the plain definition: the last merge added that covers the cell.
import { Grid, Rect, parseA1, parseRange } from '../src/core/grid';

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const reference = (merges: Rect[], row: number, col: number): Rect | undefined => {
  for (let i = merges.length - 1; i >= 0; i--) {
    const m = merges[i];
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
};

describe('Grid merge index', () => {
  test.each([1, 2, 3, 4, 5])('random merges (seed %i), overlapping, many on one row, and huge blocks', (seed) => {
    const rnd = mulberry32(seed);
    const g = new Grid('s');
    const merges: Rect[] = [];
    const add = (m: Rect) => {
      merges.push(m);
      g.addMerge(m);
    };
    for (let i = 0; i < 60; i++) {
      const top = Math.floor(rnd() * 40);
      const left = Math.floor(rnd() * 12);
      add({ top, left, bottom: top + Math.floor(rnd() * 3), right: left + Math.floor(rnd() * 3) });
    }
    // Row 7: twenty one-row merges side by side (past the short-list limit: a column map).
    for (let c = 0; c < 40; c += 2) add({ top: 7, left: c, bottom: 7, right: c + 1 });
    // A block of more than 4,096 cells, looked for among the big ones.
    add({ top: 20, left: 3, bottom: 2000, right: 8 });
    const unique = new Set(merges).size;
    expect(unique).toBe(merges.length);
    let covered = 0;
    for (let r = 0; r < 60; r++) {
      for (let c = 0; c < 45; c++) {
        const want = reference(merges, r, c);
        if (want) covered++;
        // A big block loses to any indexed merge over it (it is looked for last), as before the per-row index.
        const got = g.mergeAt(r, c);
        const indexedWant = reference(merges.filter((m) => (m.bottom - m.top + 1) * (m.right - m.left + 1) <= 4096), r, c) || want;
        expect(got).toBe(indexedWant);
      }
    }
    expect(covered).toBeGreaterThan(300);
    expect(g.mergeAt(1500, 5)).toEqual({ top: 20, left: 3, bottom: 2000, right: 8 });
    expect(g.mergeAt(1500, 9)).toBeUndefined();
  });
});

describe('A1 addresses read by hand', () => {
  test('the same answers as the pattern ^\\$?([A-Za-z]{1,3})\\$?(\\d+)$ with the sheet bounds', () => {
    expect(parseA1('A1')).toEqual({ row: 0, col: 0 });
    expect(parseA1(' $xfd$1048576 ')).toEqual({ row: 1048575, col: 16383 });
    expect(parseA1('AB12')).toEqual({ row: 11, col: 27 });
    expect(parseRange('C5:A2')).toEqual({ top: 1, left: 0, bottom: 4, right: 2 });
    for (const bad of ['', 'A', '1', 'A0', 'XFE1', 'ABCD1', 'A1B', 'A-1', '$$A1', 'A1048577', 'A 1', '１A']) {
      expect(() => parseA1(bad)).toThrow();
    }
  });
});
