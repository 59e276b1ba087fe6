// User-facing text of the Excel host (office-js): why an Excel call failed, and what to do about it.

/** By office-js error code (OfficeExtension.Error.code); each says what happened and what to do. */
export const excelErrorText: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态，无法操作工作簿。请先按 Enter 或 Esc 结束编辑，再重试。',
  RequestPayloadSizeLimitExceeded:
    '一次要写入 Excel 的数据太多（网页版 Excel 每次请求上限 5 MB）。请分几次检查较少的工作表，或改用桌面版 Excel。',
  ResponsePayloadSizeLimitExceeded:
    '一次要从 Excel 读取的数据太多（网页版 Excel 每次响应上限 5 MB）。请分几次检查较少的工作表，或改用桌面版 Excel。',
  ItemNotFound: '找不到要操作的工作表、单元格或批注，可能刚被删除或改名。请刷新工作表列表后重试。',
  ItemAlreadyExists: '已有同名的工作表。请改名或删除后重试。',
  InvalidArgument: '要操作的单元格地址或内容不被 Excel 接受。请确认工作表名和单元格地址，然后重试。',
  InvalidReference: '单元格引用无效。请确认工作表名和单元格地址，然后重试。',
  AccessDenied: '工作表受保护或工作簿为只读，无法写入。请先撤销工作表保护（审阅 › 撤销工作表保护），或另存一份再检查。',
  ApiNotFound: '当前版本的 Excel 不支持这项操作。请升级到较新的 Excel，或使用“审核意见”工作表查看结果。',
  NotImplemented: '当前版本的 Excel 不支持这项操作。请升级到较新的 Excel，或使用“审核意见”工作表查看结果。',
  UnsupportedOperation: '当前工作簿不支持这项操作（例如在共享或受保护的工作簿中）。请另存一份再试。',
  InvalidOperation: 'Excel 拒绝了这项操作（例如工作表受保护、隐藏或正被其他操作占用）。请检查后重试。',
  MergedRangeConflict: '操作与合并单元格冲突。请检查合并单元格后重试。',
  Conflict: '工作簿正被其他人同时编辑，操作发生冲突。请稍候重试。',
  InsertDeleteConflict: '工作簿正被其他人同时编辑，操作发生冲突。请稍候重试。',
  ActivityLimitReached: 'Excel 操作过于频繁，已达上限。请稍候再试。',
  RequestAborted: '操作被中断（可能工作簿已关闭或切换）。请重试。',
  GeneralException: 'Excel 暂时无法完成操作。请稍后重试；如果反复出现，请保存并重新打开工作簿。',
  InactiveWorkbook: '工作簿不在活动状态。请切回这个工作簿后重试。',
  RangeExceedsLimit: '要处理的区域超出了 Excel 的单次上限。请分几次检查较少的工作表。',
};

export const excelText = {
  /** Any other failure: the code and Excel's own message, so support can tell what happened. */
  unknownError: (code: string, message: string) =>
    `Excel 操作失败（${code || '未知错误'}）：${message || '没有更多信息'}。请重试；如果反复出现，请保存并重新打开工作簿。`,
  /** Office is not there (the page was opened outside Excel). */
  noOffice: '没有找到 Excel（Office.js 未加载）。请在 Excel 中通过加载项打开本窗格。',
  sheetHidden: (sheet: string) => `工作表“${sheet}”已隐藏，无法定位到其中的单元格。如需查看，请右键工作表标签，选择“取消隐藏”。`,
};
