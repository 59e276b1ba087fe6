// The HTML reports: self-contained pages (inline CSS, a few lines of inline script that only add sorting and
// filtering; everything reads and prints without it), no external resource, so they open from disk on an offline
// intranet and can be mailed around. Every label is Chinese; rule ids appear only as a grey detail.
//
//   --out DIR:  DIR/index.html (per file and per project: verdict and counts) + DIR/pages/NNNN-<name>.html per file
//   no --out:   one page on stdout, each file's section after the other, the totals at the end
// Both are written as the files come in (the caller streams them), so memory does not grow with the folder.
import { ReportFile, ReportDiagnostic, ReportSummary, ReportTable, tableIndexOf } from '../core/report';
import { Severity } from '../core/diagnostic';
import { Verdict } from '../core/review';
import { ruleCatalogue } from '../core/rules/catalogue';
import { baselineRules } from '../core/baseline';
import { builtinProfiles } from '../core/profiles';
import { cliText, severityLabel } from '../core/i18n/cli';
import { verdictLabel } from '../core/i18n/review';
import { neutralise } from './safe-text';

export function escapeHtml(s: string): string {
  return neutralise(s, true).replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const e = escapeHtml;
const h = cliText.html;

/** A rule with this many findings in one table is shown folded (a summary line that opens to the list). */
export const LOUD_RULE = 5;

// CSS2-level rules plus print rules: the pages must also render in the old browsers of Office-era desktops.
const css = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Noto Sans SC","WenQuanYi Micro Hei","SimSun",sans-serif;
color:#222;margin:24px;line-height:1.5;font-size:14px;background:#fff}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 6px;padding-bottom:4px;border-bottom:2px solid #444;word-break:break-all}
h3{font-size:15px;margin:18px 0 4px}
a{color:#0b57a4}
.meta{color:#555;margin:0 0 12px}
.cards{border-collapse:separate;border-spacing:6px 0;margin:8px -6px 14px}
.cards td{border:1px solid #bbb;padding:6px 12px;text-align:center;min-width:64px}
.cards .n{font-size:20px;font-weight:bold;display:block}
table.list{border-collapse:collapse;width:100%;margin:4px 0 10px}
table.list th,table.list td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}
table.list th{background:#eef1f5;white-space:nowrap}
table.list td.num{text-align:right;white-space:nowrap}
table.list td.cell{white-space:nowrap;font-family:Consolas,"Courier New",monospace}
table.list td.val{max-width:18em;word-break:break-all;color:#333;background:#fafafa}
table.list tbody tr:nth-child(even) td{background-color:#fbfbfd}
th.sortable{cursor:pointer}
th.sortable:after{content:" \\2195";color:#999;font-weight:normal}
.rid{display:block;color:#888;font-size:12px}
.rid code{font-family:Consolas,"Courier New",monospace;font-size:11px}
td.file{white-space:nowrap}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;white-space:nowrap;border:1px solid}
.sev-error{color:#a40000;border-color:#a40000;background:#fde8e8}
.sev-warning{color:#7a4d00;border-color:#b97800;background:#fff3d6}
.sev-info{color:#084d75;border-color:#2a7ab0;background:#e6f2fb}
.v-pass{color:#1d6b1d;border-color:#2e8b2e;background:#e7f6e7}
.v-revise{color:#7a4d00;border-color:#b97800;background:#fff3d6}
.v-return{color:#a40000;border-color:#a40000;background:#fde8e8}
.v-none{color:#555;border-color:#999;background:#f2f2f2}
.error{color:#a40000;font-weight:bold}
.ok{color:#1d6b1d}
.zero{color:#aaa}
.tmeta{color:#555;margin:0 0 4px}
details.loud{margin:4px 0 10px;border:1px solid #ccc;padding:4px 8px;background:#fcfcfc}
details.loud summary{cursor:pointer}
.controls{display:none;margin:6px 0 10px;padding:6px 8px;background:#f3f5f8;border:1px solid #d5dae2}
.controls input,.controls select{font-size:14px;margin-right:12px}
.hidden{display:none}
.nav{margin:0 0 10px}
@media print{body{margin:0;font-size:10.5pt}.controls,.nav{display:none!important}h2,h3{page-break-after:avoid}
tr{page-break-inside:avoid}thead{display:table-header-group}a{color:#222;text-decoration:none}
th.sortable:after{content:""}details.loud{border:none;padding:0}section.table{page-break-inside:auto}
@page{size:A4 landscape;margin:12mm}}
`;

// ES5 and no framework: sorts a table by the clicked column (numbers as numbers) and filters rows by a search text
// and a verdict. Without script the controls stay hidden and the tables are complete, in input order.
const script = `
(function(){
var c=document.getElementById('controls');if(!c||!document.querySelectorAll)return;c.style.display='block';
var q=document.getElementById('q'),v=document.getElementById('verdict');
function rows(t){return Array.prototype.slice.call(t.tBodies[0].rows);}
function apply(){var s=(q.value||'').toLowerCase(),w=v.value;
var ts=document.querySelectorAll('table.filterable');for(var i=0;i<ts.length;i++){var rs=rows(ts[i]);
for(var j=0;j<rs.length;j++){var r=rs[j],ok=(!s||(r.textContent||r.innerText).toLowerCase().indexOf(s)>=0)&&(!w||r.getAttribute('data-verdict')===w);
r.className=ok?'':'hidden';}}}
q.oninput=q.onkeyup=apply;v.onchange=apply;
var hs=document.querySelectorAll('th.sortable');
for(var k=0;k<hs.length;k++){(function(th){th.onclick=function(){var t=th.parentNode.parentNode.parentNode,
col=th.cellIndex,dir=th.getAttribute('data-dir')==='asc'?'desc':'asc';th.setAttribute('data-dir',dir);
var rs=rows(t);rs.sort(function(a,b){var x=a.cells[col].getAttribute('data-v')||a.cells[col].textContent,
y=b.cells[col].getAttribute('data-v')||b.cells[col].textContent,nx=parseFloat(x),ny=parseFloat(y),
d=(!isNaN(nx)&&!isNaN(ny))?nx-ny:(x<y?-1:x>y?1:0);return dir==='asc'?d:-d;});
for(var i=0;i<rs.length;i++)t.tBodies[0].appendChild(rs[i]);};})(hs[k]);}
})();
`;

// Per-file pages: folded rules are opened for printing (a printout cannot be clicked open).
const printScript = `window.onbeforeprint=function(){var d=document.getElementsByTagName('details');for(var i=0;i<d.length;i++)d[i].open=true;};`;

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function stamp(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Verdict ranks for sorting: worst first when sorted descending. */
const verdictOrder: Record<Verdict, number> = { pass: 1, revise: 2, return: 3 };

export function verdictBadge(v: Verdict | null | undefined, unreadable = false): string {
  if (!v) return `<span class="badge v-none">${e(unreadable ? h.verdictUnreadable : h.verdictNone)}</span>`;
  return `<span class="badge v-${v}">${e(verdictLabel[v])}</span>`;
}

function sevBadge(sev: Severity): string {
  return `<span class="badge sev-${sev}">${e(severityLabel[sev])}</span>`;
}

const ruleText = new Map<string, string>();
/** The rule's Chinese description (the id is shown beside it, small). */
export function ruleDescription(id: string): string {
  if (!ruleText.size) for (const r of [...ruleCatalogue, ...baselineRules]) ruleText.set(r.id, r.description);
  return ruleText.get(id) || id;
}

export function profileName(id: string | undefined): string {
  if (!id) return '';
  const p = builtinProfiles.find((x) => x.id === id);
  return p ? p.name : id;
}

function num(n: number, cls = ''): string {
  return `<td class="num${cls ? ' ' + cls : ''}${n ? '' : ' zero'}" data-v="${n}">${n}</td>`;
}

export function pageHead(title: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '',
  ].join('\n');
}

export function pageTail(withScript: boolean): string {
  return (withScript ? `<script>${script}</script>\n` : '') + '</body>\n</html>\n';
}

export interface RunInfo {
  version: string;
  profile: string;
  generatedAt: Date;
  baseline?: string;
}

export function runMeta(info: RunInfo): string {
  const profile = info.profile === 'auto' ? h.profileAuto : profileName(info.profile);
  let s = `${e(h.generated)}：${e(stamp(info.generatedAt))} · ${e(h.profile)}：${e(profile)}`;
  if (info.baseline) s += ` · ${e(h.baseline)}：${e(info.baseline)}`;
  s += ` · ${e(h.tool)} ptcheck ${e(info.version)}`;
  return `<p class="meta">${s}</p>\n`;
}

export function summaryCards(s: ReportSummary): string {
  const v = s.verdicts || {};
  const cells: Array<[string, number, string]> = [
    [h.files, s.files, ''],
    [h.projects, s.tables, ''],
    [verdictLabel.pass, v.pass || 0, 'v-pass'],
    [verdictLabel.revise, v.revise || 0, 'v-revise'],
    [verdictLabel.return, v.return || 0, 'v-return'],
    [h.errors, s.errors, 'sev-error'],
    [h.warnings, s.warnings, 'sev-warning'],
    [h.infos, s.infos, 'sev-info'],
  ];
  if (s.unreadable) cells.push([h.unreadable, s.unreadable, 'sev-error']);
  return (
    '<table class="cards"><tr>' +
    cells.map(([label, n, cls]) => `<td class="${cls}"><span class="n">${n}</span>${e(label)}</td>`).join('') +
    '</tr></table>\n'
  );
}

// ---------------------------------------------------------------------------------------------------------
// index.html

export function indexControls(): string {
  const opts = (['return', 'revise', 'pass'] as Verdict[]).map((v) => `<option value="${v}">${e(verdictLabel[v])}</option>`).join('');
  return (
    `<div class="controls" id="controls"><label>${e(h.search)} <input id="q" type="search" placeholder="${e(h.searchHint)}"></label>` +
    `<label>${e(h.colVerdict)} <select id="verdict"><option value="">${e(h.allVerdicts)}</option>${opts}` +
    `<option value="none">${e(h.verdictNoneOption)}</option></select></label></div>\n`
  );
}

const th = (label: string, sortable = true) => `<th${sortable ? ' class="sortable"' : ''}>${e(label)}</th>`;

export function filesTableHead(): string {
  return (
    `<h2>${e(h.filesHeading)}</h2>\n<table class="list filterable" id="files"><thead><tr>` +
    [h.colNo, h.colFile, h.colVerdict, h.colProjects, h.errors, h.warnings, h.infos].map((c) => th(c)).join('') +
    th(h.colCopy, false) +
    '</tr></thead><tbody>\n'
  );
}

export function projectsTableHead(): string {
  return (
    `<h2>${e(h.projectsHeading)}</h2>\n<table class="list filterable" id="projects"><thead><tr>` +
    [h.colFile, h.colNo, h.colName, h.colCode, h.colVerdict, h.errors, h.warnings, h.infos].map((c) => th(c)).join('') +
    '</tr></thead><tbody>\n'
  );
}

export const tableEnd = '</tbody></table>\n';

const verdictAttr = (v: Verdict | null | undefined) => (v ? v : 'none');

/** One row of the files table; `page` and `copy` are links relative to index.html. */
export function fileRow(n: number, f: ReportFile, page: string | undefined, copy: string | undefined): string {
  const c = f.counts || { error: 0, warning: 0, info: 0 };
  const name = page ? `<a href="${e(encodePath(page))}">${e(f.file)}</a>` : e(f.file);
  const reason = f.error ? `<div class="error">${e(f.error)}</div>` : '';
  return (
    `<tr data-verdict="${verdictAttr(f.verdict)}"><td class="num" data-v="${n}">${n}</td><td>${name}${reason}</td>` +
    `<td data-v="${f.verdict ? verdictOrder[f.verdict] : 0}">${verdictBadge(f.verdict, !!f.error)}</td>` +
    num(f.tables.length) +
    num(c.error) +
    num(c.warning) +
    num(c.info) +
    `<td>${copy ? `<a href="${e(encodePath(copy))}">${e(h.openCopy)}</a>` : ''}</td></tr>\n`
  );
}

export function projectRows(f: ReportFile, page: string | undefined): string {
  return f.tables
    .map((t, i) => {
      const c = t.counts || { error: 0, warning: 0, info: 0 };
      const label = e(t.name || h.unnamed);
      const link = page ? `<a href="${e(encodePath(page))}#t${i + 1}">${label}</a>` : label;
      return (
        `<tr data-verdict="${verdictAttr(t.verdict)}"><td class="file" title="${e(f.file)}">${e(baseName(f.file))}</td><td class="num" data-v="${i + 1}">${i + 1}</td>` +
        `<td>${link}</td><td class="cell">${e(t.code)}</td>` +
        `<td data-v="${t.verdict ? verdictOrder[t.verdict] : 0}">${verdictBadge(t.verdict)}</td>` +
        num(c.error) +
        num(c.warning) +
        num(c.info) +
        '</tr>\n'
      );
    })
    .join('');
}

const baseName = (p: string) => p.split(/[\\/]/).pop() || p;

/** Relative links from a page: file names may hold #, ?, % or spaces. */
export function encodePath(rel: string): string {
  return rel
    .split(/[\\/]/)
    .map((p) => encodeURIComponent(p))
    .join('/');
}

// ---------------------------------------------------------------------------------------------------------
// A file's findings (the per-file page body, and each file's section of the single page)

/** Findings as rows; the sheet column only where findings are not under a table (whose heading names its sheet). */
function findingsTable(diags: ReportDiagnostic[], withSheet: boolean): string {
  const out: string[] = ['<table class="list"><thead><tr>'];
  const cols = [h.colCell, h.colValue, h.colSeverity, h.colMessage, h.colSuggestion];
  for (const c of withSheet ? [h.colSheet, ...cols] : cols) out.push(`<th>${e(c)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const d of diags) {
    out.push(
      '<tr>' +
        (withSheet ? `<td>${e(d.sheet)}</td>` : '') +
        `<td class="cell">${e(d.cell)}</td><td class="val">${e(d.value || '')}</td>` +
        `<td>${sevBadge(d.severity)}</td>` +
        `<td>${e(d.message)}<span class="rid">${e(ruleDescription(d.rule))} · <code>${e(d.rule)}</code></span></td>` +
        `<td>${d.suggestion ? e(d.suggestion) : ''}</td>` +
        '</tr>',
    );
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

/** Findings of one table: ordinary rules in one list, each loud rule folded into its own. */
function findingsBlock(diags: ReportDiagnostic[], withSheet: boolean): string {
  if (!diags.length) return `<p class="ok">${e(h.noFindings)}</p>`;
  const byRule = new Map<string, ReportDiagnostic[]>();
  for (const d of diags) {
    const l = byRule.get(d.rule);
    if (l) l.push(d);
    else byRule.set(d.rule, [d]);
  }
  const quiet = diags.filter((d) => byRule.get(d.rule)!.length < LOUD_RULE);
  const out: string[] = [];
  if (quiet.length) out.push(findingsTable(quiet, withSheet));
  byRule.forEach((list, rule) => {
    if (list.length < LOUD_RULE) return;
    out.push(
      `<details class="loud"><summary>${sevBadge(list[0].severity)} ${e(h.loudSummary(ruleDescription(rule), list.length))}` +
        `<span class="rid"><code>${e(rule)}</code></span></summary>\n${findingsTable(list, withSheet)}\n</details>`,
    );
  });
  return out.join('\n');
}

function countsText(c: { error: number; warning: number; info: number } | undefined): string {
  const x = c || { error: 0, warning: 0, info: 0 };
  return h.counts(x.error, x.warning, x.info);
}

function tableSection(t: ReportTable, i: number, diags: ReportDiagnostic[], idPrefix: string): string {
  const meta = [
    t.code ? `${h.colCode}：${t.code}` : '',
    `${h.colSheet}：${t.sheet}`,
    `${h.colRange}：${t.range}`,
    `${h.colKind}：${cliText.kindLabel[t.kind] || t.kind}`,
    `${h.colIndicators}：${t.indicators}`,
    t.profile ? `${h.colProfile}：${profileName(t.profile)}` : '',
  ].filter(Boolean);
  return [
    `<section class="table" id="${idPrefix}t${i + 1}">`,
    `<h3>${e(cliText.tableTitle(i + 1, t.name))} ${verdictBadge(t.verdict)}</h3>`,
    `<p class="tmeta">${e(meta.join(' · '))} · ${e(countsText(t.counts))}</p>`,
    findingsBlock(diags, false),
    '</section>',
  ].join('\n');
}

/** Everything about one file: its verdict, then each table with its findings, then findings outside tables. */
export function fileBody(f: ReportFile, idPrefix = ''): string {
  const out: string[] = [];
  if (f.error) {
    out.push(`<p class="error">${e(h.cannotRead)}${e(f.error)}</p>`);
    return out.join('\n');
  }
  out.push(`<p class="tmeta">${e(h.fileVerdict)}：${verdictBadge(f.verdict)} · ${e(h.fileCounts(f.tables.length))} · ${e(countsText(f.counts))}</p>`);
  if (!f.tables.length) out.push(`<p>${e(h.noTables)}</p>`);
  const byTable: ReportDiagnostic[][] = f.tables.map(() => []);
  const outside: ReportDiagnostic[] = [];
  for (const d of f.diagnostics) {
    const i = tableIndexOf(d, f.tables);
    (i >= 0 ? byTable[i] : outside).push(d);
  }
  f.tables.forEach((t, i) => out.push(tableSection(t, i, byTable[i], idPrefix)));
  if (outside.length) out.push(`<section class="table"><h3>${e(h.outsideTables)}</h3>`, findingsBlock(outside, true), '</section>');
  return out.join('\n');
}

/** The per-file page (pages/NNNN-….html), linking back to the index. */
export function filePage(f: ReportFile, info: RunInfo, links: { index: string; copy?: string }): string {
  const nav =
    `<p class="nav"><a href="${e(encodePath(links.index))}">${e(h.backToIndex)}</a>` +
    (links.copy ? ` · <a href="${e(encodePath(links.copy))}">${e(h.openCopy)}</a>` : '') +
    '</p>';
  return (
    pageHead(`${f.file} - ${cliText.toolTitle}`) +
    `${nav}\n<h1>${e(f.file)}</h1>\n` +
    runMeta(info) +
    fileBody(f) +
    `\n<script>${printScript}</script>\n` +
    pageTail(false)
  );
}

/** One file's section of the single page (no --out). */
export function fileSection(f: ReportFile, n: number): string {
  return `<section class="file" id="f${n}">\n<h2>${e(f.file)}</h2>\n${fileBody(f, `f${n}-`)}\n</section>\n`;
}
