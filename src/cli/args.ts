// Command-line parsing on node:util parseArgs; its English errors are turned into Chinese ones.
import { parseArgs } from 'util';
import { cliText } from '../core/i18n/cli';

export const checkFormats = ['text', 'json', 'html'] as const;
export const rulesFormats = ['text', 'json'] as const;
export type CheckFormat = (typeof checkFormats)[number];
export type RulesFormat = (typeof rulesFormats)[number];

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; inputs: string[]; format: CheckFormat; out?: string; profile?: string }
  | { kind: 'rules'; format: RulesFormat };

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

export function parseCli(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new ArgsError(cliText.missingCommand);
  if (first === '-h' || first === '--help' || first === 'help') return { kind: 'help' };
  if (first === '-v' || first === '-V' || first === '--version' || first === 'version') return { kind: 'version' };
  if (first.startsWith('-')) throw new ArgsError(cliText.unknownOption(first));

  if (first === 'check') {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        strict: true,
        options: {
          format: { type: 'string', short: 'f' },
          out: { type: 'string', short: 'o' },
          profile: { type: 'string', short: 'p' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (e) {
      throw translate(e);
    }
    const v = parsed.values;
    if (v.help) return { kind: 'help' };
    const format = oneOf(v.format === undefined ? 'text' : v.format, checkFormats);
    if (v.out !== undefined && v.out.trim() === '') throw new ArgsError(cliText.missingValue('--out'));
    let profile: string | undefined;
    if (v.profile !== undefined) {
      profile = v.profile.trim();
      if (!profile) throw new ArgsError(cliText.emptyProfile);
      // 'auto' is what the report prints for "not forced", so accept it as an explicit spelling of that.
      if (profile === 'auto') profile = undefined;
    }
    if (parsed.positionals.length === 0) throw new ArgsError(cliText.noInputs);
    return { kind: 'check', inputs: parsed.positionals, format, out: v.out, profile };
  }

  if (first === 'rules') {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: false,
        strict: true,
        options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (e) {
      throw translate(e);
    }
    if (parsed.values.help) return { kind: 'help' };
    const format = oneOf(parsed.values.format === undefined ? 'text' : parsed.values.format, rulesFormats);
    return { kind: 'rules', format };
  }

  throw new ArgsError(cliText.unknownCommand(first));
}
