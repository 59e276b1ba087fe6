// Runs the ptcheck command in-process through main(), as the installed command runs it, capturing its output.
import { main } from '../../src/cli/main';
import { CliDeps } from '../../src/cli/deps';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[], deps: Partial<CliDeps> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(argv, deps);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** A stack trace leaked to the user (the CLI must say what went wrong in Chinese instead). */
export const hasStack = (s: string): boolean => /^\s+at .+[:(]/m.test(s);
