// Lint for TypeScript sources; office-addins rules guard host code (src/hosts, src/taskpane) as it grows.
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/no-navigational-load': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Nothing a workbook holds may ever become code (docs/security.md).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
    },
  },
  {
    // ExcelJS code: its getCell/getRow look like office-js proxies to the office-addins rules, but are plain objects.
    files: ['src/hosts/workbook/**', 'src/playground/xlsx.ts'],
    rules: { 'office-addins/load-object-before-read': 'off', 'office-addins/call-sync-before-read': 'off' },
  },
  {
    // The fakes model office-js / ET proxies, whose objects are dynamic by nature: they ship in the playground, but
    // their untyped property bags are the point of them.
    files: ['src/fakes/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['test/**/*.ts', 'test/**/*.js', 'scripts/**'], rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
);
