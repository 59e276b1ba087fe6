// Builds the out-of-sample fixture workbooks (test/fixtures/oos/*.xlsx) from their recorded layouts
// (*.layout.json: cells as the published source shows them, merges, number formats). Run:
//   npx tsx scripts/build-oos-fixtures.ts
import * as fs from 'fs';
import * as path from 'path';
import { OOS_DIR, buildWorkbook, loadLayout } from '../test/helpers/layout';

(async () => {
  for (const f of fs.readdirSync(OOS_DIR).filter((x) => x.endsWith('.layout.json')).sort()) {
    const out = path.join(OOS_DIR, f.replace(/\.layout\.json$/, '.xlsx'));
    await (await buildWorkbook(loadLayout(f.replace(/\.layout\.json$/, '')))).xlsx.writeFile(out);
    console.log('wrote', path.relative(process.cwd(), out));
  }
})();
