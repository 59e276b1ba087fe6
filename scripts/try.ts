import { loadGrids, FIXTURES } from '../test/helpers/load';
import { parseGrids } from '../src/core/parse';
(async () => {
  const ts = parseGrids(await loadGrids(FIXTURES + '/' + process.argv[2]));
  const t = ts[+process.argv[3] || 0];
  for (const i of t.indicators) console.log(i.row + 1, i.fragment ? 'FRAG' : '    ', i.effL1, i.effL2, '|', i.l3.text, '|', i.value.text);
})();
