/** The site's additions to Markdown rendering, on Sätteri's real output. */
import { markdownToHtml } from 'satteri';
import { expect, it } from 'vitest';
import { BODY_IMAGE_MAX_WIDTH, sitePresentation } from '#/lib/content/markdown-plugins.ts';

const render = (markdown: string) => markdownToHtml(markdown, { hastPlugins: [sitePresentation] }).html;

it('names footnotes and their back links in Chinese, for screen readers', () => {
  const html = render('禁毒法[^1]和条例[^tiaoli]。\n\n[^1]: 2008 年施行。\n[^tiaoli]: 戒毒条例。');
  expect(html).toContain('<h2 class="sr-only" id="footnote-label">注释</h2>');
  expect(html).toContain('aria-label="返回正文中的注释 1"');
  expect(html).toContain('aria-label="返回正文中的注释 2"');
  expect(html).not.toMatch(/Footnotes|Back to reference/);
});

it('caps body photos in width and keeps other sites from this page', () => {
  const html = render('![禁毒展板现场](./a.jpg) [外站](https://example.org/) [站内](/news/)');
  expect(html).toContain(`width="${BODY_IMAGE_MAX_WIDTH}"`);
  expect(html).toContain('<a href="https://example.org/" rel="noopener noreferrer">外站</a>');
  expect(html).toContain('<a href="/news/">站内</a>');
});
