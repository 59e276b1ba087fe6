// Every finding on the out-of-sample fixtures has a reviewer's judgement (test/fixtures/oos/judgements.json), and
// every judgement still matches a finding: a rule change that adds or moves findings there must be judged again.
import * as fs from 'fs';
import { JUDGEMENT_FILES, JudgementFile, tally } from '../scripts/precision';

jest.setTimeout(60000);

for (const [name, file] of Object.entries(JUDGEMENT_FILES)) {
  describe(name + ' judgements', () => {
    const j = JSON.parse(fs.readFileSync(file, 'utf8')) as JudgementFile;
    it('cover every finding and no finding that is gone', async () => {
      const { rules, stale } = await tally(j);
      expect(rules.filter((r) => r.unjudged > 0).map((r) => r.rule)).toEqual([]);
      expect(stale).toEqual([]);
      expect(rules.reduce((n, r) => n + r.findings, 0)).toBeGreaterThan(0);
    });
    it('give a verdict and a reason for each', () => {
      for (const list of Object.values(j.fixtures))
        for (const x of list) {
          expect(['right', 'wrong', 'unjudgeable']).toContain(x.verdict);
          expect(x.reason.length).toBeGreaterThan(3);
        }
    });
  });
}
