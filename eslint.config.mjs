// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '*.cjs', '*.mjs', 'jest.config.js'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      // Nest's decorators and TypeORM's entity classes need these patterns.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // One owner per table (CONTRIBUTING.md): outside the repositories and the low layer of
    // src/database/ nothing queries the database. A service holds the DataSource only to open a
    // transaction (`transaction()`) or take a lock, and hands the manager to a repository.
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/*.repository.ts',
      'src/database/**',
      // the owner of stored_files (PostgreSQL only); pg-boss's adapter, which runs pg-boss's own
      // statements (schema pgboss) in the sender's transaction; the CLI closing its data source
      'src/storage/pg-file-store.ts',
      'src/events/pg-boss-job-queue.ts',
      'src/cli.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'CallExpression > MemberExpression.callee[object.name=/^(dataSource|manager)$/]',
          'CallExpression > MemberExpression.callee[object.property.name=/^(dataSource|manager)$/]',
          'CallExpression > MemberExpression.callee[property.name=/^(getRepository|createQueryBuilder|createQueryRunner|query)$/]',
        ].map((selector) => ({
          selector,
          message:
            'Services reach the database only through repositories: move this query into the repository that owns the table (CONTRIBUTING.md, Data ownership).',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectRepository'],
              message: 'Only a repository (*.repository.ts) injects a TypeORM Repository.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // supertest bodies are `any`; the assertions check their shape.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // views/assets: plain browser scripts served as they are (no bundler). Their types are
    // checked by tsconfig.assets.json (// @ts-check and JSDoc); here the browser's globals and
    // the rules that need no type information.
    files: ['views/assets/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'script',
      globals: globals.browser,
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      eqeqeq: ['error', 'always'],
      'no-var': 'off',
      'prefer-rest-params': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
    },
  },
  {
    // The replay player is native ES modules (views/assets/replay.js and replay/).
    files: ['views/assets/replay.js', 'views/assets/replay/**/*.js'],
    languageOptions: { sourceType: 'module' },
  },
  {
    files: ['views/assets/**/*.d.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.assets.json', projectService: false } },
  },
);
