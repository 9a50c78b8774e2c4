/**
 * Loads the site settings (`<content>/site.yaml`) and the content folder the
 * build reads. `SITE_CONTENT_DIR` points the same code at another city's
 * content; `SITE_URL` overrides the production URL (for staging or previews).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { ContentProblemsError, type Problem } from './gate/problem.ts';
import { issuesToProblems, PARSE_PARAMS } from './gate/zod-messages.ts';
import { loadYaml, YamlProblem } from './gate/yaml.ts';

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
    const lines = source.split(/\r?\n/);
    const lineOf = (p: readonly PropertyKey[]) => {
      const key = p.find((k) => typeof k === 'string');
      const i = key ? lines.findIndex((l) => l.startsWith(`${String(key)}:`)) : -1;
      return i >= 0 ? i + 1 : undefined;
    };
    throw new ContentProblemsError(issuesToProblems(result.error.issues, siteSchema, file, lineOf));
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

export function loadSettings(dir = contentDir(), env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const file = path.join(dir, SETTINGS_FILE);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    const problem: Problem = {
      file: displayPath(file),
      message: `找不到网站设置文件。请在内容文件夹中放一个 ${SETTINGS_FILE}（可参照 content/${SETTINGS_FILE}）`,
      severity: 'error',
    };
    throw new ContentProblemsError([problem]);
  }
  return parseSettings(source, displayPath(file), env);
}
