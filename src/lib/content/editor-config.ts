/**
 * The web editor's configuration (Decap CMS, `/admin/`), generated from the
 * content model and never written by hand: one form per content type in
 * `CONTENT_TYPES`, one input per schema field with its Chinese label and
 * example, selects from the site's own lists, relations from the table's
 * cross-references. A field the schema gains appears in the form by itself;
 * a kind of field this module cannot show fails loudly (and its unit test).
 */
import { z } from 'astro/zod';
import { COLLECTION_NAMES, contentTypeOf, type CollectionName } from '#/schemas/index.ts';
import { schemaContext } from '#/schemas/context.ts';
import { fieldKind, schemaAt } from '#/schemas/fields.ts';
import type { SiteSettings } from '#/schemas/site.ts';

/** Where the local editor server (`decap-server`, bound to 127.0.0.1) answers. */
export const LOCAL_EDITOR_PORT = 8081;
export const LOCAL_EDITOR_API = `http://127.0.0.1:${LOCAL_EDITOR_PORT}/api/v1`;

/**
 * The file format of a content type, registered by the admin script: frontmatter
 * with dates quoted as the gate wants them, keys in the schema's order.
 */
export const editorFormat = (type: CollectionName) => `jindu-${type}`;

/** The entry data key the admin script puts a new file's name in; it names the file and is never written into it. */
export const FILE_NAME_KEY = 'fileName';

export interface EditorField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: string[];
  multiple?: boolean;
  fields?: EditorField[];
  field?: EditorField;
  value_type?: 'int';
  min?: number;
  pattern?: [string, string];
  date_format?: string;
  time_format?: false;
  format?: string;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
}

export interface EditorCollection {
  name: CollectionName;
  label: string;
  label_singular: string;
  folder: string;
  create: boolean;
  delete: boolean;
  extension: 'md';
  format: string;
  /** The file name: the pinyin of the title, set before the first save (`src/scripts/admin.ts`), as `npm run new` names files. */
  slug: string;
  identifier_field: string;
  summary: string;
  media_folder: '';
  public_folder: '';
  fields: EditorField[];
}

export interface EditorConfig {
  /** The configuration is this object, not a `config.yml` beside the page. */
  load_config_file: false;
  locale: 'zh_Hans';
  backend: Record<string, string>;
  local_backend: { url: string; allowed_hosts: string[] };
  publish_mode?: 'editorial_workflow';
  media_folder: string;
  public_folder: string;
  site_url: string;
  collections: EditorCollection[];
}

/** The schema context the forms are made from: image fields are marked so they get the image input. */
function formContext(settings: SiteSettings) {
  const images = new WeakSet<z.ZodType>();
  const ctx = schemaContext(settings, () => {
    const node = z.string();
    images.add(node);
    return node;
  });
  return { ctx, isImage: (node: z.ZodType) => images.has(node) };
}

const isOptional = (raw: z.ZodType) => raw instanceof z.ZodOptional || raw instanceof z.ZodDefault;

const defaultOf = (raw: z.ZodType): unknown => (raw instanceof z.ZodDefault ? (raw.def.defaultValue as unknown) : undefined);

const TYPED_WIDGETS = new Set(['string', 'text', 'list', 'number']);

/** A YAML list example (`[流动课堂, 校园禁毒]`) as staff type it into a list input. */
const listExample = (example: string) => `${example.replace(/^\[|\]$/g, '')}（用逗号分隔）`;

/** The label and input a field gets (without its name and whether it is required). */
type Input = Omit<EditorField, 'name' | 'label' | 'required'>;

/** The form fields of one content type's schema. */
function formFields(schema: z.ZodType, type: CollectionName, isImage: (node: z.ZodType) => boolean): EditorField[] {
  /**
   * The fields of the object at `path`. In an optional object (a cover photo)
   * nothing is required of the form: the schema's own check, run before saving,
   * says what a half-filled one lacks.
   */
  const fieldsAt = (path: readonly PropertyKey[], optional = false): EditorField[] => {
    const { node } = schemaAt(schema, path);
    if (!(node instanceof z.ZodObject)) throw new TypeError(`${type}: ${path.join('.') || '(root)'} is not an object`);
    return Object.entries(node.shape as Record<string, z.ZodType>).map(([name, raw]) => field([...path, name], name, raw, optional));
  };

  const field = (path: readonly PropertyKey[], name: string, raw: z.ZodType, inOptional: boolean): EditorField => {
    const { node, info: own } = schemaAt(schema, path);
    if (!node) throw new TypeError(`${type}: no schema at ${path.join('.')}`);
    // A list of labelled values (学校) takes its label from them.
    const info = own ?? (node instanceof z.ZodArray ? schemaAt(schema, [...path, 0]).info : undefined);
    const optional = inOptional || isOptional(raw);
    const shown = input(path, name, node, optional);
    // A switch's explanation in brackets (示例数据（true：…）) reads better as its hint.
    const full = name === 'draft' ? '草稿' : (info?.label ?? name);
    const [, label = full, explained] = (shown.widget === 'boolean' && /^(.*?)（(.*)）$/.exec(full)) || [];
    const result: EditorField = { name, label, ...shown, required: !optional };
    // Typed inputs get the example as a hint, without the quotes YAML needed; choices speak for themselves.
    const example = info?.example.replace(/^"(.*)"$/, '$1');
    if (name === 'draft') result.hint = '打开时暂不发布；写好后关掉再保存';
    else if (explained && result.widget === 'boolean') result.hint = explained.replace(/^true：/, '打开：');
    else if (example && TYPED_WIDGETS.has(result.widget)) result.hint = `示例：${result.widget === 'list' ? listExample(example) : example}`;
    const fallback = defaultOf(raw);
    if (fallback !== undefined) result.default = fallback;
    return result;
  };

  /** A reference to another entry: chosen from that type's entries by their title field. */
  const relation = (name: string): Input => {
    const target = contentTypeOf(type).refs[name] as CollectionName | undefined;
    if (!target) throw new TypeError(`${type}: ${name} names an entry, but the content model gives no target type`);
    const display = contentTypeOf(target).scaffold?.titleField ?? 'title';
    return { widget: 'relation', collection: target, value_field: '{{slug}}', search_fields: [display], display_fields: [display] };
  };

  const input = (path: readonly PropertyKey[], name: string, node: z.ZodType, optional: boolean): Input => {
    if (isImage(node)) return { widget: 'image' };
    switch (fieldKind(node)) {
      case 'date':
        return { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false };
      case 'time':
        return { widget: 'string', pattern: ['^([01]\\d|2[0-3]):[0-5]\\d$', '请写成 24 小时制的“时:分”，如 14:30'] };
      case 'entry-ref':
        return relation(name);
      case 'paragraph':
        return { widget: 'text' };
      case undefined:
        break;
    }
    if (node instanceof z.ZodEnum) return { widget: 'select', options: node.options.map(String) };
    if (node instanceof z.ZodBoolean) return { widget: 'boolean' };
    if (node instanceof z.ZodNumber) return { widget: 'number', value_type: 'int', min: 0 };
    if (node instanceof z.ZodObject) return { widget: 'object', fields: fieldsAt(path, optional) };
    if (node instanceof z.ZodArray) {
      const element = schemaAt(schema, [...path, 0]).node;
      if (element instanceof z.ZodEnum) return { widget: 'select', multiple: true, options: element.options.map(String) };
      if (element instanceof z.ZodObject) return { widget: 'list', fields: fieldsAt([...path, 0]) };
      if (element instanceof z.ZodString) return { widget: 'list' };
      throw new TypeError(`${type}: the list ${path.join('.')} holds a kind of value the editor cannot show`);
    }
    if (node instanceof z.ZodString || node instanceof z.ZodStringFormat) return { widget: 'string' };
    throw new TypeError(`${type}: the field ${path.join('.')} is of a kind the editor cannot show`);
  };

  return fieldsAt([]);
}

function collectionOf(type: CollectionName, settings: SiteSettings, contentFolder: string): EditorCollection {
  const spec = contentTypeOf(type);
  const { ctx, isImage } = formContext(settings);
  const fields = formFields(spec.schema(ctx), type, isImage);
  const titleField = spec.scaffold?.titleField ?? fields[0]!.name;
  return {
    name: type,
    label: spec.names.section,
    label_singular: spec.names.staff,
    folder: `${contentFolder}/${type}`,
    // A type with a fixed set of files (the site's own pages) is edited, never added to.
    create: !spec.onlyIds,
    delete: !spec.onlyIds,
    extension: 'md',
    format: editorFormat(type),
    slug: `{{fields.${FILE_NAME_KEY}}}`,
    identifier_field: titleField,
    summary: `{{${titleField}}}`,
    media_folder: '',
    public_folder: '',
    fields: [...fields, { name: 'body', label: '正文', widget: 'markdown', required: false }],
  };
}

/** The origin of the office's Git host, which the editor's page must be allowed to reach; none in local mode. */
export function editorOrigin(settings: SiteSettings): string | undefined {
  return settings.editor ? new URL(settings.editor.url).origin : undefined;
}

function backendOf(editor: NonNullable<SiteSettings['editor']>): Record<string, string> {
  const base = editor.url.replace(/\/+$/, '');
  const common = { repo: editor.repo, branch: editor.branch, base_url: base, app_id: editor.appId };
  return editor.backend === 'gitlab'
    ? { name: 'gitlab', ...common, api_root: `${base}/api/v4`, auth_type: 'pkce' }
    : { name: 'gitea', ...common, api_root: `${base}/api/v1` };
}

/**
 * The whole configuration. `contentFolder` is the content folder's path in the
 * repository (`content`).
 */
export function editorConfig(settings: SiteSettings, contentFolder: string): EditorConfig {
  const config: EditorConfig = {
    load_config_file: false,
    locale: 'zh_Hans',
    backend: settings.editor ? backendOf(settings.editor) : { name: 'proxy', proxy_url: LOCAL_EDITOR_API, branch: 'main' },
    local_backend: { url: LOCAL_EDITOR_API, allowed_hosts: ['127.0.0.1', 'localhost'] },
    // Pictures uploaded outside an entry land in the content folder itself (entries keep theirs beside them).
    media_folder: contentFolder,
    public_folder: '',
    site_url: settings.url,
    collections: COLLECTION_NAMES.map((type) => collectionOf(type, settings, contentFolder)),
  };
  // 草稿 → 审核中 → 就绪 → 发布, as `cms/<type>/<file>` branches (merge requests on GitLab, local branches in
  // decap-server's git mode), wherever the backend has it; Gitea's has no pull requests, so a save there is
  // committed directly and `draft` keeps unfinished work off the site (and the local preview of a Gitea
  // office commits directly too, as its editor will).
  if (settings.editor?.backend !== 'gitea') config.publish_mode = 'editorial_workflow';
  return config;
}
