// A self-contained HTML report: inline CSS, no scripts or external resources (it is mailed around
// and opened offline on intranets), plain tables that print well, every dynamic string escaped.
import { Report, ReportFile, ReportDiagnostic, tableIndexOf, summarize } from '../core/report';
import { Severity } from '../core/diagnostic';
import { cliText, severityLabel } from '../core/i18n/cli';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const e = escapeHtml;

// Plain CSS2-level rules: the report must also render in old Office-era browsers (IE11 on Windows 7).
const css = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei","SimSun",sans-serif;
color:#222;margin:24px;line-height:1.5;font-size:14px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 6px;padding-bottom:4px;border-bottom:2px solid #444;word-break:break-all}
h3{font-size:14px;margin:12px 0 4px;color:#444}
.meta{color:#666;margin:0 0 16px}
.summary{border-collapse:collapse;margin:8px 0 16px}
.summary td{border:1px solid #bbb;padding:6px 14px;text-align:center}
.summary .n{font-size:20px;font-weight:bold;display:block}
table.list{border-collapse:collapse;width:100%;margin:4px 0 8px}
table.list th,table.list td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}
table.list th{background:#eee;white-space:nowrap}
table.list td.cell,table.list td.rule,table.list td.num{white-space:nowrap;font-family:Consolas,"Courier New",monospace}
table.list td.num{text-align:right}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;white-space:nowrap;border:1px solid}
.sev-error{color:#a40000;border-color:#a40000;background:#fde8e8}
.sev-warning{color:#7a4d00;border-color:#b97800;background:#fff3d6}
.sev-info{color:#084d75;border-color:#2a7ab0;background:#e6f2fb}
.error{color:#a40000;font-weight:bold}
.ok{color:#1d6b1d}
.file-counts{color:#555;margin:0 0 4px}
@media print{body{margin:0;font-size:11pt}h2{page-break-after:avoid}tr{page-break-inside:avoid}
thead{display:table-header-group}.badge{border-width:1px}}
`;

function badge(sev: Severity): string {
  return `<span class="badge sev-${sev}">${e(severityLabel[sev])}</span>`;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function stamp(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

function fileSection(f: ReportFile): string {
  const h = cliText.html;
  const out: string[] = [`<section class="file">`, `<h2>${e(f.file)}</h2>`];
  if (f.error) {
    out.push(`<p class="error">${e(h.cannotRead)}${e(f.error)}</p>`, '</section>');
    return out.join('\n');
  }
  const s = summarize([f]);
  out.push(`<p class="file-counts">${e(h.fileCounts(s.tables, s.indicators, s.errors, s.warnings, s.infos))}</p>`);
  if (f.tables.length === 0) {
    out.push(`<p>${e(h.noTables)}</p>`);
    if (f.diagnostics.length === 0) {
      out.push('</section>');
      return out.join('\n');
    }
  } else {
    out.push(`<h3>${e(h.tableList)}</h3>`, '<table class="list"><thead><tr>');
    for (const c of [h.colNo, h.colSheet, h.colRange, h.colKind, h.colName, h.colCode, h.colIndicators, h.colProfile]) {
      out.push(`<th>${e(c)}</th>`);
    }
    out.push('</tr></thead><tbody>');
    f.tables.forEach((t, i) => {
      out.push(
        '<tr>' +
          `<td class="num">${i + 1}</td><td>${e(t.sheet)}</td><td class="cell">${e(t.range)}</td>` +
          `<td>${e(cliText.kindLabel[t.kind] || t.kind)}</td><td>${e(t.name)}</td><td class="cell">${e(t.code)}</td>` +
          `<td class="num">${t.indicators}</td><td>${e(t.profile || '')}</td>` +
          '</tr>',
      );
    });
    out.push('</tbody></table>');
  }
  out.push(`<h3>${e(h.findings)}</h3>`);
  if (f.diagnostics.length === 0) {
    out.push(`<p class="ok">${e(h.noFindings)}</p>`);
  } else {
    out.push('<table class="list"><thead><tr>');
    for (const c of [h.colSheet, h.colCell, h.colTable, h.colSeverity, h.colRule, h.colMessage, h.colSuggestion]) {
      out.push(`<th>${e(c)}</th>`);
    }
    out.push('</tr></thead><tbody>');
    for (const d of f.diagnostics) out.push(findingRow(d, f));
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function findingRow(d: ReportDiagnostic, f: ReportFile): string {
  const i = tableIndexOf(d, f.tables);
  const table = i >= 0 ? cliText.tableHeading(i + 1, f.tables[i].name, f.tables[i].range) : '';
  return (
    '<tr>' +
    `<td>${e(d.sheet)}</td><td class="cell">${e(d.cell)}</td><td>${e(table)}</td>` +
    `<td>${badge(d.severity)}</td><td class="rule">${e(d.rule)}</td>` +
    `<td>${e(d.message)}</td><td>${d.suggestion ? e(d.suggestion) : ''}</td>` +
    '</tr>'
  );
}

export function renderHtml(report: Report, generatedAt: Date): string {
  const h = cliText.html;
  const s = report.summary;
  const profile = report.tool.profile === 'auto' ? h.profileAuto : report.tool.profile;
  const cells: Array<[string, number, string]> = [
    [h.files, s.files, ''],
    [h.tables, s.tables, ''],
    [h.indicators, s.indicators, ''],
    [h.errors, s.errors, 'sev-error'],
    [h.warnings, s.warnings, 'sev-warning'],
    [h.infos, s.infos, 'sev-info'],
  ];
  if (s.unreadable) cells.push([h.unreadable, s.unreadable, 'sev-error']);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(cliText.toolTitle)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    `<h1>${e(cliText.toolTitle)}</h1>`,
    `<p class="meta">${e(h.tool)}：${e(report.tool.name)} ${e(report.tool.version)} · ${e(h.profile)}：${e(profile)} · ${e(
      h.generated,
    )}：${e(stamp(generatedAt))}</p>`,
    '<table class="summary"><tr>' +
      cells.map(([label, n, cls]) => `<td class="${cls}"><span class="n">${n}</span>${e(label)}</td>`).join('') +
      '</tr></table>',
    ...report.files.map(fileSection),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
