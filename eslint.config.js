// Lint rules: typescript-eslint's recommended set plus the layer rule of
// DESIGN.md section 3 (imports only point down: api -> core -> db).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (from, forbidden) => ({
  files: [`${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((dir) => ({
          group: [`**/${dir}/*`, `**/${dir}`],
          message: `${from}/ may not import ${dir}/ (DESIGN.md section 3).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  layer('db', ['api', 'workers', 'core']),
  layer('core', ['api', 'workers']),
  layer('workers', ['api']),
  {
    files: ['api/public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'bin/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
