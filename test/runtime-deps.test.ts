// The shipped CLI and bundles must not rely on a package only a developer's
// machine has: `npm ci --omit=dev` has to be enough to run them.
import * as fs from 'fs';
import * as path from 'path';
import { builtinModules } from 'module';

const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    // dev/ holds build-time tooling (screenshots), never shipped.
    if (e.isDirectory()) return e.name === 'dev' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  // `import type` is erased at build time, so it needs no runtime package.
  const re = /^\s*import\s+(?!type\s)[^'";]*?from\s+'([^'.][^']*)'|require\('([^'.][^']*)'\)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push((m[1] ?? m[2]) as string);
  return out;
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

describe('runtime dependencies', () => {
  const builtins = new Set(builtinModules);
  const files = sources(path.join(root, 'src'));
  const used = new Map<string, string>();
  for (const f of files) {
    for (const spec of runtimeImports(f)) {
      const name = packageName(spec.replace(/^node:/, ''));
      if (!builtins.has(name)) used.set(name, path.relative(root, f));
    }
  }

  it('finds the packages the product imports', () => {
    expect(used.has('exceljs')).toBe(true);
    expect(used.has('jszip')).toBe(true);
  });

  it.each([...used.entries()])('%s (imported by %s) is a runtime dependency', (name) => {
    expect(Object.keys(pkg.dependencies)).toContain(name);
  });
});
