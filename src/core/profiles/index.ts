// The built-in profiles, validated at load, and the automatic choice from the 一级 names found.
import { normLabel } from '../labels';
import { TargetTable } from '../model';
import { L1Role, L2Role, Profile, ProfileSchema } from './schema';
import classic from './classic.json';
import core2021 from './core2021.json';
import department from './department.json';

export * from './schema';

export const builtinProfiles: Profile[] = [classic, core2021, department].map((p) => ProfileSchema.parse(p));

export function findProfile(id: string, extra: Profile[] = []): Profile | undefined {
  return [...extra, ...builtinProfiles].find((p) => p.id === id);
}

export interface LevelMatch {
  role: L1Role;
  name: string;
  /** Set when the text is a regional alias worth a hint (效果指标 → 效益指标). */
  hint?: string;
}
export interface L2Match {
  role: L2Role;
  name: string;
  hint?: string;
  /** The 一级 this 二级 belongs to in the profile. */
  parent: L1Role;
}

const strip = (s: string) => normLabel(s).replace(/[()（）]/g, '');

export function matchL1(profile: Profile, text: string): LevelMatch | undefined {
  const n = strip(text);
  if (!n) return undefined;
  for (const l of profile.levels) {
    if (n === l.name || l.aliases.includes(n)) return { role: l.role, name: l.name };
    if (l.hintAliases.includes(n)) return { role: l.role, name: l.name, hint: l.name };
  }
  return undefined;
}

/** Finds the 二级 anywhere in the profile (so a misplaced one is recognised and its right 一级 named). */
export function matchL2(profile: Profile, text: string, under?: L1Role): L2Match | undefined {
  const n = strip(text);
  if (!n) return undefined;
  let found: L2Match | undefined;
  for (const l of profile.levels) {
    for (const c of l.children) {
      let m: L2Match | undefined;
      if (n === c.name || c.aliases.includes(n)) m = { role: c.role, name: c.name, parent: l.role };
      else if (c.hintAliases.includes(n)) m = { role: c.role, name: c.name, hint: c.name, parent: l.role };
      if (m && (!found || m.parent === under)) found = m;
    }
  }
  return found;
}

/** All level names of all built-in profiles, for "the 三级 is just a level name" checks. */
export function allLevelNames(): Set<string> {
  const s = new Set<string>();
  for (const p of builtinProfiles)
    for (const l of p.levels) {
      [l.name, ...l.aliases, ...l.hintAliases].forEach((x) => s.add(strip(x)));
      for (const c of l.children) [c.name, ...c.aliases, ...c.hintAliases].forEach((x) => s.add(strip(x)));
    }
  return s;
}

/** Picks the profile from the 一级/二级 names a table uses. */
export function chooseProfile(t: TargetTable): Profile {
  const byId = (id: string) => builtinProfiles.find((p) => p.id === id)!;
  if (t.kind === 'department') return byId('department');
  let core = false;
  for (const i of t.indicators) {
    if (i.fragment) continue;
    const l1 = strip(i.effL1);
    const l2 = strip(i.effL2);
    if (l1 === '成本指标' || l1 === '成本') core = true;
    if (/^(经济|社会|生态环境)成本(指标)?$/.test(l2)) core = true;
    if (/^部门(产出|效果)/.test(l1)) return byId('department');
  }
  return byId(core ? 'core2021' : 'classic');
}
