#!/usr/bin/env node
'use strict';
// Expands the terse indicator tables in scripts/lib2/*.txt into the library's JSON (types.json entries,
// indicators/<type>.json, data/index.ts imports). The JSON is what ships; this only saves typing.
//
//   node scripts/lib2/build.js
//
// Table format, one block per type:
//   @type <id>            (name, keywords, description come from taxonomy.json)
//   @source <document or URL>
//   <l2>|<三级>|<unit>|<value template>|<basis>|<explanation>[|extra,keywords]
// l2: 数 质 时 成 (经济成本) 社成 (社会成本) 态成 (生态环境成本) 经 社 态 可 满
// basis: 计 行 历 预 其. Polarity follows the template: ≥/> 正向, ≤/< 反向, = 等于, deadline 反向, words 定性.
const fs = require('fs');
const path = require('path');

const HERE = __dirname;
// New types go before this existing one, imports after the types import and spreads at the head of the
// list, so that another branch appending at the ends merges without conflicts.
const ANCHOR_TYPE = 'clean-heating';
const DATA = path.resolve(HERE, '..', '..', 'src', 'core', 'library', 'data');

const L2 = {
  数: ['产出指标', '数量指标', '产出指标', '数量指标'],
  质: ['产出指标', '质量指标', '产出指标', '质量指标'],
  时: ['产出指标', '时效指标', '产出指标', '时效指标'],
  成: ['产出指标', '成本指标', '成本指标', '经济成本指标'],
  社成: ['产出指标', '成本指标', '成本指标', '社会成本指标'],
  态成: ['产出指标', '成本指标', '成本指标', '生态环境成本指标'],
  经: ['效益指标', '经济效益指标', '效益指标', '经济效益指标'],
  社: ['效益指标', '社会效益指标', '效益指标', '社会效益指标'],
  态: ['效益指标', '生态效益指标', '效益指标', '生态效益指标'],
  可: ['效益指标', '可持续影响指标', '效益指标', '可持续影响指标'],
  满: ['满意度指标', '服务对象满意度指标', '满意度指标', '服务对象满意度指标'],
};
const TYPE_SOURCE = (name) => '见项目类型“' + name + '”的来源';
const BASIS = { 计: '计划标准', 行: '行业标准', 历: '历史标准', 预: '预算支出标准', 其: '其他标准' };

function polarity(t) {
  if (/^[≥>]/.test(t)) return '正向';
  if (/^[≤<]/.test(t)) return '反向';
  if (/^=/.test(t)) return '等于';
  if (/\d|\{年度\}/.test(t)) return '反向';
  return '定性';
}

function camel(id) {
  return id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function parse(file) {
  const blocks = [];
  let cur = null;
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, n) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = path.basename(file) + ':' + (n + 1);
    if (line.startsWith('@type ')) {
      cur = { id: line.slice(6).trim(), source: '', rows: [] };
      blocks.push(cur);
      return;
    }
    if (!cur) throw new Error(where + ': row before @type');
    if (line.startsWith('@source ')) {
      cur.source = line.slice(8).trim();
      return;
    }
    const f = line.split('|').map((s) => s.trim());
    if (f.length < 6 || !L2[f[0]] || !BASIS[f[4]]) throw new Error(where + ': bad row ' + line);
    cur.rows.push({ f, where });
  });
  return blocks;
}

function build() {
  const taxonomy = JSON.parse(fs.readFileSync(path.join(HERE, 'taxonomy.json'), 'utf8')).types;
  const byId = new Map(taxonomy.map((t) => [t.id, t]));
  const files = fs.readdirSync(HERE).filter((f) => f.endsWith('.txt')).sort();
  const blocks = files.flatMap((f) => parse(path.join(HERE, f)));
  const typesPath = path.join(DATA, 'types.json');
  const types = JSON.parse(fs.readFileSync(typesPath, 'utf8'));
  const built = [];
  for (const b of blocks) {
    const t = byId.get(b.id);
    if (!t) throw new Error('type not in taxonomy: ' + b.id);
    if (!b.source) throw new Error('no @source for ' + b.id);
    // Ids stay stable: a row keeps the id its 三级 had in the shipped file; new rows get the next free number.
    const file = path.join(DATA, 'indicators', b.id + '.json');
    const before = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
    const idOf = new Map(before.map((x) => [x.l3, x.id]));
    let next = before.reduce((m, x) => Math.max(m, parseInt(x.id.split('.')[1], 10) || 0), 0);
    const inds = b.rows.map(({ f }) => {
      const [code, l3, unit, tpl, basis, explanation, extra] = f;
      const p = L2[code];
      const kw = [l3].concat(extra ? extra.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : []);
      return {
        id: idOf.get(l3) || b.id + '.' + String(++next).padStart(2, '0'),
        types: [b.id],
        l1: p[0],
        l2: p[1],
        l3,
        core2021: { l1: p[2], l2: p[3] },
        explanation,
        unit,
        polarity: polarity(tpl),
        valueTemplate: tpl,
        basis: BASIS[basis],
        keywords: kw,
        // The documents are listed once, on the type (its 来源): repeated on every row they cost the task pane ~300 KB.
        source: TYPE_SOURCE(t.name),
      };
    });
    fs.writeFileSync(file, JSON.stringify(inds, null, 1) + '\n');
    const entry = { id: t.id, name: t.name, keywords: t.keywords, description: t.description, class: t['类'], source: b.source };
    const at = types.findIndex((x) => x.id === t.id);
    if (at >= 0) types[at] = entry;
    else types.splice(types.findIndex((x) => x.id === ANCHOR_TYPE), 0, entry);
    built.push(b.id);
  }
  fs.writeFileSync(typesPath, JSON.stringify(types, null, 1) + '\n');
  addImports(built);
  return built;
}

/** Lists every built type in data/index.ts: imports after the types import, spreads at the head of the list. */
function addImports(ids) {
  const p = path.join(DATA, 'index.ts');
  let src = fs.readFileSync(p, 'utf8');
  const missing = ids.filter((id) => !src.includes("'./indicators/" + id + ".json'"));
  if (!missing.length) return;
  const imports = missing.map((id) => 'import ' + camel(id) + " from './indicators/" + id + ".json';").join('\n');
  src = src.replace("import types from './types.json';\n", "import types from './types.json';\n" + imports + '\n');
  const lines = [];
  let line = '   ';
  for (const id of missing) {
    const item = ' ...' + camel(id) + ',';
    if (line.length + item.length > 110) {
      lines.push(line);
      line = '   ';
    }
    line += item;
  }
  lines.push(line);
  src = src.replace('  indicators: [\n', '  indicators: [\n' + lines.join('\n') + '\n');
  fs.writeFileSync(p, src);
}

const built = build();
console.log('built ' + built.length + ' types: ' + built.join(', '));
