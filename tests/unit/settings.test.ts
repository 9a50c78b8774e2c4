import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentDir, loadSettings, parseSettings } from '../../src/lib/settings.ts';
import { ContentProblemsError } from '../../src/lib/gate/problem.ts';

const qionghai = readFileSync(new URL('../../content/site.yaml', import.meta.url), 'utf8');

function problemsOf(source: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    parseSettings(source, 'site.yaml', env);
  } catch (error) {
    if (error instanceof ContentProblemsError) return error.message;
    throw error;
  }
  throw new Error('expected settings to be rejected');
}

describe('site settings', () => {
  it('reads the Qionghai settings', () => {
    const s = parseSettings(qionghai, 'site.yaml', {});
    expect(s.name).toBe('琼海禁毒');
    expect(s.towns).toHaveLength(13);
    expect(s.timeZone).toBe('Asia/Shanghai');
    expect(s.hotlines[0]).toMatchObject({ number: '110', placeholder: false });
    expect(s.hotlines.some((h) => h.placeholder)).toBe(true);
    expect(s.footer.icp.placeholder).toBe(true);
  });

  it('lets SITE_URL override the production URL, without a trailing slash', () => {
    expect(parseSettings(qionghai, 'site.yaml', { SITE_URL: 'https://staging.example/' }).url).toBe('https://staging.example');
    expect(problemsOf(qionghai, { SITE_URL: 'not a url' })).toContain('SITE_URL');
  });

  it('refuses colours that fail AA contrast on white', () => {
    const pale = qionghai.replace('primary: "#1f5f8b"', 'primary: "#99ccff"');
    expect(problemsOf(pale)).toContain('对比度');
  });

  it('names the missing field in Chinese', () => {
    const noTowns = qionghai.replace(/^towns:[\s\S]*?(?=^outlets:)/m, '');
    expect(problemsOf(noTowns)).toMatch(/site\.yaml:?\d* towns 缺少必填项/);
  });

  it('rejects unknown keys', () => {
    expect(problemsOf(`${qionghai}\ncolour: red\n`)).toContain('不认识的字段「colour」');
  });

  it('finds the content folder from SITE_CONTENT_DIR', () => {
    expect(contentDir({ SITE_CONTENT_DIR: 'tests/fixtures/other-city' }, '/proj')).toBe('/proj/tests/fixtures/other-city');
    expect(contentDir({}, '/proj')).toBe('/proj/content');
  });

  it('explains a missing settings file', () => {
    expect(() => loadSettings('/nonexistent-dir', {})).toThrow(/找不到网站设置文件/);
  });
});
