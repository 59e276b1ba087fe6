// Command-line parsing on node:util parseArgs; its English errors are turned into Chinese ones.
import { ParseArgsConfig, parseArgs } from 'util';
import { cliText } from '../core/i18n/cli';
import { templateText } from '../core/i18n/template';
import { parseNumber } from '../core/value';

export const checkFormats = ['text', 'json', 'html', 'xlsx-summary'] as const;
export const rulesFormats = ['text', 'json'] as const;
export const suggestProfiles = ['classic', 'core2021'] as const;
export const moneyUnits = ['万元', '元'] as const;
export const fillTemplates = ['hebei', 'core2021', 'department'] as const;
export const fillLayouts = ['per-sheet', 'stacked'] as const;
export type CheckFormat = (typeof checkFormats)[number];
export type RulesFormat = (typeof rulesFormats)[number];
export type SuggestProfileArg = (typeof suggestProfiles)[number];

export interface SuggestCommand {
  kind: 'suggest';
  name: string;
  purpose?: string;
  goals?: string;
  /** 预算数 as typed (validated as a number). */
  budget?: string;
  unit?: (typeof moneyUnits)[number];
  year?: number;
  top: number;
  profile?: SuggestProfileArg;
  /** A department's own library (.xlsx) merged into the built-in one. */
  library?: string;
  format: RulesFormat;
}

export interface LibraryCommand {
  kind: 'library';
  format: RulesFormat;
  /** Write the (merged) library to this .xlsx. */
  exportTo?: string;
  /** Read a department's library from this .xlsx and merge it in. */
  importFrom?: string;
}

export interface FillCommand {
  kind: 'fill';
  input: string;
  out: string;
  /** Default: per table by its kind and profile. */
  template?: (typeof fillTemplates)[number];
  layout: (typeof fillLayouts)[number];
  joinSplitRows: boolean;
  complete: boolean;
}

export interface CheckCommand {
  kind: 'check';
  inputs: string[];
  format: CheckFormat;
  out?: string;
  profile?: string;
  /** Last year's workbooks (a folder or a file) to compare each project with. */
  baseline?: string;
  /** Worker threads; undefined: one per core (never more than the files). */
  jobs?: number;
  /** Per-file time budget in seconds in batch runs; 0: none. */
  timeout: number;
}

/** Default per-file time budget: the 1,000-table bench sheet checks and annotates in well under 30 s here. */
export const DEFAULT_TIMEOUT_S = 120;

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | CheckCommand
  | { kind: 'rules'; format: RulesFormat }
  | SuggestCommand
  | LibraryCommand
  | FillCommand;

/** Wrong arguments: message is Chinese, exit code 2. */
export class ArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgsError';
  }
}

interface ParseArgsError {
  code?: string;
  message: string;
}

/** Maps parseArgs' ERR_PARSE_ARGS_* errors (English, code-tagged) to a Chinese ArgsError. */
function translate(e: unknown): ArgsError {
  const err = e as ParseArgsError;
  const msg = err && typeof err.message === 'string' ? err.message : '';
  const quoted = /'([^']+)'/.exec(msg);
  const longOpt = /--[\w-]+/.exec(msg);
  switch (err && err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new ArgsError(cliText.unknownOption(quoted ? quoted[1] : msg));
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new ArgsError(cliText.unexpectedArgument(quoted ? quoted[1] : msg));
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const opt = longOpt ? longOpt[0] : quoted ? quoted[1] : '';
      return new ArgsError(/does not take/.test(msg) ? cliText.optionTakesNoValue(opt) : cliText.missingValue(opt));
    }
    default:
      return new ArgsError(cliText.badArguments);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).indexOf(value) < 0) throw new ArgsError(cliText.badFormat(value, [...allowed]));
  return value as T;
}

/** util.parseArgs with its English errors turned into our Chinese ones. */
function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw translate(e);
  }
}

export function parseCli(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new ArgsError(cliText.missingCommand);
  if (first === '-h' || first === '--help' || first === 'help') return { kind: 'help' };
  if (first === '-v' || first === '-V' || first === '--version' || first === 'version') return { kind: 'version' };
  if (first.startsWith('-')) throw new ArgsError(cliText.unknownOption(first));

  if (first === 'check') {
    const parsed = parse({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        profile: { type: 'string', short: 'p' },
        baseline: { type: 'string', short: 'b' },
        jobs: { type: 'string', short: 'j' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const v = parsed.values;
    if (v.help) return { kind: 'help' };
    const format = oneOf(v.format === undefined ? 'text' : v.format, checkFormats);
    if (format === 'xlsx-summary' && v.out === undefined) throw new ArgsError(cliText.summaryNeedsOut);
    const jobsText = optText(v.jobs, '--jobs');
    let jobs: number | undefined;
    if (jobsText !== undefined) {
      if (!/^\d+$/.test(jobsText) || +jobsText < 1 || +jobsText > 64) throw new ArgsError(cliText.badJobs(jobsText));
      jobs = +jobsText;
    }
    const timeoutText = optText(v.timeout, '--timeout');
    let timeout = DEFAULT_TIMEOUT_S;
    if (timeoutText !== undefined) {
      if (!/^\d+(\.\d+)?$/.test(timeoutText)) throw new ArgsError(cliText.badTimeout(timeoutText));
      timeout = +timeoutText;
    }
    if (v.out !== undefined && v.out.trim() === '') throw new ArgsError(cliText.missingValue('--out'));
    let profile: string | undefined;
    if (v.profile !== undefined) {
      profile = v.profile.trim();
      if (!profile) throw new ArgsError(cliText.emptyProfile);
      // 'auto' is what the report prints for "not forced", so accept it as an explicit spelling of that.
      if (profile === 'auto') profile = undefined;
    }
    if (parsed.positionals.length === 0) throw new ArgsError(cliText.noInputs);
    return { kind: 'check', inputs: parsed.positionals, format, out: v.out, profile, baseline: optText(v.baseline, '--baseline'), jobs, timeout };
  }

  if (first === 'rules') {
    const parsed = parse({
      args: rest,
      allowPositionals: false,
      strict: true,
      options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    });
    if (parsed.values.help) return { kind: 'help' };
    const format = oneOf(parsed.values.format === undefined ? 'text' : parsed.values.format, rulesFormats);
    return { kind: 'rules', format };
  }

  if (first === 'suggest') return parseSuggest(rest);
  if (first === 'library') return parseLibrary(rest);
  if (first === 'fill') return parseFill(rest);

  throw new ArgsError(cliText.unknownCommand(first));
}

/** A non-empty option value, trimmed; undefined when the option was not given. */
function optText(v: string | undefined, opt: string): string | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (!t) throw new ArgsError(cliText.missingValue(opt));
  return t;
}

function parseSuggest(args: string[]): Command {
  const parsed = parse({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      purpose: { type: 'string' },
      goals: { type: 'string' },
      budget: { type: 'string' },
      unit: { type: 'string' },
      year: { type: 'string' },
      top: { type: 'string', short: 'n' },
      profile: { type: 'string', short: 'p' },
      library: { type: 'string', short: 'l' },
      format: { type: 'string', short: 'f' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  const format = oneOf(v.format === undefined ? 'text' : v.format, rulesFormats);
  if (parsed.positionals.length === 0 || !parsed.positionals[0].trim()) throw new ArgsError(cliText.missingProjectName);
  if (parsed.positionals.length > 1) throw new ArgsError(cliText.unexpectedArgument(parsed.positionals[1]));
  const budget = optText(v.budget, '--budget');
  if (budget !== undefined) {
    const n = parseNumber(budget);
    if (n === null || n <= 0) throw new ArgsError(cliText.badBudget(budget));
  }
  const unit = optText(v.unit, '--unit');
  if (unit !== undefined && (moneyUnits as readonly string[]).indexOf(unit) < 0) throw new ArgsError(cliText.badUnit(unit));
  const yearText = optText(v.year, '--year');
  let year: number | undefined;
  if (yearText !== undefined) {
    if (!/^20\d{2}$/.test(yearText)) throw new ArgsError(cliText.badYear(yearText));
    year = parseInt(yearText, 10);
  }
  const topText = optText(v.top, '--top');
  let top = 10;
  if (topText !== undefined) {
    if (!/^\d+$/.test(topText) || parseInt(topText, 10) < 1 || parseInt(topText, 10) > 200) throw new ArgsError(cliText.badTop(topText));
    top = parseInt(topText, 10);
  }
  const profileText = optText(v.profile, '--profile');
  if (profileText !== undefined && (suggestProfiles as readonly string[]).indexOf(profileText) < 0) throw new ArgsError(cliText.badSuggestProfile(profileText, [...suggestProfiles]));
  return {
    kind: 'suggest',
    name: parsed.positionals[0].trim(),
    purpose: v.purpose,
    goals: v.goals,
    budget,
    unit: unit as SuggestCommand['unit'],
    year,
    top,
    profile: profileText as SuggestProfileArg | undefined,
    library: optText(v.library, '--library'),
    format,
  };
}

function parseLibrary(args: string[]): Command {
  const parsed = parse({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      export: { type: 'string', short: 'e' },
      import: { type: 'string', short: 'i' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  const format = oneOf(v.format === undefined ? 'text' : v.format, rulesFormats);
  return { kind: 'library', format, exportTo: optText(v.export, '--export'), importFrom: optText(v.import, '--import') };
}

function parseFill(args: string[]): Command {
  const T = templateText.cli;
  const parsed = parse({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      template: { type: 'string', short: 't' },
      layout: { type: 'string', short: 'l' },
      'join-split-rows': { type: 'boolean' },
      complete: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  const inputs = parsed.positionals.filter((p) => p.trim());
  if (!inputs.length) throw new ArgsError(T.noInput);
  if (inputs.length > 1) throw new ArgsError(T.oneInput);
  if (v.out === undefined) throw new ArgsError(T.missingOut);
  const out = optText(v.out, '--out')!;
  if (!/\.xlsx$/i.test(out)) throw new ArgsError(T.outNotXlsx(out));
  const template = optText(v.template, '--template');
  if (template !== undefined && (fillTemplates as readonly string[]).indexOf(template) < 0) throw new ArgsError(T.badTemplate(template, [...fillTemplates]));
  const layout = optText(v.layout, '--layout') || 'per-sheet';
  if ((fillLayouts as readonly string[]).indexOf(layout) < 0) throw new ArgsError(T.badLayout(layout, [...fillLayouts]));
  return {
    kind: 'fill',
    input: inputs[0],
    out,
    template: template as FillCommand['template'],
    layout: layout as FillCommand['layout'],
    joinSplitRows: !!v['join-split-rows'],
    complete: !!v.complete,
  };
}
