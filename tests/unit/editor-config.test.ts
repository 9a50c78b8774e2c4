/**
 * The web editor's configuration is generated from the content model: every
 * schema field has its form field and no form field lacks one, with the
 * inputs and lists staff need, and the Git host from site.yaml.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { editorConfig, editorFormat, editorOrigin, LOCAL_EDITOR_API, type EditorField } from '#/lib/content/editor-config.ts';
import { loadSettings, parseSettings } from '#/lib/site/settings.ts';
import { ContentProblemsError } from '#/lib/gate/problem.ts';
import { COLLECTION_NAMES, contentTypeOf } from '#/schemas/index.ts';
import { imagePath, schemaContext } from '#/schemas/context.ts';
import { schemaAt } from '#/schemas/fields.ts';
import type { SiteSettings } from '#/schemas/site.ts';

const qionghai = loadSettings('content', {});
const county = loadSettings('tests/fixtures/other-city', {});

/** Every field path a schema has: objects and lists of objects opened up. */
function schemaPaths(schema: z.ZodType, path: PropertyKey[] = []): string[] {
  const { node } = schemaAt(schema, path);
  if (!(node instanceof z.ZodObject)) return [];
  return Object.keys(node.shape as object).flatMap((key) => {
    const here = [...path, key];
    const { node: child } = schemaAt(schema, here);
    const inner = child instanceof z.ZodArray ? schemaPaths(schema, [...here, 0]) : schemaPaths(schema, here);
    return [here.filter((p) => typeof p === 'string').join('.'), ...inner];
  });
}

function formPaths(fields: readonly EditorField[], prefix = ''): string[] {
  return fields.flatMap((f) => [`${prefix}${f.name}`, ...formPaths(f.fields ?? [], `${prefix}${f.name}.`)]);
}

const fieldAt = (fields: readonly EditorField[], path: string): EditorField | undefined => {
  const [head, ...rest] = path.split('.');
  const field = fields.find((f) => f.name === head);
  return rest.length === 0 ? field : fieldAt(field?.fields ?? [], rest.join('.'));
};

describe.each([
  ['Qionghai', qionghai],
  ['the county', county],
] as [string, SiteSettings][])('the editor configuration for %s', (_, settings) => {
  const config = editorConfig(settings, 'content');

  it('has one form per content type, in content/<type>, in its own file format', () => {
    expect(config.collections.map((c) => c.name)).toEqual(COLLECTION_NAMES);
    for (const c of config.collections) {
      expect(c.folder).toBe(`content/${c.name}`);
      expect(c.format).toBe(editorFormat(c.name));
      expect(c.label).toBe(contentTypeOf(c.name).names.section);
    }
  });

  it.each(COLLECTION_NAMES)('gives every %s schema field a form field, and no form field without one', (type) => {
    const schema = contentTypeOf(type).schema(schemaContext(settings, imagePath));
    const form = config.collections.find((c) => c.name === type)!;
    expect(formPaths(form.fields).filter((p) => p !== 'body')).toEqual(schemaPaths(schema));
    const all = (fields: readonly EditorField[]): EditorField[] => fields.flatMap((f) => [f, ...all(f.fields ?? [])]);
    for (const field of all(form.fields)) expect(field.label, field.name).toMatch(/\p{Script=Han}/u);
  });

  it('asks for dates with a date picker that writes YYYY-MM-DD, and chooses towns and outlets from site.yaml', () => {
    const news = config.collections.find((c) => c.name === 'news')!.fields;
    expect(fieldAt(news, 'date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false, required: true });
    expect(fieldAt(news, 'updated')).toMatchObject({ widget: 'datetime', required: false });
    expect(fieldAt(news, 'town')).toMatchObject({ widget: 'select', options: settings.towns, label: settings.townLabel, required: false });
    expect(fieldAt(news, 'outlets')).toMatchObject({ widget: 'select', multiple: true, options: settings.outlets });
    expect(fieldAt(news, 'draft')).toMatchObject({ widget: 'boolean', label: '草稿', default: false });
    expect(fieldAt(news, 'cover.src')).toMatchObject({ widget: 'image', required: false });
    const bases = config.collections.find((c) => c.name === 'bases')!.fields;
    expect(fieldAt(bases, 'kind')).toMatchObject({ options: settings.baseKinds.map((k) => k.name) });
  });

  it('links an event to its campaign and a lecture to its report by their titles', () => {
    const events = config.collections.find((c) => c.name === 'events')!.fields;
    expect(fieldAt(events, 'campaign')).toMatchObject({
      widget: 'relation',
      collection: 'campaigns',
      value_field: '{{slug}}',
      display_fields: ['name'],
    });
    const lectures = config.collections.find((c) => c.name === 'lectures')!.fields;
    expect(fieldAt(lectures, 'report')).toMatchObject({
      widget: 'relation',
      collection: 'news',
      display_fields: ['title'],
      required: false,
    });
  });

  it('lets staff edit the site’s own pages but not add or delete them', () => {
    expect(config.collections.find((c) => c.name === 'pages')).toMatchObject({ create: false, delete: false });
    expect(config.collections.find((c) => c.name === 'news')).toMatchObject({ create: true, delete: true });
  });
});

describe('the Git host', () => {
  const withEditor = (editor: SiteSettings['editor']) => editorConfig({ ...qionghai, editor }, 'content');

  it('works only in local mode, on 127.0.0.1, when site.yaml names no Git host, with the editorial workflow as local branches', () => {
    const config = editorConfig(qionghai, 'content');
    expect(config.backend).toMatchObject({ name: 'proxy', proxy_url: LOCAL_EDITOR_API });
    expect(config.local_backend.url).toBe(LOCAL_EDITOR_API);
    expect(new URL(LOCAL_EDITOR_API).hostname).toBe('127.0.0.1');
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(editorOrigin(qionghai)).toBeUndefined();
  });

  it('commits to a Gitea directly (Gitea has no editorial workflow)', () => {
    const editor = { backend: 'gitea', url: 'https://git.example.gov.cn/', repo: 'jinduban/site', branch: 'main', appId: 'abc' } as const;
    const config = withEditor(editor);
    expect(config.backend).toEqual({
      name: 'gitea',
      repo: 'jinduban/site',
      branch: 'main',
      base_url: 'https://git.example.gov.cn',
      api_root: 'https://git.example.gov.cn/api/v1',
      app_id: 'abc',
    });
    expect(config.publish_mode).toBeUndefined();
    expect(editorOrigin({ ...qionghai, editor })).toBe('https://git.example.gov.cn');
  });

  it('goes through merge requests on a GitLab (草稿 → 审核中 → 就绪 → 发布), logging in with PKCE', () => {
    const config = withEditor({
      backend: 'gitlab',
      url: 'https://gitlab.example.gov.cn/git',
      repo: 'jdb/site',
      branch: 'publish',
      appId: 'x',
    });
    expect(config.backend).toMatchObject({
      name: 'gitlab',
      api_root: 'https://gitlab.example.gov.cn/git/api/v4',
      auth_type: 'pkce',
      branch: 'publish',
    });
    expect(config.publish_mode).toBe('editorial_workflow');
  });

  it('is read from site.yaml, and refused there unless it is https and owner/repo, in Chinese', () => {
    const county = readFileSync('tests/fixtures/other-city/site.yaml', 'utf8');
    const editor = (url: string, repo: string) => `${county}editor:\n  backend: gitea\n  url: ${url}\n  repo: ${repo}\n  appId: "3f2a9c"\n`;
    expect(parseSettings(editor('https://git.qinghe.example', 'jdb/site'), 'site.yaml', {}).editor).toEqual({
      backend: 'gitea',
      url: 'https://git.qinghe.example',
      repo: 'jdb/site',
      branch: 'main',
      appId: '3f2a9c',
    });
    const refused = (yaml: string) => {
      try {
        parseSettings(yaml, 'site.yaml', {});
      } catch (error) {
        if (error instanceof ContentProblemsError) return error.message;
        throw error;
      }
      return '';
    };
    expect(refused(editor('http://git.qinghe.example', 'jdb/site'))).toContain('应填写以 https:// 开头的代码托管平台地址');
    expect(refused(editor('https://git.qinghe.example', 'site'))).toContain('应写成“所有者/仓库名”');
  });
});
