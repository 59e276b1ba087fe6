// Where the built task pane loads office.js from (issue 11: mainland China, 政务外网): the default is the bundled
// copy when the npm package is there, else the 21Vianet CDN, never Microsoft's global CDN; the build says which.
import * as path from 'path';

const makeConfig = require(path.resolve(__dirname, '..', 'webpack.config.js')) as (env: object, argv: object) => { plugins: unknown[] };

function build(officeJs?: string): { said: string; urls: string[] } {
  const saved = process.env.OFFICE_JS;
  if (officeJs === undefined) delete process.env.OFFICE_JS;
  else process.env.OFFICE_JS = officeJs;
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const config = makeConfig({ webOnly: true }, { mode: 'production' });
    const said = log.mock.calls.map((c) => c.join(' ')).join('\n');
    const urls = config.plugins
      .map((p) => (p as { userOptions?: { officeJs?: string } }).userOptions)
      .filter((o): o is { officeJs: string } => !!o && typeof o.officeJs === 'string')
      .map((o) => o.officeJs);
    return { said, urls };
  } finally {
    log.mockRestore();
    if (saved === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = saved;
  }
}

function packageInstalled(): boolean {
  try {
    require.resolve('@microsoft/office-js/package.json');
    return true;
  } catch {
    return false;
  }
}

describe('office.js source of the build', () => {
  it('defaults to a source that works in mainland China and prints it', () => {
    const { said, urls } = build();
    expect(urls.length).toBe(2);
    const expected = packageInstalled() ? 'office-js/office.js' : 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';
    expect(urls).toEqual([expected, expected]);
    expect(urls.some((u) => u.indexOf('appsforoffice.microsoft.com') >= 0)).toBe(false);
    expect(said).toContain('[office.js] ' + (packageInstalled() ? 'local' : '21vianet') + ': ' + expected);
  });

  it('takes OFFICE_JS when given, and says so', () => {
    const { said, urls } = build('cdn');
    expect(urls[0]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(said).toContain('[office.js] cdn:');
    expect(() => build('nowhere')).toThrow(/OFFICE_JS must be one of/);
  });
});
