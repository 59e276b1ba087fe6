// 指标值确定依据, 绩效指标描述, stray spaces, split rows, and text copied from another project.
import { msg } from '../i18n/rules';
import { TableCheck, TableContext, WorkbookCheck } from './context';

const NA = /^(无|暂无|\/|-|—|－|\*|_|略)?$/;
/** Words that show a basis names a standard or a source a reviewer accepts. */
// A department's own funding application or its explanation (…的申请, …的说明, 关于申请拨付…的请示) is a planning
// basis, as are meeting decisions and the unit's 三定 functions.
const BASIS_OK = /申请|请示|说明|申报|立项|会议|纪要|三定|职能|《|预案|规划|上报|排查|摸底|普查|核实|核定|资料|数据|报告|标准|计划|方案|目标|预算|文件|规定|办法|通知|意见|制度|政策|要求|合同|协议|统计|历史|上年|往年|前三年|行业|规范|国标|定额|调查|问卷|测评|台账|登记|记录|报表|批复|任务|安排|部署|实际|测算|职责|清单|考核|〔|\[|【|号|发/;

function basisDesc(ctx: TableContext): void {
  const t = ctx.table;
  for (const r of ctx.rows) {
    const name = r.l3.text.trim();
    if (NA.test(r.norm.l3)) continue;
    if (t.header.basis) {
      const b = r.basis.text.trim();
      if (!b) ctx.emit('basis.empty', r.basis.cell, msg.basisEmpty(), null, 'error');
      else if (!BASIS_OK.test(b) || r.norm.basis === r.norm.value) ctx.emit('basis.unclear', r.basis.cell, msg.basisUnclear(b), null, 'warning');
    }
    if (t.header.desc) {
      const d = r.desc.text.trim();
      if (!d) ctx.emit('desc.empty', r.desc.cell, msg.descEmpty(), null, 'warning');
      else if (r.norm.desc.replace(/[()（）%％]/g, '') === r.norm.l3.replace(/[()（）%％]/g, ''))
        ctx.emit('desc.repeats-name', r.desc.cell, msg.descRepeats(name), null, 'warning');
    }
    for (const f of [r.l3, r.desc, r.basis]) {
      if (f.text && f.text !== f.text.trim() && f.text.trim()) ctx.emit('text.whitespace', f.cell, msg.whitespace(f.text), f.text.trim(), 'info');
    }
  }
}

function splitRow(ctx: TableContext): void {
  for (const row of ctx.table.indicators) {
    if (!row.fragment) continue;
    const cell = row.l1.cell && row.l2.cell ? row.l1.cell + ':' + row.l2.cell : row.l1.cell || row.l2.cell;
    ctx.emit('layout.split-row', cell, msg.splitRow([row.l1.text.trim(), row.l2.text.trim()].filter(Boolean).join(' / ')), null, 'error');
  }
}

/**
 * Distinctive subjects: when an indicator names one that the project's own name, purpose and goals never
 * mention, the row was most likely copied from another project (保证矿井正常运行 in an environment project).
 */
const SUBJECTS = ['矿井', '煤矿', '矿山', '路段', '农田', '耕地', '生猪', '河道', '秸秆', '考生', '孕产妇', '殡葬', '会务', '热线', '炮弹', '渔船', '疫苗', '校舍'];
/** Any of them: one test per cell instead of one search per word (most cells name none). */
const ANY_SUBJECT = new RegExp(SUBJECTS.join('|'));

function foreign(ctx: TableContext): void {
  const t = ctx.table;
  if (!t.purpose.text.trim() && !t.goals.text.trim()) return;
  const own = t.title.text + t.name.text + t.purpose.text + t.goals.text;
  for (const r of ctx.rows) {
    for (const f of [r.l3, r.desc]) {
      if (!ANY_SUBJECT.test(f.text)) continue;
      const word = SUBJECTS.find((w) => f.text.indexOf(w) >= 0 && own.indexOf(w) < 0);
      if (word) {
        ctx.emit('text.foreign-subject', f.cell, msg.foreignSubject(word, f.text.trim()), null, 'warning');
        break;
      }
    }
  }
}

export const textRules: TableCheck[] = [basisDesc, splitRow, foreign];

/** Identical (三级, 描述, 指标值) rows in many projects of one workbook: a template copied without change. */
export const boilerplate: WorkbookCheck = (ctxs) => {
  const projects = ctxs.filter((c) => c.table.kind !== 'department');
  if (projects.length < 4) return;
  const byKey = new Map<string, { ctx: TableContext; cell: string }[]>();
  for (const ctx of projects) {
    const seen = new Set<string>();
    for (const r of ctx.rows) {
      if (!r.l2 || r.l2.role === 'satisfaction' || r.measure === 'satisfaction') continue;
      const name = r.norm.l3;
      if (!name || NA.test(name)) continue;
      const key = name + '|' + r.norm.desc + '|' + r.norm.value;
      if (seen.has(key)) continue;
      seen.add(key);
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push({ ctx, cell: r.l3.cell });
    }
  }
  const threshold = Math.max(4, Math.ceil(projects.length * 0.4));
  for (const list of byKey.values()) {
    if (list.length < threshold) continue;
    for (const { ctx, cell } of list) ctx.emit('workbook.boilerplate', cell, msg.boilerplate(list.length, projects.length), null, 'warning');
  }
};
