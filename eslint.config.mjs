// ESLint flat config. The core (src/core) must stay pure: no Office.js, React, DOM,
// file-system or file-format imports, and no binary floating point on amounts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
      'no-restricted-imports': ['error', {
        paths: impureModules.map((name) => ({ name, message: 'src/core is pure: move this to an adapter.' })),
        patterns: [
          { group: ['@fluentui/*', 'office-*', '@microsoft/*', '*/office/*', '*/taskpane/*', '*/xlsx/*', '*/cli/*'], message: 'src/core is pure: move this to an adapter.' },
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
);
