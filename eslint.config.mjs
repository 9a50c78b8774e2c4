// @ts-check
/**
 * ESLint (`npm run lint`): the recommended rules of ESLint, typescript-eslint and
 * eslint-plugin-astro, a few type-aware rules about promises and errors, and one
 * import boundary. Layout is Prettier's business (`npm run lint:format`), not ESLint's.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    // Generated: build output, test builds, Astro's types, publishing folders, letter images.
    'dist/',
    'tests/.output/',
    '.astro/',
    '.*-staging/',
    '.*-previous/',
    'letter-images/',
    // Staff content and the other city's content: Markdown and YAML, no code.
    'content/',
    'tests/fixtures/other-city/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // Off: every control character in a pattern here is the point of it (the gate refuses them,
      // xml.ts, ics.ts and image-bytes.ts drop or find them, tests strip ANSI colours).
      'no-control-regex': 'off',
      // Chinese text puts an ideographic space (U+3000) between items on purpose; in code it is still an error.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Type-aware rules, for TypeScript files only: a promise that nobody awaits is how a build passes with a file
    // missing. The other type-checked rules (no-unsafe-*, mostly about untyped libraries) are not on: about 300
    // findings in working code. `.astro` frontmatter is not type-checked here (astro check covers it).
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
    },
  },
  {
    // These run outside Astro's page context (the gate, npm scripts, build hooks, drawing child processes):
    // `astro:*` modules do not exist there. Type imports are erased, so they may name Astro's types.
    files: ['src/lib/**', 'src/og/**', 'src/schemas/**', 'src/integrations/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^astro:', allowTypeImports: true, message: 'Only pages, layouts, components and src/queries use astro:* modules.' },
          ],
        },
      ],
    },
  },
);
