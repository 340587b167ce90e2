import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/build/**', '**/node_modules/**', '.data/**', '**/test-results/**', '**/playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read the environment through getEnv() from @brobygger/env.',
        },
      ],
    },
  },
  {
    // Route modules are bundled apart from the server: they reach the database only through the
    // services in the load context, never by importing the stateful packages themselves.
    files: ['app/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@brobygger/db', message: 'Use context.services (the load context) instead.' },
            {
              name: '@brobygger/auth',
              message: 'Use context.services.auth; the browser may import @brobygger/auth/policy.',
            },
            { name: '@brobygger/api', allowTypeImports: true, message: 'Call procedures through the server caller.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/env/src/**', '**/test/**', 'e2e/**', '**/*.config.ts', 'packages/bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
