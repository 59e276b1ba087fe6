// Writes the bad-input corpus (test/corpus/build.ts) to a folder, to try by hand:
//
//   npm run corpus -- DIR        then   ptcheck check DIR
import * as fs from 'fs';
import * as path from 'path';
import { corpus } from '../test/corpus/build';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npm run corpus -- DIR\n');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
(async () => {
  for (const c of corpus) {
    fs.writeFileSync(path.join(dir, c.file), await c.make());
    process.stdout.write(`${c.file}\t${c.what}\n`);
  }
})();
