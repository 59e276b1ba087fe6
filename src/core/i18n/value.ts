// User-facing text for the 指标值 parser (src/core/value.ts).

export const valueText = {
  issue: {
    fullwidth: (chars: string) => `含有全角或非标准符号「${chars}」，应使用半角 %、数字和 ≥ ≤ > < = 符号`,
    asciiCmp: (written: string, cmp: string) => `比较关系写作「${written}」，应写作「${cmp}」`,
    cmpRedundant: (written: string) => `比较符号与「${written}」重复，保留符号即可`,
    unitWord: (written: string, unit: string) => `单位「${written}」应写作「${unit}」`,
    unitIncomplete: (written: string) => `单位「${written}」不完整，金额应写作「${written}元」`,
    strayWords: (words: string) => `指标值中有多余文字「${words}」`,
    placeholder: (text: string) => `指标值仍是模板占位内容「${text}」，请填写实际目标值`,
    missingCmp: '未写比较符号（默认按“=”理解），应明确写出 ≥、≤、> 、< 或 =',
    spaces: '指标值含有多余空格',
    splitNumber: (text: string, joined: string, shorter: string) => `数字被空格隔开，「${text}」可读作「${joined}」或「${shorter}」，请核实`,
    na: (text: string) => `指标值填写为「${text}」，不是可衡量的目标值；不适用的指标应删除或改设适用的指标`,
  },
  reason: {
    placeholder: '指标值是未替换的模板占位内容',
    na: '指标值填写为“无”或横线，没有目标值',
    unitOnly: (unit: string) => `只有单位「${unit}」，缺少数值`,
    unitLeftover: (unit: string) => `开头多出单位残留「${unit}」，其后是文字而不是数值`,
    strayAfter: (words: string) => `数值后有多余文字「${words}」`,
    strayBefore: (words: string) => `数值前有多余文字「${words}」`,
    cmpConflict: '文字与符号表达的比较关系相互矛盾',
    badDate: '日期不存在（月份或日期超出范围）',
    nameLike: (text: string) => `「${text}」是指标名称或描述，不是目标值（应写如 ≥95%、=10个、明显提升）`,
    question: '指标值写成了问句（“是否……”），应写明要达到的状态',
    list: '指标值罗列了多项内容，应拆分为多个指标，各自给出可衡量的目标值',
    unreadable: (text: string) => `无法识别的指标值「${text}」`,
  },
};
