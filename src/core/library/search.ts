// Type-ahead search over the whole library: the query's words are looked for in each indicator's 三级, keywords,
// type names and explanation (in that order of weight); a word of three or more characters found nowhere verbatim
// still matches an indicator whose 三级 and keywords hold most of its character bigrams (a typo, a word order of
// its own). Every word must match somewhere. A few hundred string tests per keystroke: no index needed.
import { Library, LibraryIndicator } from './schema';
import { cachedFor, getLibrary, lookup } from './index';
import { bigrams, normalise } from './text';

export interface SearchOptions {
  library?: Library;
  /** Most hits returned (default 30). */
  limit?: number;
}

interface Entry {
  ind: LibraryIndicator;
  order: number;
  l3: string;
  keywords: string;
  types: string;
  explanation: string;
  grams: Set<string>;
}

function entries(lib: Library): Entry[] {
  return cachedFor(lib, 'search-entries', () => {
    const types = lookup(lib).typeById;
    return lib.indicators.map((ind, order) => {
      const l3 = normalise(ind.l3);
      const keywords = ind.keywords.map(normalise).join('|');
      const typeNames = ind.types.map((t) => (types.get(t) ? normalise((types.get(t) as { name: string }).name) : '')).join('|');
      return { ind, order, l3, keywords, types: typeNames, explanation: normalise(ind.explanation), grams: new Set(bigrams(l3 + '|' + keywords)) };
    });
  });
}

/** Query words: normalised, split at spaces and punctuation. */
export function queryTerms(query: string): string[] {
  const words = String(query || '')
    .split(/[\s\u3000,，、;；]+/)
    .map((w) => normalise(w).replace(/\|/g, ''))
    .filter(Boolean);
  return words.filter((w, i) => words.indexOf(w) === i);
}

function termScore(e: Entry, term: string): number {
  const at = e.l3.indexOf(term);
  if (at >= 0) return at === 0 ? 4 : 3;
  if (e.keywords.indexOf(term) >= 0) return 2;
  if (e.types.indexOf(term) >= 0) return 1.5;
  if (e.explanation.indexOf(term) >= 0) return 1;
  if (term.length < 3) return 0;
  const grams = bigrams(term);
  let have = 0;
  for (const g of grams) if (e.grams.has(g)) have++;
  const share = have / grams.length;
  return share >= 0.6 ? share : 0;
}

/** Indicators matching every word of the query, best first (ties in library order). Empty query: none. */
export function searchLibrary(query: string, opts: SearchOptions = {}): LibraryIndicator[] {
  const lib = opts.library || getLibrary();
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const limit = opts.limit === undefined ? 30 : opts.limit;
  const hits: { e: Entry; score: number }[] = [];
  for (const e of entries(lib)) {
    let score = 0;
    let all = true;
    for (const t of terms) {
      const s = termScore(e, t);
      if (!s) {
        all = false;
        break;
      }
      score += s;
    }
    if (all) hits.push({ e, score });
  }
  hits.sort((a, b) => b.score - a.score || a.e.order - b.e.order);
  return hits.slice(0, limit).map((h) => h.e.ind);
}
