// The indicator library at run time: the built-in data validated once, a department's own library merged
// in, and lookups. Indexes built from a library (classifier, suggester) are cached per library object, so
// the work is done once at startup and again only when a different (merged) library is used.
import { z } from 'zod';
import { LIBRARY_VERSION, libraryData } from './data';
import aliasData from './data/aliases.json';
import { Library, LibraryIndicator, LibrarySchema, ProjectType } from './schema';
import { nameKey } from './text';

export * from './schema';

let builtin: Library | undefined;

/** The budget year templates are filled with when a project states none: the library's own year. */
export const LIBRARY_DEFAULT_YEAR = parseInt(LIBRARY_VERSION, 10);

/** The built-in library, validated by LibrarySchema on first use (a broken data file fails loudly here). */
export function getLibrary(): Library {
  if (!builtin) builtin = LibrarySchema.parse(libraryData);
  return builtin;
}

const AliasesSchema = z.object({ about: z.string().optional(), aliases: z.record(z.string().min(1), z.array(z.string().min(1))) });
let aliases: Array<[string, string[]]> | undefined;

/** The classifier's alias table (data/aliases.json), longest key first so specific forms are tried first. */
export function getAliases(): Array<[string, string[]]> {
  if (!aliases) {
    const parsed = AliasesSchema.parse(aliasData);
    aliases = Object.keys(parsed.aliases)
      .map((k): [string, string[]] => [k, parsed.aliases[k]])
      .sort((a, b) => b[0].length - a[0].length);
  }
  return aliases;
}

function uniq(xs: string[]): string[] {
  const seen: { [k: string]: true } = {};
  return xs.filter((x) => (seen[x] ? false : (seen[x] = true)));
}

/** The indicator's primary type: the type whose file it comes from ("common" for the shared ones). */
export function primaryType(i: LibraryIndicator): string {
  return i.types[0];
}

/**
 * A department's own library merged into a base one. Types: a known id keeps its place, takes the new name
 * and description when given, and gains the new keywords; new ids are added. Indicators: the same id
 * replaces the base one in place, and so does the same 三级 under the same primary type (a department
 * rewriting a built-in indicator need not know its id); the rest are added. Neither input is changed.
 */
export function mergeLibraries(base: Library, extra: Library): Library {
  const types: ProjectType[] = base.types.map((t) => ({ ...t, keywords: t.keywords.slice() }));
  const typeIdx = new Map<string, number>();
  types.forEach((t, i) => typeIdx.set(t.id, i));
  for (const t of extra.types) {
    const at = typeIdx.get(t.id);
    if (at === undefined) {
      typeIdx.set(t.id, types.length);
      types.push({ ...t, keywords: uniq(t.keywords) });
    } else {
      const old = types[at];
      types[at] = {
        id: old.id,
        name: t.name || old.name,
        keywords: uniq(old.keywords.concat(t.keywords)),
        description: t.description || old.description,
        class: t.class || old.class,
        source: t.source || old.source,
      };
    }
  }
  const indicators = base.indicators.slice();
  const byId = new Map<string, number>();
  const byName = new Map<string, number>();
  const nk = (i: LibraryIndicator) => primaryType(i) + '\u0000' + nameKey(i.l3);
  indicators.forEach((ind, i) => {
    byId.set(ind.id, i);
    byName.set(nk(ind), i);
  });
  for (const ind of extra.indicators) {
    let at = byId.get(ind.id);
    if (at === undefined) at = byName.get(nk(ind));
    if (at === undefined) {
      at = indicators.length;
      indicators.push(ind);
    } else {
      byName.delete(nk(indicators[at]));
      indicators[at] = ind;
    }
    byId.set(ind.id, at);
    byName.set(nk(ind), at);
  }
  return { version: extra.version && extra.version !== base.version ? base.version + '+' + extra.version : base.version, types, indicators };
}

// ---------------------------------------------------------------------------------------------------------
// Lookups. Built once per library object.

export interface LibraryLookup {
  library: Library;
  typeById: Map<string, ProjectType>;
  /** Type by its zh-CN name, and by each "/"-separated part of it (网站/政务平台 → 网站, 政务平台). */
  typeByName: Map<string, ProjectType>;
  indicatorById: Map<string, LibraryIndicator>;
  /** Indicators by every type they belong to ("common" included), in library order. */
  indicatorsByType: Map<string, LibraryIndicator[]>;
}

const caches = new WeakMap<Library, Map<string, unknown>>();

/** A value derived from a library, computed once per library object (libraries are treated as immutable). */
export function cachedFor<T>(lib: Library, key: string, make: () => T): T {
  let m = caches.get(lib);
  if (!m) caches.set(lib, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

export function lookup(lib: Library = getLibrary()): LibraryLookup {
  return cachedFor(lib, 'lookup', () => {
    const typeById = new Map<string, ProjectType>();
    const typeByName = new Map<string, ProjectType>();
    for (const t of lib.types) {
      typeById.set(t.id, t);
      typeByName.set(t.name, t);
      for (const part of t.name.split(/[/／]/)) if (part && !typeByName.has(part)) typeByName.set(part, t);
    }
    const indicatorById = new Map<string, LibraryIndicator>();
    const indicatorsByType = new Map<string, LibraryIndicator[]>();
    for (const i of lib.indicators) {
      indicatorById.set(i.id, i);
      for (const t of i.types) {
        let list = indicatorsByType.get(t);
        if (!list) indicatorsByType.set(t, (list = []));
        list.push(i);
      }
    }
    return { library: lib, typeById, typeByName, indicatorById, indicatorsByType };
  });
}

export function typeById(id: string, lib?: Library): ProjectType | undefined {
  return lookup(lib).typeById.get(id);
}

export function indicatorById(id: string, lib?: Library): LibraryIndicator | undefined {
  return lookup(lib).indicatorById.get(id);
}

/** A type's own indicators (not the common ones), in library order. */
export function indicatorsOfType(id: string, lib?: Library): LibraryIndicator[] {
  return lookup(lib).indicatorsByType.get(id) || [];
}

/** Indicators any project can use. */
export function commonIndicators(lib?: Library): LibraryIndicator[] {
  return indicatorsOfType('common', lib);
}

export interface LibraryStats {
  types: number;
  indicators: number;
}

export function libraryStats(lib: Library = getLibrary()): LibraryStats {
  return { types: lib.types.length, indicators: lib.indicators.length };
}
