// User-facing text of the WPS 表格 host (ET object model): why a WPS call failed, and what to do about it.

/** What the adapter was doing when WPS failed, as the user would say it. */
export const wpsStepText = {
  names: '读取工作表名称',
  add: '新建工作表',
  rename: '给新工作表命名',
  values: '写入单元格内容',
  numberFormats: '设置数字格式',
  merges: '合并单元格',
  styles: '设置字体和对齐',
  borders: '设置边框',
  sizes: '设置列宽和行高',
  print: '页面设置',
  activate: '切换到新工作表',
  alerts: '关闭屏幕刷新和提示框',
  sheets: '读取工作表列表',
  read: '读取单元格内容',
  select: '定位单元格',
  write: '写入单元格',
  record: '保存原始格式记录',
  restore: '还原上次的标记',
  readFormats: '读取单元格原有的填充色和批注',
  fills: '设置标记填充色',
  comments: '写入批注',
  findings: '写入“审核意见”工作表',
  insert: '插入行',
  events: '监听单元格编辑',
} as const;

export type WpsStep = keyof typeof wpsStepText;

export const wpsText = {
  /** The page runs outside WPS (no window.Application). */
  noWps: '没有找到 WPS 表格（window.Application 不存在）。请在 WPS 表格中通过加载项打开本窗格。',
  /** An ET failure inside a sentence of the mark mechanism (src/core/i18n/marks.ts). */
  etSaid: (detail: string) => `WPS 表格：${detail}`,
  /** Anything else failed, with nothing written (reads, selecting). */
  failed: (step: string, detail: string) => `WPS 表格在${step}时出错（${detail}）。请重试；如果反复出现，请保存并重新打开工作簿。`,
  /** The workbook structure is protected: no findings sheet, so nothing is marked. */
  protectedStructure:
    '工作簿结构受保护，无法新建“审核意见”工作表，没有写入任何标记。请先撤销工作簿保护（审阅 › 撤销工作簿保护）后重试。',
  /** A sheet to mark or write is protected. */
  protectedSheet: (sheet: string) =>
    `工作表“${sheet}”受保护，无法修改其中的单元格，没有写入任何内容。请先撤销工作表保护（审阅 › 撤销工作表保护）后重试。`,
  /** Marking failed part-way; what was done is undone from the record (ET has no rollback of its own). */
  markRolledBack: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}）。已按记录把单元格还原为检查前的样子，工作簿没有留下标记。请重试；如果反复出现，请保存并重新打开工作簿。`,
  /** …and the undoing failed too. */
  markRollbackFailed: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}），还原时也出错，部分单元格可能仍带有标记。请保存并重新打开工作簿，再点“清除标记”。`,
  /** Clearing failed part-way: the record is kept, so 清除标记 can be pressed again. */
  clearFailed: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}），部分单元格可能还没有还原。记录仍保留在工作簿中，请再点一次“清除标记”。`,
  /** Inserting rows failed after the first row went in (ET cannot undo it for us). */
  insertFailed: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}），新行可能只插入了一部分。请检查表格（可按 Ctrl+Z 撤销）后重试。`,
  /** The saved record is damaged or from a newer version: nothing can be restored automatically. */
  recordUnreadable: '工作簿中的标记记录已损坏或来自更新的版本，无法自动还原。请用原文件或备份替换，或手动清除填充色和批注。',
  /** WPS gave no detail (its exceptions are not always Error objects). */
  noDetail: '没有更多信息',
  noWorkbook: '没有打开的工作簿。请先在 WPS 表格中打开或新建一个工作簿，再写入模板。',
  /** Sheets.Add gave no sheet and none could be found: nothing was renamed or written. */
  noNewSheet: 'WPS 表格没有新建工作表，没有写入任何内容。请确认工作簿没有设置保护（审阅 › 撤销工作簿保护）后重试。',
  /** A WPS call failed part-way through writing the new sheet (there is no rollback in ET). */
  stepFailed: (step: string, sheet: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}）。新工作表“${sheet}”可能只写了一部分，请删除它后重试；如果反复出现，请保存并重新打开工作簿。`,
  /** A WPS call failed before the new sheet existed: the workbook is unchanged. */
  failedBeforeWrite: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}），没有写入任何内容。请重试；如果反复出现，请保存并重新打开工作簿。`,
  /** Borders threw on this WPS build (reported on some builds): the sheet is written without (all) lines. */
  bordersSkipped: (detail: string) =>
    `此版本的 WPS 表格无法设置单元格边框（${detail}），新工作表的内容已写入，但表格线没有画全。请选中表格，用“开始 › 边框 › 所有框线”补上。`,
  /** PageSetup threw (on some machines without a printer): the sheet is written with WPS's default print setup. */
  printSkipped: (detail: string) =>
    `WPS 表格无法完成页面设置（${detail}，常见于没有安装打印机的电脑），新工作表的内容已写入。打印前请在“页面布局”中设为 A4 纵向、缩放到一页宽。`,
};

/** The add-in's shell in WPS: ribbon labels (filled into ribbon.xml at build time), pane title, start-up failures. */
export const wpsShellText = {
  /** manifest.xml: shown by WPS's add-in manager. */
  description: '预算绩效目标表检查与填报：检查指标、标记问题、插入指标库、按模板生成新表。',
  tab: '绩效目标',
  group: '检查与填报',
  showPane: '检查窗格',
  showPaneTip: '打开或关闭绩效目标表检查窗格',
  paneTitle: '绩效目标表检查',
  noApplication: '没有找到 WPS 表格的 Application 对象',
  paneFailed: (why: string) => `无法打开检查窗格（${why}）。请确认加载项已受信任，并重启 WPS 表格后重试。`,
};

/** npm run package:wps (for administrators) and the publish.html it writes. */
export const wpsPackageText = {
  usage: '用法：npm run package:wps -- --url http://内网服务器/路径/ [--out 输出目录] [--dist dist/wps]\n' +
    '写出两种安装方式：online/（在线模式：把 ptcheck 文件夹放到 --url 指向的位置）和 offline/（离线模式：ptcheck.7z）。',
  badUrl: (url: string) => `--url 必须是以 / 结尾的 http(s):// 或 file:/// 地址（WPS 从该地址读取 ribbon.xml 或 ptcheck.7z），现在是“${url}”。`,
  noBuild: (dir: string) => `找不到 ${dir}/ribbon.xml。请先运行 npm run build。`,
  missingValue: (opt: string) => `${opt} 后面缺少取值。`,
  unknownOption: (opt: string) => `不认识的选项：${opt}（用 --help 查看用法）`,
  done: (online: string, offline: string, version: string, files: number) =>
    `已写出 WPS 加载项 ${version}（${files} 个文件）：\n  在线模式：${online}/（ptcheck/ 放到服务器上，jsplugins.xml 或 publish.html 登记）\n  离线模式：${offline}/（ptcheck.7z 放到服务器上，jsplugins.xml 或 publish.html 登记）`,
  /** publish.html. */
  page: {
    title: '安装“绩效目标表检查”WPS 加载项',
    intro: '请先打开 WPS 表格，再点“安装”。安装后第一次使用时 WPS 会询问是否信任此加载项，请选择信任并重启 WPS 表格。',
    nameLabel: '名称',
    versionLabel: '版本',
    modeLabel: '方式',
    urlLabel: '地址',
    install: '安装',
    uninstall: '卸载',
    working: '正在与本机的 WPS 通信…',
    installed: '已安装。请重启 WPS 表格，在“绩效目标”选项卡中打开检查窗格。',
    uninstalled: '已卸载。重启 WPS 表格后生效。',
    failed: '无法连接本机的 WPS（127.0.0.1:58890）。请确认已安装并打开 WPS，浏览器允许打开 WPS 后重试；或请管理员用 jsplugins.xml 部署。',
    starting: '正在启动 WPS 的本地服务，如浏览器询问是否打开 WPS Office，请允许…',
    online: '在线模式（每次启动从服务器读取）',
    offline: '离线模式（下载安装包，版本变化时更新）',
  },
};
