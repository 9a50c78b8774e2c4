/**
 * Loads the site settings (`<content>/site.yaml`) and the content folder the
 * build reads. `SITE_CONTENT_DIR` points the same code at another city's
 * content; `SITE_URL` overrides the production URL (for staging or previews).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_TIME_ZONE, siteSchema, type SiteSettings } from '#/schemas/site.ts';
import { yearOf } from '#/lib/core/dates.ts';
import { keyLineFinder } from '#/lib/gate/frontmatter.ts';
import { confineFile, confineMessage } from '#/lib/gate/confine.ts';
import { readTextFile } from '#/lib/gate/read-source.ts';
import { ContentProblemsError, type Problem } from '#/lib/gate/problem.ts';
import { issuesToProblems, PARSE_PARAMS } from '#/lib/gate/zod-messages.ts';
import { loadYaml, YamlProblem } from '#/lib/gate/yaml.ts';
import { logoPng, readLogo } from './logo.ts';
import { personalDataProblems } from '#/lib/privacy/guard.ts';
import { loadAllowlist } from '#/lib/gate/allowlist.ts';
import { buildDate } from '#/lib/content/publishing.ts';

export const SETTINGS_FILE = 'site.yaml';

/** Absolute path of the content folder. */
export function contentDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.SITE_CONTENT_DIR || 'content');
}

/** Path relative to the project root, with forward slashes, for messages. */
export function displayPath(file: string, cwd = process.cwd()): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

export function parseSettings(source: string, file: string, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  let raw: unknown;
  try {
    raw = loadYaml(source, { core: true });
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error;
    throw new ContentProblemsError([{ file, line: error.line, message: `网站设置文件格式错误：${error.message}`, severity: 'error' }]);
  }
  const result = siteSchema.safeParse(raw ?? {}, PARSE_PARAMS);
  if (!result.success) {
    throw new ContentProblemsError(issuesToProblems(result.error.issues, siteSchema, file, keyLineFinder(source)));
  }
  const settings = result.data;
  if (env.SITE_URL) {
    const problem = urlProblem(env.SITE_URL);
    if (problem) throw new ContentProblemsError([{ file: 'SITE_URL', message: problem, severity: 'error' }]);
    settings.url = env.SITE_URL;
  }
  settings.url = settings.url.replace(/\/+$/, '');
  return settings;
}

function urlProblem(url: string): string | undefined {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? undefined : '环境变量 SITE_URL 应以 http:// 或 https:// 开头';
  } catch {
    return `环境变量 SITE_URL 不是有效网址：${url}`;
  }
}

/**
 * The settings of the content folder `dir`, with every problem of site.yaml at
 * once (its form, its fields, its logo, personal data in its text), thrown as a
 * `ContentProblemsError` in Chinese. Every caller (the build's config, the
 * content gate, `npm run check`, the scripts) goes through here, so none can
 * use settings the gate would refuse.
 */
export function loadSettings(dir = contentDir(), env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const file = displayPath(path.join(dir, SETTINGS_FILE));
  const source = readSettingsSource(dir, file);
  const privacy = privacyProblems(dir, source, file, env);
  let settings: SiteSettings;
  try {
    settings = parseSettings(source, file, env);
  } catch (error) {
    if (error instanceof ContentProblemsError) throw new ContentProblemsError([...error.problems, ...privacy]);
    throw error;
  }
  const images = settingsImages(settings).flatMap(({ key, written, what }) => {
    const read = readLogo(dir, written, what);
    return read.ok ? [] : [imageProblem(source, file, key, read.message)];
  });
  const problems = [...privacy, ...images];
  if (problems.length > 0) throw new ContentProblemsError(problems);
  return settings;
}

/** An image site.yaml names: where (its keys), the file, and what messages call it. */
interface SettingsImage {
  key: string[];
  written: string;
  what: string;
}

const LOGO = (settings: SiteSettings): SettingsImage | undefined =>
  settings.logo === undefined ? undefined : { key: ['logo'], written: settings.logo, what: '标志图片' };

const GOV_MARK = (settings: SiteSettings): SettingsImage | undefined =>
  settings.footer.govMark === undefined
    ? undefined
    : { key: ['footer', 'govMark', 'image'], written: settings.footer.govMark.image, what: '党政机关网站标识图片' };

/** Every image site.yaml names: each is checked like a content image and redrawn, never published as written. */
function settingsImages(settings: SiteSettings): SettingsImage[] {
  return [LOGO(settings), GOV_MARK(settings)].filter((image) => image !== undefined);
}

/** site.yaml's text, read under the same rules as every content file (inside the folder, no link, UTF-8). */
function readSettingsSource(dir: string, file: string): string {
  const fail = (problem: Problem): never => {
    throw new ContentProblemsError([problem]);
  };
  let confined;
  try {
    confined = confineFile(dir, SETTINGS_FILE);
  } catch {
    return fail({ file, message: `找不到内容文件夹 ${displayPath(dir) || '.'}（请检查 SITE_CONTENT_DIR 或文件夹名）`, severity: 'error' });
  }
  if (!confined.ok) {
    if (confined.reason !== 'missing')
      return fail({ file, message: confineMessage(confined.reason, SETTINGS_FILE, '网站设置文件'), severity: 'error' });
    return fail({
      file,
      message: `找不到网站设置文件。请在内容文件夹中放一个 ${SETTINGS_FILE}（可参照 content/${SETTINGS_FILE}）`,
      severity: 'error',
    });
  }
  const read = readTextFile(confined.abs, file, '网站设置文件');
  return read.ok ? read.text : fail(read.problem);
}

/** Personal data in site.yaml's text (values and comments), as the gate scans every content file. */
function privacyProblems(dir: string, source: string, file: string, env: NodeJS.ProcessEnv): Problem[] {
  const { allow, problems: allowlistProblems } = loadAllowlist(dir);
  const latestYear = yearOf(buildDate(DEFAULT_TIME_ZONE, env));
  const found = personalDataProblems(source, file, allow, { latestYear });
  // A broken allowlist may be why a public number is reported: say so beside it.
  return found.length > 0 ? [...found, ...allowlistProblems] : [];
}

function imageProblem(source: string, file: string, key: string[], message: string): Problem {
  return { file, line: keyLineFinder(source)(key), field: key.join('.'), message, severity: 'error' };
}

/** The logo as the pages show it: a PNG drawn from the file, never the file itself. */
export interface SiteLogo {
  /** File name without `.png`, from a hash of the bytes, so a browser may keep it as long as it likes. */
  name: string;
  png: Buffer;
}

/** The logo drawn for the build, or a `ContentProblemsError` naming site.yaml's `logo` line if it cannot be drawn. */
export function loadLogo(dir: string, settings: SiteSettings): Promise<SiteLogo | undefined> {
  return drawImage(dir, LOGO(settings), 'logo');
}

/** The 党政机关网站标识 drawn for the footer, like the logo; undefined when site.yaml names none. */
export function loadGovMark(dir: string, settings: SiteSettings): Promise<SiteLogo | undefined> {
  return drawImage(dir, GOV_MARK(settings), 'gov-mark');
}

async function drawImage(dir: string, image: SettingsImage | undefined, prefix: string): Promise<SiteLogo | undefined> {
  if (image === undefined) return undefined;
  const { key, written, what } = image;
  const file = displayPath(path.join(dir, SETTINGS_FILE));
  const read = readLogo(dir, written, what);
  let png: Buffer | undefined;
  if (read.ok) png = await logoPng(read).catch(() => undefined);
  if (!png) {
    const message = read.ok ? `${what} ${written} 无法绘制（文件可能已损坏或尺寸过大），请重新导出` : read.message;
    throw new ContentProblemsError([imageProblem(readSettingsSource(dir, file), file, key, message)]);
  }
  return { name: `${prefix}-${createHash('sha256').update(png).digest('hex').slice(0, 12)}`, png };
}
