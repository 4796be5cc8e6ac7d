// ESLint flat config. The core (src/core) must stay pure: no Office.js, React, DOM,
// file-system or file-format imports, and no binary floating point on amounts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';

const impureModules = [
  'react', 'react-dom', 'react-dom/client', 'exceljs', 'office-addin-mock', 'fs', 'node:fs', 'fs/promises',
  'node:fs/promises', 'path', 'node:path', 'child_process', 'node:child_process', 'os', 'node:os',
  'http', 'https', 'net', 'zlib', 'stream', 'node:http', 'node:https', 'node:net', 'node:zlib', 'node:stream',
  // file formats: xlsx and zip readers and writers belong to the adapters
  'jszip', 'xlsx', 'xlsx-populate', 'sax', 'fast-xml-parser', 'unzipper', 'archiver',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'build/**', 'coverage/**', 'test-output/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      // An allowlist: core imports core (relative paths that stay inside src/core) and decimal.js, nothing else.
      'no-restricted-imports': ['error', {
        paths: impureModules.map((name) => ({ name, message: 'src/core is pure: move this to an adapter.' })),
        patterns: [
          { regex: '^(?!\\.|decimal\\.js$)', message: 'src/core imports only src/core and decimal.js: move this to an adapter or src/app.' },
          { regex: '(^|/)(app|office|taskpane|xlsx|cli|docx)(/|$)', message: 'src/core imports only src/core and decimal.js: move this to an adapter or src/app.' },
          { regex: '^(\\.\\./){2,}|^\\.\\./\\.\\.$', message: 'src/core imports only src/core: this path leaves it.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'Office', message: 'No Office.js in src/core.' },
        { name: 'Excel', message: 'No Office.js in src/core.' },
        { name: 'document', message: 'No DOM in src/core.' },
        { name: 'window', message: 'No DOM in src/core.' },
        { name: 'navigator', message: 'No DOM in src/core.' },
        { name: 'localStorage', message: 'No DOM in src/core.' },
        { name: 'fetch', message: 'No network in src/core.' },
        { name: 'XMLHttpRequest', message: 'No network in src/core.' },
        { name: 'HTMLElement', message: 'No DOM in src/core.' },
        { name: 'parseFloat', message: 'Amounts are exact: parse with the Decimal constructor (src/core/decimal.ts).' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.name='Number']", message: 'Amounts are exact: no Number() in src/core; use Decimal, or parseInt for integers such as years.' },
        { selector: "MemberExpression[object.name='Number'][property.name='parseFloat']", message: 'Amounts are exact: no parseFloat in src/core.' },
      ],
    },
  },
  {
    // Microsoft's Office add-in rules (as its React template runs them) on the Office.js adapter.
    files: ['src/office/**/*.ts', 'src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
