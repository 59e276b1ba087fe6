// Fuzzing in `npm test`: every property of test/fuzz/properties.ts on a few thousand generated values (fixed
// seed). `npm run fuzz` runs the same with ≥ 100,000 and prints the worst time per input.
import { runAll } from './fuzz/properties';

jest.setTimeout(10 * 60_000);

/** Per input, generous for a loaded machine: a backtracking blow-up on a 10,000-character cell takes seconds. */
const WORST_MS = 1000;

it('the parsers, detection, rules and the template round trip never throw, and no input takes long', () => {
  const total = Number(process.env.FUZZ_RUNS || 3000);
  const results = runAll(total);
  for (const r of results) {
    expect(r.runs).toBeGreaterThan(0);
    expect({ property: r.name, worstMs: Math.round(r.worst) < WORST_MS }).toEqual({ property: r.name, worstMs: true });
  }
  if (process.env.FUZZ_REPORT) {
    const lines = results.map((r) => `${r.name}: ${r.runs} inputs, worst ${r.worst.toFixed(1)} ms`);
    process.stdout.write(`fuzz (seed fixed, ${results.reduce((n, r) => n + r.runs, 0)} inputs):\n  ${lines.join('\n  ')}\n`);
  }
});
