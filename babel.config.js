// Babel for the web bundles (webpack's babel-loader): ES5 for IE11, polyfills per use from core-js 3.
// Applies to node_modules too: Fluent UI v8 and its dependencies ship ES2015+ in places. Jest does not use this
// file (it transpiles with ts-jest).
module.exports = (api) => {
  api.cache(true);
  return {
    // CommonJS packages (react, react-dom) get require() polyfill imports, ES modules get import statements.
    sourceType: 'unambiguous',
    presets: [
      [
        '@babel/preset-env',
        {
          targets: 'ie 11',
          useBuiltIns: 'usage',
          corejs: { version: '3.51', proposals: false },
          // URL / URLSearchParams (≈ 40 KB minified) come in only for zod's z.string().url(), which nothing here
          // calls: no polyfill for them.
          exclude: [/^web\.url/],
          // Leave ES modules to webpack (tree shaking).
          modules: false,
        },
      ],
      ['@babel/preset-react', { runtime: 'automatic' }],
      ['@babel/preset-typescript', { allowDeclareFields: true }],
    ],
    // Dependencies are minified anyway; compact output also skips Babel's note about files over 500 KB.
    overrides: [{ test: /[\\/]node_modules[\\/]/, compact: true }],
  };
};
