import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint-rules/module-boundaries.ts';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bench-results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { lotline: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: {
      'lotline/module-boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: [
      'src/server/cli.ts',
      'src/server/cli-admin.ts',
      'src/server/cli-udi.ts',
      'scripts/**',
      'test/bench/**',
      'bin/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
