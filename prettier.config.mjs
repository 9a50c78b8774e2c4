// @ts-check
/**
 * Prettier (`npm run format` writes, `npm run lint:format` checks). The code already used single quotes and
 * long lines; 140 columns keeps the one-time reformat to about a hundred files.
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 140,
  singleQuote: true,
  plugins: ['prettier-plugin-astro'],
};
