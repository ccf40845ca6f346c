import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// tfjs belongs to the model and the worker; the page talks to the worker through the protocol only.
const noTfjs = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['@tensorflow/*'],
          message: 'Only src/model and src/workers may import tfjs; use the worker protocol.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-node', 'node_modules', 'public', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/model/**', 'src/workers/**'],
    rules: noTfjs,
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
