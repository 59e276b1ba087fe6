#!/usr/bin/env node
'use strict';
// Writes a large workbook for the benchmark: one sheet with N project tables stacked like
// test/fixtures/000_….xlsx (same layout, merges, fonts and borders), filled with real rows taken from the
// fixtures' expected.json, varied with a seeded PRNG so every run produces the same file.
//
//   node scripts/gen-large.js OUT.xlsx [N=1000]
//
// Uses ExcelJS's streaming WorkbookWriter so memory stays flat whatever N is.
const path = require('path');
const fs = require('fs');
const ExcelJS = require('exceljs');

const FIXTURES = path.resolve(__dirname, '..', 'test', 'fixtures');

function mulberry32(seed) {
  return function () {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real tables and indicator rows from the fixtures, grouped so a generated table stays plausible. */
function loadPool() {
  const files = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.expected.json')) : [];
  const tables = [];
  const byL1 = { 产出指标: [], 效益指标: [], 满意度指标: [] };
  for (const f of files) {
    const list = JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
    for (const t of list) {
      if (t.name && t.code && t.budget && t.budget.total) tables.push(t);
      let l1 = '';
      for (const ind of t.indicators || []) {
        if (ind.l1) l1 = ind.l1;
        // 效果指标 is a regional alias of 效益指标: keep the row, file it with its family.
        const key = l1 === '效果指标' ? '效益指标' : l1;
        if (byL1[key] && ind.l3) byL1[key].push(ind);
      }
    }
  }
  if (!tables.length || !byL1['产出指标'].length) {
    // Without ../shared the generator still works, on a single built-in table.
    tables.push({
      org: '434002乐亭县人民政府办公室', unit: '万元', code: '13022522P0044CB10009G', name: '城区微型站运维费',
      budget: { total: '7.99' }, purpose: '对城区8个空气站所有监测仪器进行日常维护。',
      plan: [['3月底', '25%'], ['6月底', '50%'], ['10月底', '75%'], ['12月底', '100%']],
      goals: '1.在日常管理维护基础上，及时发现处置设备运行问题。',
    });
    byL1['产出指标'].push({ l2: '数量指标', l3: '提供运维服务空气站个数', desc: '提供运维服务空气站个数', value: '8个', basis: '根据年初工作计划安排' });
    byL1['效益指标'].push({ l2: '生态效益指标', l3: '环保指标达标率', desc: '环保指标达标率', value: '有所提高', basis: '根据年初工作计划安排' });
    byL1['满意度指标'].push({ l2: '服务对象满意度指标', l3: '服务对象满意度', desc: '服务对象满意度', value: '≥90%', basis: '根据年初工作计划安排' });
  }
  return { tables, byL1 };
}

const L2_ORDER = ['数量', '质量', '时效', '成本', '经济', '社会', '生态', '可持续', '服务对象'];
const l2Rank = (l2) => {
  const i = L2_ORDER.findIndex((p) => String(l2 || '').startsWith(p));
  return i < 0 ? L2_ORDER.length : i;
};

const font10 = { name: '宋体', size: 10 };
const border = {
  top: { style: 'thin', color: { argb: 'FF000000' } },
  left: { style: 'thin', color: { argb: 'FF000000' } },
  bottom: { style: 'thin', color: { argb: 'FF000000' } },
  right: { style: 'thin', color: { argb: 'FF000000' } },
};
const S = {
  title: { font: { name: '宋体', size: 12, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  org: { font: font10, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } },
  unit: { font: font10, alignment: { horizontal: 'right', vertical: 'middle', wrapText: true } },
  body: { font: font10, border, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } },
  money: { font: font10, border, numFmt: '0.00', alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } },
  center: { font: font10, border, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  head: { font: { name: '宋体', size: 10, bold: true }, border, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
};

async function generate(out, n) {
  const rnd = mulberry32(20240229);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const { tables, byL1 } = loadPool();

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('项目绩效目标表');
  ws.columns = [12, 14, 22, 18, 12, 14, 26].map((width) => ({ width }));

  let r = 1; // next free 1-based row
  let merges = 0;
  const put = (row, col, value, style) => {
    const c = ws.getCell(row, col);
    if (value !== undefined) c.value = value;
    c.style = style;
  };
  // Every cell of the block gets its style (as in the fixture); the value only where given.
  const line = (row, values, style, first = 1) => {
    for (let col = first; col <= 7; col++) put(row, col, values[col - first], style);
  };
  const merge = (t, l, b, rr) => {
    ws.mergeCells(t, l, b, rr);
    merges++;
  };

  for (let i = 0; i < n; i++) {
    const src = tables[i % tables.length];
    const top = r;
    const unit = src.unit || '万元';
    // Vary the money but keep 预算数 = 财政资金 + 其他资金 (the generator makes clean tables).
    const total = Math.round((parseFloat(src.budget.total) || 10) * (0.5 + rnd()) * 100) / 100;
    const name = src.name + (i >= tables.length ? `（${Math.floor(i / tables.length) + 1}期）` : '');
    const code = src.code.slice(0, -5) + String(10000 + ((i * 7919) % 90000)).slice(-5);
    const plan = src.plan && src.plan.length === 4 ? src.plan : [['3月底', '25%'], ['6月底', '50%'], ['10月底', '75%'], ['12月底', '100%']];

    put(r, 1, `${i + 1}.${name}绩效目标表`, S.title);
    for (let col = 2; col <= 7; col++) put(r, col, undefined, S.title);
    merge(r, 1, r, 7);
    r++;
    put(r, 1, src.org || '434002乐亭县人民政府办公室', S.org);
    for (let col = 2; col <= 5; col++) put(r, col, undefined, S.org);
    put(r, 6, `单位：${unit}`, S.unit);
    put(r, 7, undefined, S.unit);
    merge(r, 1, r, 5);
    merge(r, 6, r, 7);
    r++;
    line(r, ['项目编码', code, undefined, '项目名称', name], S.body);
    merge(r, 2, r, 3);
    merge(r, 5, r, 7);
    r++;
    line(r, ['预算规模及资金用途', '预算数', total, '其中：财政资金', total, '其他资金', ''], S.body);
    put(r, 3, total, S.money);
    put(r, 5, total, S.money);
    line(r + 1, [undefined, src.purpose || '用于项目日常运转。'], S.body);
    merge(r, 1, r + 1, 1);
    merge(r + 1, 2, r + 1, 7);
    r += 2;
    put(r, 1, '资金支出计划（%）', S.body);
    line(r, plan.map((p) => p[0]), S.center, 2);
    line(r + 1, plan.map((p) => p[1]), S.center, 2);
    put(r + 1, 1, undefined, S.body);
    merge(r, 5, r, 7);
    merge(r, 1, r + 1, 1);
    merge(r + 1, 5, r + 1, 7);
    r += 2;
    line(r, ['绩效目标', src.goals || '1.按计划完成项目。'], S.body);
    merge(r, 2, r, 7);
    r++;
    line(r, ['一级指标', '二级指标', '三级指标', '绩效指标描述', undefined, '指标值', '指标值确定依据'], S.head);
    merge(r, 4, r, 5);
    r++;

    // 9–12 indicator rows: 5–7 产出, 3–4 效益, 1 满意度, each 一级 merged down its rows.
    const groups = [
      ['产出指标', 5 + Math.floor(rnd() * 3)],
      ['效益指标', 3 + Math.floor(rnd() * 2)],
      ['满意度指标', 1],
    ];
    for (const [l1, count] of groups) {
      const pool = byL1[l1].length ? byL1[l1] : byL1['产出指标'];
      const first = r;
      // Keep the 二级 in the framework's order (数量, 质量, 时效, 成本 …) as a real table has them.
      const rows = Array.from({ length: count }, () => pick(pool)).sort((a, b) => l2Rank(a.l2) - l2Rank(b.l2));
      for (let k = 0; k < count; k++, r++) {
        const ind = rows[k];
        line(r, [k === 0 ? l1 : undefined, ind.l2, ind.l3, ind.desc, undefined, ind.value, ind.basis], S.body);
        merge(r, 4, r, 5);
      }
      if (r - 1 > first) merge(first, 1, r - 1, 1);
    }
    // Rows are final once the table is written; committing keeps the writer's memory flat.
    for (let row = top; row < r; row++) ws.getRow(row).commit();
    r += 2; // two blank rows between tables
  }
  ws.commit();
  await wb.commit();
  return { tables: n, rows: r - 3, merges };
}

if (require.main === module) {
  const [out, nArg] = process.argv.slice(2);
  if (!out) {
    process.stderr.write('用法：node scripts/gen-large.js 输出.xlsx [项目表数量=1000]\n');
    process.exit(2);
  }
  const n = nArg ? parseInt(nArg, 10) : 1000;
  if (!(n > 0)) {
    process.stderr.write('项目表数量必须是正整数。\n');
    process.exit(2);
  }
  const t0 = Date.now();
  generate(out, n).then(
    (s) => console.log(`wrote ${out}: ${s.tables} tables, ${s.rows} rows, ${s.merges} merges in ${Date.now() - t0} ms`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

module.exports = { generate };
