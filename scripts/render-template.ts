// Fills a workbook into the standard template and renders the first page to PNG, to look at the result:
//
//   npx tsx scripts/render-template.ts [IN.xlsx] [--out DIR] [--template hebei|core2021|department]
//                                       [--layout per-sheet|stacked] [--page N] [--complete]
//
// Default input: fixture 000 (乐亭县); writes DIR/filled.xlsx, DIR/filled.pdf and DIR/filled-<page>.png
// (DIR defaults to a temp folder). Needs LibreOffice (`soffice`) and poppler-utils (`pdftoppm`), not on CI.
// LibreOffice maps 宋体 through fontconfig; a private fonts.conf aliases 宋体/SimSun to Noto Serif CJK SC so the
// page shows a Song-style face as Excel and WPS would, instead of a random fallback; and Calibri (the workbook's
// default font, whose digit width is Excel's column unit) to Carlito or else Liberation Sans Narrow, whose digits
// are as wide as Calibri's: with DejaVu Sans in its place columns come out a third wider and the page shrinks.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { readGrids } from '../src/hosts/workbook/read';
import { parseGrids } from '../src/core/parse';
import { fillWorkbook } from '../src/core/template';
import { writeWorkbookOps } from '../src/hosts/workbook/fill';

const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>Calibri</family><prefer><family>Carlito</family><family>Liberation Sans Narrow</family></prefer></alias>
</fontconfig>
`;

function which(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      template: { type: 'string' },
      layout: { type: 'string' },
      page: { type: 'string' },
      complete: { type: 'boolean' },
      'join-split-rows': { type: 'boolean' },
    },
  });
  const input = positionals[0] || path.resolve(__dirname, '../test/fixtures/000_24cde7d862e1b3bb.xlsx');
  const dir = values.out || fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-render-'));
  fs.mkdirSync(dir, { recursive: true });
  if (!which('soffice') || !which('pdftoppm')) {
    console.error('Needs LibreOffice (soffice) and poppler-utils (pdftoppm).');
    process.exit(2);
  }
  const tables = parseGrids(await readGrids(input));
  const res = fillWorkbook(tables, {
    template: values.template,
    layout: values.layout === 'stacked' ? 'stacked' : 'per-sheet',
    complete: values.complete,
    joinSplitRows: values['join-split-rows'],
  });
  const xlsx = path.join(dir, 'filled.xlsx');
  await writeWorkbookOps(res.ops, xlsx);

  const conf = path.join(dir, 'fonts.conf');
  fs.writeFileSync(conf, FONTS_CONF);
  // A private profile: a running LibreOffice (or a stale lock) must not swallow the conversion.
  const profile = 'file://' + path.join(dir, 'lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
    env: { ...process.env, FONTCONFIG_FILE: conf },
    stdio: 'inherit',
  });
  const pdf = path.join(dir, 'filled.pdf');
  const page = values.page || '1';
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', page, '-l', page, pdf, path.join(dir, 'filled')], { stdio: 'inherit' });
  const png = fs.readdirSync(dir).find((n) => n.startsWith('filled-') && n.endsWith('.png'));
  console.log(`${tables.length} tables → ${xlsx}\nPDF: ${pdf}\nPNG: ${png ? path.join(dir, png) : '(none)'}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
