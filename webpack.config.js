// Web bundles: the Excel task pane (taskpane.html), the ribbon FunctionFile (commands.html) and the browser
// playground (index.html), in ES5 for the IE11 webview of volume-licensed Office 2016/2019; and the WPS add-in
// (dist/wps, the layout `wpsjs build` makes: index.html + main.js + ribbon.xml + manifest.xml, images/, and the same
// task pane as ui/taskpane.html, ES5, without office.js or any CDN).
//
//   npm run build                  production build into dist/web and dist/wps
//   npm start                      dev server on http://localhost:3000/ (the playground; no HTTPS needed)
//   webpack --env out=DIR          both into DIR and DIR/wps (the tests' build)
//
// Environment:
//   OFFICE_JS  local (default) | 21vianet | cdn   where taskpane.html and commands.html load office.js from.
//              The default suits the users: mainland China, often on 政务外网 that reaches no CDN, so the copy from the
//              npm package @microsoft/office-js ships in dist/web/office-js/; without that package installed the
//              default falls back to the 21Vianet CDN (reachable in mainland China). The build prints what it used.
//   ADDIN_URL  https://host/path/                 replaces https://localhost:3000/ in the copied manifest
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;

const OFFICE_JS = {
  cdn: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  '21vianet': 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
  local: 'office-js/office.js',
};

/**
 * The Content-Security-Policy of each page (a <meta> in its template). Scripts only from the add-in's own origin
 * and office.js's; inline styles allowed because Fluent UI injects its styles at run time; no request leaves the
 * origin (office.js's telemetry included). The development build evaluates its modules (devtool eval) and
 * talks to the dev server over a WebSocket: only there are 'unsafe-eval' and ws: added.
 */
function contentSecurityPolicy(page, officeJs, production) {
  const officeOrigin = /^https:/.test(officeJs) ? new URL(officeJs).origin : null;
  const dev = production ? [] : ["'unsafe-eval'"];
  const scripts = ["'self'", ...(page === 'pane' && officeOrigin ? [officeOrigin] : []), ...dev];
  if (page === 'help') return "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${production ? '' : ' ws: wss:'}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

function officeJsPackageDir() {
  try {
    return path.dirname(require.resolve('@microsoft/office-js/package.json', { paths: [ROOT] }));
  } catch (e) {
    return null;
  }
}

/** Where the pane loads office.js from: OFFICE_JS when given, else the bundled copy when the package is there, else 21Vianet. */
function officeJsSource() {
  const asked = (process.env.OFFICE_JS || '').toLowerCase();
  const packageDir = officeJsPackageDir();
  const haveLocal = !!packageDir && fs.existsSync(path.join(packageDir, 'dist'));
  const kind = (OFFICE_JS[asked] && asked) || (haveLocal ? 'local' : '21vianet');
  return { kind, url: OFFICE_JS[kind], packageDir, haveLocal };
}

function addinUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return null;
  return url.endsWith('/') ? url : url + '/';
}

/** The shell's text from the core's i18n (TypeScript, loaded through tsx), XML-escaped for ribbon.xml and manifest.xml. */
function wpsShellStrings() {
  const { wpsShellText } = require('tsx/cjs/api').require('./src/core/i18n/wps.ts', __filename);
  const pkg = require('./package.json');
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const out = { name: WPS_ADDIN_NAME, version: pkg.version };
  for (const [k, v] of Object.entries(wpsShellText)) if (typeof v === 'string') out[k] = esc(v);
  return out;
}

/** The add-in's name in WPS (jsaddons/<name>_<version>/, jsplugins.xml): ASCII, as wpsjs requires. */
const WPS_ADDIN_NAME = 'ptcheck';

const fill = (content, strings) => content.toString().replace(/\{\{(\w+)\}\}/g, (m, k) => (k in strings ? strings[k] : m));

module.exports = (env = {}, argv = {}) => {
  const web = webConfig(env, argv);
  if (env.webOnly || env.WEBPACK_SERVE) return web;
  return [web, wpsConfig(env, argv, web)];
};
module.exports.WPS_ADDIN_NAME = WPS_ADDIN_NAME;
module.exports.officeJsSource = officeJsSource;

function wpsConfig(env, argv, web) {
  const out = env.out ? path.join(path.resolve(env.out), 'wps') : path.join(ROOT, 'dist', 'wps');
  const strings = wpsShellStrings();
  return {
    name: 'wps',
    mode: web.mode,
    target: ['web', 'es5'],
    context: ROOT,
    entry: {
      main: './src/wps/main.ts',
      'ui/taskpane': './src/taskpane/index.tsx',
    },
    // Chunks of the lazily loaded tabs beside the pane page (found from the pane script's own address).
    output: { path: out, filename: '[name].js', chunkFilename: 'ui/chunks/[name].[contenthash:8].js', publicPath: 'auto', clean: true },
    devtool: false,
    resolve: web.resolve,
    module: web.module,
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['main'], inject: 'head', scriptLoading: 'blocking' }),
      new HtmlWebpackPlugin({ filename: 'ui/taskpane.html', template: './src/wps/taskpane.html', chunks: ['ui/taskpane'], inject: 'body', scriptLoading: 'blocking' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml', transform: (c) => fill(c, strings) },
          { from: 'src/wps/manifest.xml', to: 'manifest.xml', transform: (c) => fill(c, strings) },
          { from: 'assets/icons', to: 'images' },
        ],
      }),
    ],
    optimization: web.optimization,
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

function webConfig(env, argv) {
  const mode = argv.mode || process.env.NODE_ENV || 'production';
  const production = mode === 'production';
  const asked = (process.env.OFFICE_JS || '').toLowerCase();
  if (asked && !OFFICE_JS[asked]) {
    throw new Error(`OFFICE_JS must be one of ${Object.keys(OFFICE_JS).join(', ')} (got "${process.env.OFFICE_JS}")`);
  }
  const { packageDir, haveLocal, kind: officeJsKind, url: officeJs } = officeJsSource();
  // Said on every build, so whoever deploys knows where the pane will load office.js from.
  console.log(
    `[office.js] ${officeJsKind}: ${officeJs}` +
      (officeJsKind === 'local'
        ? haveLocal
          ? ` (copied from @microsoft/office-js ${require(path.join(packageDir, 'package.json')).version})`
          : ' (@microsoft/office-js is not installed: the administrator must place office.js and its files in office-js/)'
        : !asked
          ? ' (default: @microsoft/office-js is not installed, so the 21Vianet CDN; install it for a build that needs no CDN)'
          : ''),
  );
  const rewrite = addinUrl();

  const copies = [];
  const manifest = path.join(ROOT, 'manifest', 'manifest.xml');
  if (fs.existsSync(manifest)) {
    copies.push({
      from: manifest,
      to: 'manifest.xml',
      transform: (content) => (rewrite ? content.toString().split(DEV_URL).join(rewrite) : content),
    });
  }
  if (fs.existsSync(path.join(ROOT, 'assets', 'icons'))) {
    copies.push({ from: 'assets/icons', to: 'assets/icons', noErrorOnMissing: true });
  }
  if (officeJsKind === 'local' && haveLocal) copies.push({ from: path.join(packageDir, 'dist'), to: 'office-js' });

  const playgroundTemplate = path.join(ROOT, 'src', 'playground', 'index.html');

  return {
    mode: production ? 'production' : 'development',
    // ES5 output from webpack's own runtime too (no arrow functions in the chunk loader).
    target: ['web', 'es5'],
    context: ROOT,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
      playground: './src/playground/index.tsx',
    },
    output: {
      path: env.out ? path.resolve(env.out) : path.join(ROOT, 'dist', 'web'),
      filename: '[name].js',
      // The 指标库 and 模板 tabs (src/taskpane/components/tabs.tsx) load on first use from chunks beside the pages;
      // the hash keeps an Office webview's cache from pairing a new pane with an old chunk.
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      // 'auto': chunks are found from the running bundle's own address, so the pane works from any folder; in IE11
      // (no document.currentScript) webpack falls back to the last <script> on the page, which is the bundle itself
      // while it starts (scriptLoading 'blocking', injected at the end of body).
      publicPath: 'auto',
      // The WPS build may live inside (the tests' build: DIR/wps).
      clean: { keep: /^wps[\\/]/ },
    },
    devtool: production ? false : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.(m?js|tsx?)$/,
          // Everything, node_modules included, except core-js itself (its polyfills must not polyfill themselves)
          // and webpack's and the dev server's runtime.
          exclude: /[\\/]node_modules[\\/](core-js|core-js-pure|webpack|webpack-dev-server|@babel[\\/]runtime|regenerator-runtime)[\\/]/,
          use: { loader: 'babel-loader', options: { cacheDirectory: true } },
        },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        { test: /\.(png|jpe?g|gif|svg|xlsx)$/i, type: 'asset/resource', generator: { filename: 'assets/[name][ext]' } },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        officeJs,
        csp: contentSecurityPolicy('pane', officeJs, production),
        scriptLoading: 'blocking',
        inject: 'body',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/taskpane/commands.html',
        chunks: ['commands'],
        officeJs,
        csp: contentSecurityPolicy('pane', officeJs, production),
        scriptLoading: 'blocking',
        inject: 'body',
      }),
      // SupportUrl and the ribbon's "learn more" link of the manifest.
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [], inject: false, csp: contentSecurityPolicy('help', officeJs, production) }),
      // The playground runs the Excel adapter over a fake office-js: it never loads office.js.
      new HtmlWebpackPlugin(
        fs.existsSync(playgroundTemplate)
          ? { filename: 'index.html', template: playgroundTemplate, chunks: ['playground'], inject: 'body', scriptLoading: 'blocking', csp: contentSecurityPolicy('playground', officeJs, production) }
          : { filename: 'index.html', title: 'playground', chunks: ['playground'], inject: 'body', scriptLoading: 'blocking' },
      ),
      ...(copies.length ? [new CopyWebpackPlugin({ patterns: copies })] : []),
    ],
    optimization: {
      minimize: production,
    },
    performance: { hints: false },
    stats: 'errors-warnings',
    devServer: {
      port: PORT,
      host: 'localhost',
      server: 'http',
      open: false,
      hot: false,
      static: false,
      historyApiFallback: false,
      client: { overlay: { errors: true, warnings: false } },
      setupExitSignals: true,
      onListening: (server) => {
        const port = server.server.address().port;
        console.log(`\n  Playground:  http://localhost:${port}/\n  Task pane:   http://localhost:${port}/taskpane.html (needs Office)\n`);
      },
    },
  };
}
