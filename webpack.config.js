// Web bundles: the Excel task pane (taskpane.html), the ribbon FunctionFile (commands.html) and the browser
// playground (index.html), in ES5 for the IE11 webview of volume-licensed Office 2016/2019.
//
//   npm run build                  production build into dist/web
//   npm start                      dev server on http://localhost:3000/ (the playground; no HTTPS needed)
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

function addinUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return null;
  return url.endsWith('/') ? url : url + '/';
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || 'production';
  const production = mode === 'production';
  const asked = (process.env.OFFICE_JS || '').toLowerCase();
  if (asked && !OFFICE_JS[asked]) {
    throw new Error(`OFFICE_JS must be one of ${Object.keys(OFFICE_JS).join(', ')} (got "${process.env.OFFICE_JS}")`);
  }
  const packageDir = officeJsPackageDir();
  const haveLocal = !!packageDir && fs.existsSync(path.join(packageDir, 'dist'));
  const officeJsKind = asked || (haveLocal ? 'local' : '21vianet');
  const officeJs = OFFICE_JS[officeJsKind];
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
      path: path.join(ROOT, 'dist', 'web'),
      filename: '[name].js',
      publicPath: 'auto',
      clean: true,
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
};
