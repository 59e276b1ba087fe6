// Which project types a budget project is, from its name, 资金用途 and 绩效目标. Two stages:
//  1. keyword matching over a character-bigram index of every type's name and keywords (after normalising
//     the text and expanding the domain alias table), the name weighted above the purpose above the goals;
//  2. a re-rank by how much of the project name's vocabulary the type's own indicators use, which breaks
//     ties between types sharing a keyword and ranks types when no keyword matched at all.
// Everything here is plain string work over small tables: no segmenter, no Node or DOM API.
import { Library, ProjectType } from './schema';
import { cachedFor, getAliases, getLibrary } from './index';
import { bigrams, normalise } from './text';

export interface ProjectText {
  name: string;
  purpose?: string;
  goals?: string;
}

export interface TypeScore {
  id: string;
  name: string;
  /** 0..1, comparable across projects (not a probability). */
  score: number;
}

export interface ClassifyOptions {
  library?: Library;
  /** How many types to return at most (default 5). */
  limit?: number;
}

interface Term {
  text: string;
  type: number;
  weight: number;
  grams: string[];
}

interface ClassifierIndex {
  types: ProjectType[];
  terms: Term[];
  /** bigram → indices of the terms that contain it. */
  postings: Map<string, number[]>;
  /** bigram → the types whose indicators (三级 and keywords) use it. */
  vocab: Map<string, number[]>;
  /** bigram → inverse document frequency over the types' indicator vocabularies. */
  idf: Map<string, number>;
  maxIdf: number;
}

/** Field weights: the name says most about a project, the goals least (they are often boilerplate). */
const FIELD_WEIGHT = { name: 3, purpose: 1.5, goals: 1 };
/** A match found only through the alias table counts for less than the words the user wrote. */
const ALIAS_FACTOR = 0.7;
/** Each further matching keyword of one type adds less (many near-synonyms must not outweigh one exact hit). */
const DECAY = 0.6;
/** A partial keyword match (some of its bigrams present) counts at most this much, and only above MIN_PARTIAL. */
const PARTIAL_FACTOR = 0.5;
const MIN_PARTIAL = 0.6;

function lengthWeight(n: number): number {
  return n <= 1 ? 0.5 : n === 2 ? 1 : n === 3 ? 1.3 : n === 4 ? 1.5 : 1.7;
}

function buildIndex(lib: Library): ClassifierIndex {
  const types = lib.types;
  const typeIdx = new Map<string, number>();
  types.forEach((t, i) => typeIdx.set(t.id, i));

  // Each type's indicator vocabulary: the words its indicators are named and keyworded with.
  const corpus: string[] = types.map(() => '');
  for (const ind of lib.indicators) {
    for (const t of ind.types) {
      const i = typeIdx.get(t);
      if (i !== undefined) corpus[i] += '|' + normalise(ind.l3) + '|' + ind.keywords.map(normalise).join('|');
    }
  }
  const vocab = new Map<string, number[]>();
  corpus.forEach((text, ti) => {
    for (const g of bigrams(text)) {
      let list = vocab.get(g);
      if (!list) vocab.set(g, (list = []));
      list.push(ti);
    }
  });
  const idf = new Map<string, number>();
  let maxIdf = 0;
  vocab.forEach((list, g) => {
    const v = Math.log((types.length + 1) / list.length);
    idf.set(g, v);
    if (v > maxIdf) maxIdf = v;
  });

  // Terms: each type's name (and its "/"-separated parts) and keywords.
  const raw: Array<{ text: string; type: number; boost: number }> = [];
  types.forEach((t, ti) => {
    const names = [t.name].concat(t.name.split(/[/／]/)).map(normalise).filter(Boolean);
    const seen: { [k: string]: true } = {};
    const addTerm = (text: string, boost: number) => {
      if (!text || seen[text]) return;
      seen[text] = true;
      raw.push({ text, type: ti, boost });
    };
    for (const n of names) addTerm(n, 1.5);
    for (const k of t.keywords.map(normalise)) addTerm(k, 1);
  });
  const df = new Map<string, number>();
  for (const r of raw) df.set(r.text, (df.get(r.text) || 0) + 1);
  // How many other types' indicators use each term (memoised: the same word is a keyword of several types).
  const usedBy = new Map<string, number[]>();
  const typesUsing = (text: string): number[] => {
    let list = usedBy.get(text);
    if (!list) {
      // Only the types whose vocabulary has every bigram of the word can contain it.
      const grams = bigrams(text);
      let candidates: number[] | undefined;
      for (const g of grams) {
        const l = vocab.get(g) || [];
        candidates = candidates ? candidates.filter((ti) => l.indexOf(ti) >= 0) : l.slice();
        if (!candidates.length) break;
      }
      list = (candidates || []).filter((ti) => corpus[ti].indexOf(text) >= 0);
      usedBy.set(text, list);
    }
    return list;
  };
  const terms: Term[] = raw.map((r) => {
    // How many other types' indicators use the word: 发放, 维护, 宣传 say little about which type a project is.
    const others = typesUsing(r.text).filter((ti) => ti !== r.type).length;
    const generic = others / Math.max(1, types.length);
    const weight = (lengthWeight(r.text.replace(/\|/g, '').length) * r.boost) / Math.sqrt(df.get(r.text) || 1) / (1 + 3 * generic);
    return { text: r.text, type: r.type, weight, grams: bigrams(r.text) };
  });
  const postings = new Map<string, number[]>();
  terms.forEach((t, i) => {
    for (const g of t.grams) {
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push(i);
    }
  });
  return { types, terms, postings, vocab, idf, maxIdf };
}

export function classifierIndex(lib: Library = getLibrary()): ClassifierIndex {
  return cachedFor(lib, 'classifier', () => buildIndex(lib));
}

/** The alias expansions of a normalised text, as one "|"-separated string (empty when none apply). */
export function expandAliases(text: string): string {
  const out: string[] = [];
  for (const [key, words] of getAliases()) if (text.indexOf(key) >= 0) for (const w of words) out.push(normalise(w));
  return out.join('|');
}

/** Per-type score of one field: its keyword matches, strongest first, each further one decayed. */
function scoreField(ix: ClassifierIndex, text: string, into: number[], fieldWeight: number, words?: Map<number, string[]>): void {
  if (!text) return;
  const extra = expandAliases(text);
  const best = new Map<number, number>(); // term → match strength
  const consider = (s: string, factor: number) => {
    if (!s) return;
    const grams = bigrams(s);
    const hits = new Map<number, number>();
    for (const g of grams) {
      const list = ix.postings.get(g);
      if (list) for (const ti of list) hits.set(ti, (hits.get(ti) || 0) + 1);
    }
    hits.forEach((n, ti) => {
      const term = ix.terms[ti];
      let m = 0;
      if (s.indexOf(term.text) >= 0) m = 1;
      else if (term.grams.length >= 2) {
        const frac = n / term.grams.length;
        if (frac >= MIN_PARTIAL) m = PARTIAL_FACTOR * frac;
      }
      m *= factor;
      if (m > (best.get(ti) || 0)) best.set(ti, m);
    });
  };
  consider(text, 1);
  consider(extra, ALIAS_FACTOR);
  const perType = new Map<number, number[]>();
  best.forEach((m, ti) => {
    const term = ix.terms[ti];
    let list = perType.get(term.type);
    if (!list) perType.set(term.type, (list = []));
    list.push(m * term.weight);
    // Whole words the text names (not partial or alias matches): what a "no good fit" note can quote.
    if (words && m >= 1 && text.indexOf(term.text) >= 0) {
      let w = words.get(term.type);
      if (!w) words.set(term.type, (w = []));
      if (w.indexOf(term.text) < 0) w.push(term.text);
    }
  });
  perType.forEach((list, type) => {
    list.sort((a, b) => b - a);
    let sum = 0;
    let f = 1;
    for (const v of list) {
      sum += v * f;
      f *= DECAY;
    }
    into[type] += sum * fieldWeight;
  });
}

/** Share of the name's distinctive vocabulary (IDF-weighted bigrams) that each type's indicators use. */
function vocabularyCover(ix: ClassifierIndex, name: string): number[] {
  const cover = ix.types.map(() => 0);
  let total = 0;
  for (const g of bigrams(name)) {
    const w = ix.idf.get(g);
    // A bigram no indicator uses still counts in the total: it is vocabulary no type explains.
    const weight = w === undefined ? ix.maxIdf : w;
    total += weight;
    const list = ix.vocab.get(g);
    if (list) for (const ti of list) cover[ti] += weight;
  }
  return total > 0 ? cover.map((c) => c / total) : cover;
}

export interface RankedType extends TypeScore {
  /** The unbounded evidence behind `score`, for weighing types against each other. */
  raw: number;
  /** The part of `raw` the project name's own words give (no alias, purpose or goals). */
  nameRaw: number;
  /** The type's keywords the project's texts name word for word, longest first. */
  words: string[];
}

/** Ranked project types for a project; types with no evidence at all are left out. */
export function rankTypes(project: ProjectText, lib: Library = getLibrary()): RankedType[] {
  const ix = classifierIndex(lib);
  const raw = ix.types.map(() => 0);
  const name = normalise(project.name || '');
  const words = new Map<number, string[]>();
  scoreField(ix, name, raw, FIELD_WEIGHT.name, words);
  const nameRaw = raw.slice();
  scoreField(ix, normalise(project.purpose || ''), raw, FIELD_WEIGHT.purpose, words);
  scoreField(ix, normalise(project.goals || ''), raw, FIELD_WEIGHT.goals, words);

  const cover = vocabularyCover(ix, name);
  const anyKeyword = raw.some((r) => r > 0);
  const out: RankedType[] = [];
  raw.forEach((r, i) => {
    // Nothing matched a keyword: fall back to the indicator vocabulary alone, when it says enough.
    const f = anyKeyword ? r * (0.75 + 0.5 * cover[i]) : cover[i] >= 0.3 ? cover[i] : 0;
    if (f > 0)
      out.push({
        id: ix.types[i].id,
        name: ix.types[i].name,
        score: Math.round((f / (f + 3)) * 1000) / 1000,
        raw: f,
        nameRaw: nameRaw[i],
        words: (words.get(i) || []).slice().sort((a, b) => b.length - a.length),
      });
  });
  out.sort((a, b) => b.raw - a.raw || a.id.localeCompare(b.id));
  return out;
}

/** How well the best type fits a project, and why not when it does not. */
export interface TypeFit {
  /** False when no type fits well: suggestions are then built from what the project's texts name. */
  good: boolean;
  /** The best type's score (0 when none matched). */
  score: number;
  /** Why the fit is poor: no type's words found, or only weak ones (the words and where they were found). */
  reason: 'none' | 'weak' | 'ok';
  /** The best type, if any matched. */
  best?: { id: string; name: string };
  /** Its words the project names (empty when it was reached only through partial, alias or indicator words). */
  words: string[];
}

/**
 * A type fits well when the project's own texts name it: a keyword in the project name worth at least
 * GOOD_NAME_EVIDENCE (one exact two-character word, or a longer partial one), or strong evidence over all fields.
 * Below that the type was reached through a partial word, the alias table or the indicators' vocabulary only,
 * and its indicators would be a guess.
 */
const GOOD_NAME_EVIDENCE = 2.4;
const GOOD_TOTAL_EVIDENCE = 4;

export function assessFit(ranked: RankedType[]): TypeFit {
  const top = ranked[0];
  if (!top) return { good: false, score: 0, reason: 'none', words: [] };
  const good = top.nameRaw >= GOOD_NAME_EVIDENCE || top.raw >= GOOD_TOTAL_EVIDENCE;
  return { good, score: top.score, reason: good ? 'ok' : 'weak', best: { id: top.id, name: top.name }, words: top.words };
}

/** Ranked project types for a project, best first, as `{id, name, score}`. */
export function classify(project: ProjectText, opts: ClassifyOptions = {}): TypeScore[] {
  const limit = opts.limit === undefined ? 5 : opts.limit;
  return rankTypes(project, opts.library || getLibrary())
    .slice(0, limit)
    .map((t) => ({ id: t.id, name: t.name, score: t.score }));
}
