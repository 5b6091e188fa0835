// Lint with typescript-eslint's type-aware rules. Deployables (gateway, subgraphs, workers, scraper)
// never import each other: shared code lives in packages/.
import tseslint from 'typescript-eslint';

const deployables = ['gateway', 'subgraphs/*', 'workers/*', 'scraper'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'output/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: deployables.map((folder) => `${folder}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/gateway/**',
                '**/subgraphs/**',
                '**/workers/**',
                '**/scraper/**',
                '@mymeet/meetings',
                '@mymeet/media',
                '@mymeet/transcripts',
                '@mymeet/reports',
                '@mymeet/gateway',
                '@mymeet/scraper',
              ],
              message: 'Deployables never import each other: move shared code into packages/.',
            },
          ],
        },
      ],
    },
  },
);
