// Text output of `ptcheck suggest` (suggestions grouped by 二级, in table order) and `ptcheck library`.
import { libraryCliText as T, noGoodFitText } from '../core/i18n/library';
import { Library } from '../core/library/schema';
import { SuggestResult } from '../core/library/suggest';
import { Style } from './text';

/** The order a table lists 一级/二级 in, under either profile. */
const L1_ORDER = ['成本指标', '产出指标', '效益指标', '满意度指标'];
const L2_ORDER = [
  '经济成本指标', '社会成本指标', '生态环境成本指标',
  '数量指标', '质量指标', '时效指标', '成本指标',
  '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标',
  '服务对象满意度指标',
];
const rank = (xs: string[], x: string) => (xs.indexOf(x) < 0 ? xs.length : xs.indexOf(x));

export function renderSuggestText(name: string, res: SuggestResult, style: Style): string {
  const out: string[] = [style.bold(name)];
  out.push(
    T.typesHeading + (res.types.length ? res.types.map((t) => `${t.name}（${t.score.toFixed(2)}）`).join('、') : T.noTypes),
  );
  if (!res.fit.good) out.push(style.bad(noGoodFitText(res.fit)));
  out.push('');
  if (!res.suggestions.length) {
    out.push(T.noSuggestions, '');
    return out.join('\n');
  }
  out.push(T.suggestionsHeading(res.suggestions.length));
  const groups = new Map<string, typeof res.suggestions>();
  for (const s of res.suggestions) {
    const k = s.l1 + '\u0000' + s.l2;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(s);
  }
  const keys = Array.from(groups.keys()).sort((a, b) => {
    const [a1, a2] = a.split('\u0000');
    const [b1, b2] = b.split('\u0000');
    return rank(L1_ORDER, a1) - rank(L1_ORDER, b1) || rank(L2_ORDER, a2) - rank(L2_ORDER, b2);
  });
  let placeholders = false;
  for (const k of keys) {
    const [l1, l2] = k.split('\u0000');
    out.push('', style.bold(`${l1} › ${l2}`));
    for (const s of groups.get(k)!) {
      if (s.missing.length) placeholders = true;
      out.push(`  ${s.l3}　${s.missing.length ? style.bad(s.value) : s.value}　${style.dim('〔' + T.basis + '：' + s.basis + '〕')}`);
      out.push('    ' + style.dim(s.desc));
    }
  }
  out.push('');
  if (placeholders) out.push(T.placeholderNote, '');
  return out.join('\n');
}

export function renderLibraryText(lib: Library, style: Style): string {
  const counts = new Map<string, number>();
  for (const i of lib.indicators) for (const t of i.types) counts.set(t, (counts.get(t) || 0) + 1);
  const out: string[] = [style.bold(T.libraryHeading(lib.version)), T.libraryStats(lib.types.length, lib.indicators.length), ''];
  for (const t of lib.types) out.push('  ' + T.typeLine(t.name, t.id, counts.get(t.id) || 0));
  if (counts.get('common')) out.push('  ' + T.commonLine(counts.get('common')!));
  out.push('');
  return out.join('\n');
}
