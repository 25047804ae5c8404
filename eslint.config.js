// ESLint flat config, under its conventional name so editors and `npx eslint` find it without a flag.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';
import regexp from 'eslint-plugin-regexp';

// Layers, lowest first: each may import only from layers before it (DEVELOPERS.md, docs/architecture.md).
const layers = ['token', 'catalog', 'diagnose', 'consent', 'verify', 'auth', 'ui', 'app'];
const pure = ['token', 'catalog', 'diagnose', 'consent', 'verify'];

const layerZones = layers.flatMap((layer, i) =>
  layers.slice(i + 1).map((higher) => ({
    target: `./src/${layer}`,
    from: `./src/${higher}`,
    message: `src/${layer} sits below src/${higher}: data flows one way (docs/architecture.md).`,
  })),
);

const noRawHtml = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Token text is hostile input: render it as text, never as HTML.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Token text is hostile input: render it as text, never as HTML.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Token text is hostile input: render it as text, never as HTML.',
  },
];
const noEnv = {
  selector: "MemberExpression[object.type='MetaProperty'][property.name='env']",
  message: 'Read the environment once, in src/app/config.ts.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**', '.cache/**', 'src/catalog/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        navigator: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        crypto: 'readonly',
        atob: 'readonly',
        btoa: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        Blob: 'readonly',
        self: 'readonly',
        caches: 'readonly',
        location: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
      },
    },
    plugins: { 'react-hooks': reactHooks, import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noRawHtml, noEnv],
      'import/no-cycle': 'error',
      'import/no-restricted-paths': ['error', { zones: layerZones }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@azure/msal-browser', '@azure/msal-browser/*', '@azure/msal-react'],
              message: 'Only src/auth/ imports MSAL.',
            },
          ],
        },
      ],
    },
  },
  {
    files: pure.map((l) => `src/${l}/**/*.{ts,tsx}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react-dom/*', '@tanstack/*', '@azure/*'],
              message: 'Pure layers take data and return data: no React, no MSAL, no network.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Pure layers make no network request.' },
        { name: 'localStorage', message: 'Pure layers write no storage.' },
        { name: 'sessionStorage', message: 'Pure layers write no storage.' },
        { name: 'document', message: 'Pure layers do not touch the DOM.' },
        { name: 'window', message: 'Pure layers do not touch the DOM.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pure layers take `now` as an argument.' },
      ],
    },
  },
  {
    // Pasted text reaches these regexes on the main thread: one with super-linear backtracking freezes
    // the tab on a crafted input well under the size limit (docs/security.md). Linear scans only.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', 'test/**/*.{ts,tsx}'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  { files: ['src/auth/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/app/config.ts'], rules: { 'no-restricted-syntax': ['error', ...noRawHtml] } },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { Buffer: 'readonly' } },
    rules: {
      'no-restricted-syntax': ['error', ...noRawHtml],
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
