/**
 * `npm run post-report`: puts the report (`SITE_REPORT`) where staff look. Appended to
 * the job summary (`GITHUB_STEP_SUMMARY`); on a pull or merge request, one comment,
 * updated on every run; on the main branch, one issue opened while builds fail and
 * closed by the first build that passes. GitHub and Gitea share the API paths used
 * here (Gitea's under /api/v1); GitLab has its own. Posting never fails the job:
 * every problem is said in Chinese and the exit code stays 0.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { faultSummary } from '#/lib/gate/problem.ts';
import { REPORT_MARKER, type ReportStatus } from './report.ts';

/** What marks the one comment the report keeps updating. */
export const COMMENT_MARKER = `<!-- ${REPORT_MARKER} -->`;
export const FAILURE_ISSUE_TITLE = '网站生成失败：内容需要修改';
const CLOSING_NOTE = '✅ 网站已重新生成成功，这个问题已经解决，自动关闭。';

/** A request failed: said to the technician, never thrown past `postReport`. */
class PostError extends Error {}

interface Api {
  name: string;
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

function api(name: string, base: string, headers: Record<string, string>): Api {
  return {
    name,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const url = `${base.replace(/\/+$/, '')}${path}`;
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: { ...headers, 'Content-Type': 'application/json', 'User-Agent': 'jindu-post-report' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        throw new PostError(`连接不上 ${name} 的接口（${method} ${url}：${cause}）`);
      }
      const text = await response.text();
      if (!response.ok) throw new PostError(`${name} 的接口拒绝了请求（${method} ${url}：HTTP ${response.status} ${text.slice(0, 200)}）`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** What the job is building, in the terms that decide where the report goes. */
type Occasion = { kind: 'review'; number: number } | { kind: 'main' } | { kind: 'other' };

interface Host {
  api: Api;
  occasion: Occasion;
  comment(number: number, body: string): Promise<string>;
  issue(status: ReportStatus, body: string): Promise<string | undefined>;
}

function readEvent(file: string | undefined): Record<string, unknown> {
  if (!file || !existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** GitHub Actions and Gitea Actions: the same variables, event file and API paths. */
function githubHost(env: NodeJS.ProcessEnv, token: string): Host {
  const repo = `/repos/${env.GITHUB_REPOSITORY}`;
  const gitea = Boolean(env.GITEA_ACTIONS);
  const client = api(gitea ? 'Gitea' : 'GitHub', env.GITHUB_API_URL!, {
    Authorization: `token ${token}`,
    Accept: 'application/vnd.github+json',
  });
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const pull = (event.pull_request as { number?: number } | undefined)?.number ?? (event.number as number | undefined);
  const branch = env.GITHUB_REF_NAME || env.GITHUB_REF?.replace(/^refs\/heads\//, '');
  const main = (event.repository as { default_branch?: string } | undefined)?.default_branch || 'main';
  const occasion: Occasion =
    /^pull_request/.test(env.GITHUB_EVENT_NAME ?? '') && pull
      ? { kind: 'review', number: pull }
      : env.GITHUB_REF?.startsWith('refs/heads/') && branch === main
        ? { kind: 'main' }
        : { kind: 'other' };
  type Comment = { id: number; body?: string };
  type Issue = { number: number; title: string; pull_request?: unknown };
  return {
    api: client,
    occasion,
    async comment(number, body) {
      const comments = await client.call<Comment[]>('GET', `${repo}/issues/${number}/comments?per_page=100&limit=50`);
      const mine = comments.find((c) => c.body?.includes(COMMENT_MARKER));
      if (mine) {
        await client.call('PATCH', `${repo}/issues/comments/${mine.id}`, { body });
        return `已更新合并请求 #${number} 的报告评论`;
      }
      await client.call('POST', `${repo}/issues/${number}/comments`, { body });
      return `已在合并请求 #${number} 发表报告评论`;
    },
    async issue(status, body) {
      const open = await client.call<Issue[]>('GET', `${repo}/issues?state=open&type=issues&per_page=100&limit=50`);
      const mine = open.find((i) => i.title === FAILURE_ISSUE_TITLE && !i.pull_request);
      if (status === 'failed') {
        if (mine) {
          await client.call('PATCH', `${repo}/issues/${mine.number}`, { body });
          return `已更新问题 #${mine.number}（${FAILURE_ISSUE_TITLE}）`;
        }
        const created = await client.call<Issue>('POST', `${repo}/issues`, { title: FAILURE_ISSUE_TITLE, body });
        return `已新建问题 #${created.number}（${FAILURE_ISSUE_TITLE}）`;
      }
      if (!mine) return undefined;
      await client.call('POST', `${repo}/issues/${mine.number}/comments`, { body: `${CLOSING_NOTE}\n\n${body}` });
      await client.call('PATCH', `${repo}/issues/${mine.number}`, { state: 'closed' });
      return `已关闭问题 #${mine.number}（网站生成已恢复）`;
    },
  };
}

function gitlabHost(env: NodeJS.ProcessEnv, token: string): Host {
  const project = `/projects/${encodeURIComponent(env.CI_PROJECT_ID ?? '')}`;
  const client = api('GitLab', env.CI_API_V4_URL!, { 'PRIVATE-TOKEN': token });
  const mr = Number(env.CI_MERGE_REQUEST_IID);
  const occasion: Occasion =
    mr > 0
      ? { kind: 'review', number: mr }
      : env.CI_COMMIT_BRANCH && env.CI_COMMIT_BRANCH === env.CI_DEFAULT_BRANCH
        ? { kind: 'main' }
        : { kind: 'other' };
  type Note = { id: number; body?: string; system?: boolean };
  type Issue = { iid: number; title: string };
  return {
    api: client,
    occasion,
    async comment(number, body) {
      const notes = await client.call<Note[]>('GET', `${project}/merge_requests/${number}/notes?per_page=100&sort=asc`);
      const mine = notes.find((n) => !n.system && n.body?.includes(COMMENT_MARKER));
      if (mine) {
        await client.call('PUT', `${project}/merge_requests/${number}/notes/${mine.id}`, { body });
        return `已更新合并请求 !${number} 的报告评论`;
      }
      await client.call('POST', `${project}/merge_requests/${number}/notes`, { body });
      return `已在合并请求 !${number} 发表报告评论`;
    },
    async issue(status, body) {
      const search = encodeURIComponent(FAILURE_ISSUE_TITLE);
      const open = await client.call<Issue[]>('GET', `${project}/issues?state=opened&in=title&search=${search}&per_page=100`);
      const mine = open.find((i) => i.title === FAILURE_ISSUE_TITLE);
      if (status === 'failed') {
        if (mine) {
          await client.call('PUT', `${project}/issues/${mine.iid}`, { description: body });
          return `已更新问题 #${mine.iid}（${FAILURE_ISSUE_TITLE}）`;
        }
        const created = await client.call<Issue>('POST', `${project}/issues`, { title: FAILURE_ISSUE_TITLE, description: body });
        return `已新建问题 #${created.iid}（${FAILURE_ISSUE_TITLE}）`;
      }
      if (!mine) return undefined;
      await client.call('POST', `${project}/issues/${mine.iid}/notes`, { body: `${CLOSING_NOTE}\n\n${body}` });
      await client.call('PUT', `${project}/issues/${mine.iid}`, { state_event: 'close' });
      return `已关闭问题 #${mine.iid}（网站生成已恢复）`;
    },
  };
}

function hostOf(env: NodeJS.ProcessEnv, token: string): Host | undefined {
  if (env.CI_API_V4_URL && env.CI_PROJECT_ID) return gitlabHost(env, token);
  if (env.GITHUB_API_URL && env.GITHUB_REPOSITORY) return githubHost(env, token);
  return undefined;
}

export interface PostOutcome {
  /** What was done, for the log. */
  done: string[];
  /** What could not be done, in Chinese, for stderr. */
  problems: string[];
}

export async function postReport(env: NodeJS.ProcessEnv = process.env): Promise<PostOutcome> {
  const outcome: PostOutcome = { done: [], problems: [] };
  const file = env.SITE_REPORT?.trim();
  if (!file) {
    outcome.problems.push('没有设置 SITE_REPORT，没有报告可发。');
    return outcome;
  }
  if (!existsSync(file)) {
    outcome.problems.push(`没有找到报告 ${file}：生成可能在写报告之前就被中断了，请查看上一步的日志。`);
    return outcome;
  }
  const report = readFileSync(file, 'utf8');
  const status = new RegExp(`^<!-- ${REPORT_MARKER} status=(passed|failed) -->`).exec(report)?.[1] as ReportStatus | undefined;
  if (!status) {
    outcome.problems.push(`${file} 不是网站生成的报告（第一行没有 <!-- ${REPORT_MARKER} status=… -->），没有发出。`);
    return outcome;
  }
  if (env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(env.GITHUB_STEP_SUMMARY, `${report}\n`);
      outcome.done.push('报告已写入任务摘要');
    } catch (error) {
      outcome.problems.push(`报告没有写入任务摘要（${error instanceof Error ? error.message : String(error)}）。`);
    }
  }
  const token = env.REPORT_TOKEN || env.GITHUB_TOKEN;
  const host = token ? hostOf(env, token) : undefined;
  if (!host) {
    if (!token && (env.CI_API_V4_URL || env.GITHUB_API_URL))
      outcome.problems.push('没有设置 REPORT_TOKEN（或 GITHUB_TOKEN），报告没有发到评论或问题里。');
    else if (outcome.done.length === 0) outcome.done.push(`不在 CI 里运行，报告没有发出，留在 ${file}`);
    return outcome;
  }
  const body = `${COMMENT_MARKER}\n${report}`;
  try {
    const { occasion } = host;
    if (occasion.kind === 'review') outcome.done.push(await host.comment(occasion.number, body));
    else if (occasion.kind === 'main') {
      const done = await host.issue(status, body);
      if (done) outcome.done.push(done);
    }
  } catch (error) {
    const why = error instanceof PostError ? error.message : `程序出错：${faultSummary(error)}`;
    outcome.problems.push(`报告没有发出：${why}。这不影响网站生成的结果。`);
  }
  return outcome;
}
