// The filled workbook printed by LibreOffice: one page wide, one page per stacked table, the title on the page.
// Needs `soffice` and `pdftotext`/`pdfinfo` (Debian: libreoffice-calc-nogui, poppler-utils; .ci/run installs them);
// in CI (CI=true) a missing tool fails the run; on a developer's machine without them the test says what it
// did not check and why. To look at a page: `npx tsx scripts/render-template.ts` (docs/template-hebei.png was made with it).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES, loadGrids } from './helpers/load';
import { parseGrids } from '../src/core/parse';
import { fillWorkbook } from '../src/core/template';
import { writeWorkbookOps } from '../src/hosts/workbook/fill';

const has = (cmd: string): boolean => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const TOOLS: [string, string][] = [
  ['soffice', 'libreoffice-calc-nogui'],
  ['pdftotext', 'poppler-utils'],
  ['pdfinfo', 'poppler-utils'],
];
const missing = TOOLS.filter(([cmd]) => !has(cmd));
const inCi = /^(1|true|yes)$/i.test(process.env.CI || '');
const why = missing.map(([cmd, pkg]) => `${cmd}（Debian 软件包 ${pkg}）`).join('、');

if (missing.length && !inCi) {
  // Visible in the test output: what is not checked here, and how to check it.
  console.warn(`template-pdf.test.ts: 未检查打印成 PDF 的版面，因为缺少 ${why}。安装后重新运行，或在 CI 中运行（CI=true 时缺少即失败）。`);
}

jest.setTimeout(180000);

if (missing.length && !inCi) {
  it('says that printing to PDF was not checked, and why (tools missing, not in CI)', () => {
    expect(missing.length).toBeGreaterThan(0);
    expect(inCi).toBe(false);
  });
} else {
  it('prints each stacked table on its own A4 page, one page wide', async () => {
    // In CI every tool must be there: a missing one is a broken CI image, not a reason to pass.
    if (missing.length) throw new Error(`CI=true but ${missing.map(([c]) => c).join(', ')} not installed: .ci/run installs ${[...new Set(missing.map(([, p]) => p))].join(' ')}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-pdf-'));
    try {
      const tables = parseGrids(await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx')));
      const xlsx = path.join(dir, 'filled.xlsx');
      await writeWorkbookOps(fillWorkbook(tables, { layout: 'stacked' }).ops, xlsx);
      execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore' });
      const pdf = path.join(dir, 'filled.pdf');
      const info = execFileSync('pdfinfo', [pdf]).toString();
      // Six tables, a page break before each but the first, nothing spilling onto a second page across.
      expect(info).toMatch(/Pages:\s+6\n/);
      expect(info).toMatch(/Page size:.*\(A4\)/);
      for (let p = 1; p <= 6; p++) {
        const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-']).toString();
        expect(text).toContain(`${p}.`);
        expect(text).toContain('绩效目标表');
        expect(text).toContain('指标值确定依据');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
