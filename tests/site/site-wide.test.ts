/**
 * Site-wide checks over every built page of both test sites: valid HTML, and
 * every internal link, image and srcset candidate pointing at a built file.
 */
import { HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import config from '../helpers/htmlvalidate.json' with { type: 'json' };
import { SITES, builtPages, pageExists, readPage } from '../helpers/sites.ts';

describe.each(Object.values(SITES))('$name site', (site) => {
  const pages = builtPages(site);

  it('has valid HTML on every page (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate(config as never);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readPage(site, page), page);
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('has no broken internal link, image or srcset candidate', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const doc = parse(readPage(site, page));
      const targets = [
        ...doc.querySelectorAll('[href]').map((el) => el.getAttribute('href')!),
        ...doc.querySelectorAll('[src]').map((el) => el.getAttribute('src')!),
        ...doc.querySelectorAll('[srcset]').flatMap((el) =>
          el
            .getAttribute('srcset')!
            .split(',')
            .map((c) => c.trim().split(/\s+/)[0]!),
        ),
      ];
      for (const target of targets) {
        if (!target.startsWith('/') || target.startsWith('//')) continue;
        const pathOnly = decodeURI(target.split('#')[0]!.split('?')[0]!);
        if (!pageExists(site, pathOnly)) broken.push(`${page} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('opens every external link without handing over the page', () => {
    const unsafe: string[] = [];
    for (const page of pages) {
      for (const a of parse(readPage(site, page)).querySelectorAll('a[href^="http"]')) {
        const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) unsafe.push(`${page} → ${a.getAttribute('href')}`);
      }
    }
    expect(unsafe).toEqual([]);
  });
});
