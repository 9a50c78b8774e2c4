/**
 * `npm run post-report` as CI runs it, against a local HTTP server on 127.0.0.1 that
 * plays the GitHub, Gitea and GitLab APIs (comments and issues kept in memory, every
 * request recorded): one comment per merge request, updated rather than repeated; the
 * main branch's failure issue opened, updated, then closed by a passing build; the job
 * summary appended; and exit code 0 with a Chinese message when the API fails.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderReport } from '#/lib/build/report.ts';
import { ROOT } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'post-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const failedReport = renderReport({
  command: 'build',
  today: '2026-11-28',
  problems: [
    {
      file: 'content/news/a.md',
      line: 3,
      field: 'date',
      message: '日期不存在：2025-06-31（请使用真实日期，如 2025-06-30）',
      severity: 'error',
    },
  ],
});
const passedReport = renderReport({
  command: 'build',
  today: '2026-11-29',
  problems: [],
  published: { byType: [{ type: '新闻', count: 2 }], scheduled: [], drafts: [] },
});
const TITLE = '网站生成失败：内容需要修改';

interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body?: Record<string, unknown>;
}

/** The hosts' state: comments and notes per thread, issues, and what was asked. */
const state = {
  requests: [] as Recorded[],
  comments: new Map<string, { id: number; body: string; system?: boolean }[]>(),
  issues: [] as { number: number; title: string; body: string; state: string; pull_request?: object }[],
  failWith: 0,
  nextId: 100,
};

function reply(status: number, value: unknown) {
  return { status, value };
}

/** GitHub's routes (Gitea's are the same under /api/v1) and GitLab's, on one server. */
function route(method: string, url: URL, body: Record<string, unknown> | undefined): { status: number; value: unknown } {
  const p = url.pathname.replace(/^\/api\/v1/, '');
  let m: RegExpExecArray | null;
  const thread = (key: string) => state.comments.get(key) ?? state.comments.set(key, []).get(key)!;
  if ((m = /^\/repos\/office\/site\/issues\/(\d+)\/comments$/.exec(p))) {
    if (method === 'GET') return reply(200, thread(`gh-${m[1]}`));
    const comment = { id: state.nextId++, body: String(body!.body) };
    thread(`gh-${m[1]}`).push(comment);
    const issue = state.issues.find((i) => i.number === Number(m![1]));
    if (issue) issue.body += `\n[comment] ${comment.body}`;
    return reply(201, comment);
  }
  if ((m = /^\/repos\/office\/site\/issues\/comments\/(\d+)$/.exec(p)) && method === 'PATCH') {
    const comment = [...state.comments.values()].flat().find((c) => c.id === Number(m![1]))!;
    comment.body = String(body!.body);
    return reply(200, comment);
  }
  if (p === '/repos/office/site/issues') {
    if (method === 'GET')
      return reply(
        200,
        state.issues.filter((i) => i.state === 'open'),
      );
    const issue = { number: state.nextId++, title: String(body!.title), body: String(body!.body), state: 'open' };
    state.issues.push(issue);
    return reply(201, issue);
  }
  if ((m = /^\/repos\/office\/site\/issues\/(\d+)$/.exec(p)) && method === 'PATCH') {
    const issue = state.issues.find((i) => i.number === Number(m![1]))!;
    Object.assign(issue, body);
    return reply(200, issue);
  }
  // GitLab.
  if ((m = /^\/api\/v4\/projects\/42\/merge_requests\/(\d+)\/notes$/.exec(p))) {
    if (method === 'GET') return reply(200, thread(`gl-${m[1]}`));
    const note = { id: state.nextId++, body: String(body!.body) };
    thread(`gl-${m[1]}`).push(note);
    return reply(201, note);
  }
  if ((m = /^\/api\/v4\/projects\/42\/merge_requests\/(\d+)\/notes\/(\d+)$/.exec(p)) && method === 'PUT') {
    const note = thread(`gl-${m[1]}`).find((n) => n.id === Number(m![2]))!;
    note.body = String(body!.body);
    return reply(200, note);
  }
  if (p === '/api/v4/projects/42/issues') {
    if (method === 'GET') {
      const search = url.searchParams.get('search') ?? '';
      return reply(
        200,
        state.issues.filter((i) => i.state === 'opened' && i.title.includes(search)).map((i) => ({ iid: i.number, title: i.title })),
      );
    }
    const issue = { number: state.nextId++, title: String(body!.title), body: String(body!.description), state: 'opened' };
    state.issues.push(issue);
    return reply(201, { iid: issue.number, title: issue.title });
  }
  if ((m = /^\/api\/v4\/projects\/42\/issues\/(\d+)\/notes$/.exec(p)) && method === 'POST') {
    const issue = state.issues.find((i) => i.number === Number(m![1]))!;
    issue.body += `\n[note] ${String(body!.body)}`;
    return reply(201, { id: state.nextId++ });
  }
  if ((m = /^\/api\/v4\/projects\/42\/issues\/(\d+)$/.exec(p)) && method === 'PUT') {
    const issue = state.issues.find((i) => i.number === Number(m![1]))!;
    if (body!.description !== undefined) issue.body = String(body!.description);
    if (body!.state_event === 'close') issue.state = 'closed';
    return reply(200, { iid: issue.number, title: issue.title });
  }
  return reply(404, { message: 'Not Found' });
}

let server: Server;
let base = '';
let files = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
      state.requests.push({ method: req.method!, path: `${url.pathname}${url.search}`, headers: req.headers, body });
      const { status, value } = state.failWith
        ? reply(state.failWith, { message: 'Internal Server Error' })
        : route(req.method!, url, body);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  state.requests = [];
  state.comments.clear();
  state.issues = [];
  state.failWith = 0;
});

/** Runs the command as CI does (asynchronously: the server answers in this process). */
function postReport(report: string | undefined, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = path.join(work, `report-${files++}.md`);
  if (report !== undefined) writeFileSync(file, report);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|GITEA_|CI_|REPORT_TOKEN)/.test(k)));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts/post-report.ts')],
      { env: { ...clean, SITE_REPORT: file, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

function githubEnv(event: object, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const eventPath = path.join(work, `event-${files++}.json`);
  writeFileSync(eventPath, JSON.stringify(event));
  return { GITHUB_API_URL: base, GITHUB_REPOSITORY: 'office/site', GITHUB_EVENT_PATH: eventPath, REPORT_TOKEN: 'secret-token', ...extra };
}

const writes = () => state.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

describe('GitHub and Gitea', () => {
  it('keeps one marked comment on a pull request, updated on the next run, and appends each report to the job summary', async () => {
    const summary = path.join(work, 'summary.md');
    writeFileSync(summary, '前面的步骤\n');
    state.comments.set('gh-7', [{ id: 1, body: '一位同事的评论：<!-- 不是报告 -->' }]);
    const env = githubEnv(
      { pull_request: { number: 7 }, repository: { default_branch: 'main' } },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_STEP_SUMMARY: summary,
      },
    );
    const first = await postReport(failedReport, env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('已在合并请求 #7 发表报告评论');
    const second = await postReport(passedReport, env);
    expect(second.stdout).toContain('已更新合并请求 #7 的报告评论');

    expect(state.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /repos/office/site/issues/7/comments',
      'POST /repos/office/site/issues/7/comments',
      'GET /repos/office/site/issues/7/comments',
      `PATCH /repos/office/site/issues/comments/${state.comments.get('gh-7')![1]!.id}`,
    ]);
    for (const r of state.requests) {
      expect(r.headers.authorization).toBe('token secret-token');
      expect(r.headers.accept).toBe('application/vnd.github+json');
      if (r.method !== 'GET') expect(r.headers['content-type']).toBe('application/json');
    }
    expect(state.requests[1]!.body).toEqual({ body: `<!-- jindu-report -->\n${failedReport}` });
    expect(state.requests[3]!.body).toEqual({ body: `<!-- jindu-report -->\n${passedReport}` });
    // Two comments: the colleague's, untouched, and the one report.
    expect(state.comments.get('gh-7')!.map((c) => c.body)).toEqual([
      '一位同事的评论：<!-- 不是报告 -->',
      `<!-- jindu-report -->\n${passedReport}`,
    ]);
    expect(readFileSync(summary, 'utf8')).toBe(`前面的步骤\n${failedReport}\n${passedReport}\n`);
  });

  it('opens one failure issue on the main branch, updates it while builds fail, and closes it when one passes', async () => {
    // GitHub lists pull requests among issues: one with the same title is not the issue.
    state.issues.push({ number: 5, title: TITLE, body: '一个合并请求', state: 'open', pull_request: {} });
    const env = githubEnv(
      { repository: { default_branch: 'main' } },
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' },
    );
    expect((await postReport(failedReport, env)).stdout).toContain(`已新建问题 #`);
    expect((await postReport(failedReport.replace('2025-06-31', '2025-06-32'), env)).stdout).toContain('已更新问题');
    const issue = state.issues.find((i) => !i.pull_request)!;
    expect(issue).toMatchObject({ title: TITLE, state: 'open' });
    expect(issue.body).toContain('2025-06-32');
    const scheduled = githubEnv({}, { GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main' });
    expect((await postReport(passedReport, scheduled)).stdout).toContain(`已关闭问题 #${issue.number}`);
    expect(issue.state).toBe('closed');
    expect(issue.body).toContain('[comment] ✅ 网站已重新生成成功');
    // A later passing build has nothing to close.
    const quiet = await postReport(passedReport, scheduled);
    expect(quiet).toMatchObject({ code: 0, stderr: '' });
    expect(writes()).toEqual([
      'POST /repos/office/site/issues',
      `PATCH /repos/office/site/issues/${issue.number}`,
      `POST /repos/office/site/issues/${issue.number}/comments`,
      `PATCH /repos/office/site/issues/${issue.number}`,
    ]);
    expect(state.requests.find((r) => r.method === 'POST' && r.path === '/repos/office/site/issues')!.body).toEqual({
      title: TITLE,
      body: `<!-- jindu-report -->\n${failedReport}`,
    });
    expect(state.requests.at(-2)!.body).toEqual({ state: 'closed' });
    expect(state.issues.find((i) => i.number === 5)!.state).toBe('open');
  });

  it('posts nothing for a branch that is not the main one', async () => {
    const env = githubEnv({ repository: { default_branch: 'main' } }, { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature' });
    expect(await postReport(failedReport, env)).toMatchObject({ code: 0, stderr: '' });
    expect(state.requests).toEqual([]);
  });

  it('speaks to Gitea under /api/v1 with the same paths', async () => {
    const env = githubEnv(
      { number: 3, pull_request: { number: 3 } },
      {
        GITHUB_API_URL: `${base}/api/v1`,
        GITEA_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_TOKEN: 'gitea-token',
        REPORT_TOKEN: '',
      },
    );
    expect((await postReport(failedReport, env)).stdout).toContain('已在合并请求 #3 发表报告评论');
    expect(state.requests.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.headers.authorization}`)).toEqual([
      'GET /api/v1/repos/office/site/issues/3/comments token gitea-token',
      'POST /api/v1/repos/office/site/issues/3/comments token gitea-token',
    ]);
  });
});

describe('GitLab', () => {
  const gitlab = (extra: NodeJS.ProcessEnv) => ({
    CI_API_V4_URL: `${base}/api/v4`,
    CI_PROJECT_ID: '42',
    REPORT_TOKEN: 'gl-token',
    CI_DEFAULT_BRANCH: 'main',
    ...extra,
  });

  it('keeps one marked note on a merge request, with the PRIVATE-TOKEN header', async () => {
    state.comments.set('gl-9', [{ id: 1, body: '系统消息 <!-- jindu-report -->', system: true }]);
    await postReport(failedReport, gitlab({ CI_MERGE_REQUEST_IID: '9' }));
    const second = await postReport(passedReport, gitlab({ CI_MERGE_REQUEST_IID: '9' }));
    expect(second.stdout).toContain('已更新合并请求 !9 的报告评论');
    expect(state.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /api/v4/projects/42/merge_requests/9/notes',
      'POST /api/v4/projects/42/merge_requests/9/notes',
      'GET /api/v4/projects/42/merge_requests/9/notes',
      'PUT /api/v4/projects/42/merge_requests/9/notes/' + String(state.comments.get('gl-9')![1]!.id),
    ]);
    expect(state.requests.every((r) => r.headers['private-token'] === 'gl-token' && !r.headers.authorization)).toBe(true);
    expect(state.comments.get('gl-9')!.map((n) => n.body)).toEqual([
      '系统消息 <!-- jindu-report -->',
      `<!-- jindu-report -->\n${passedReport}`,
    ]);
  });

  it('opens the failure issue on the default branch and closes it with a note when a build passes', async () => {
    const main = gitlab({ CI_COMMIT_BRANCH: 'main' });
    expect((await postReport(failedReport, main)).stdout).toContain('已新建问题 #');
    const issue = state.issues[0]!;
    expect((await postReport(failedReport, main)).stdout).toContain(`已更新问题 #${issue.number}`);
    expect((await postReport(passedReport, main)).stdout).toContain(`已关闭问题 #${issue.number}`);
    expect(issue.state).toBe('closed');
    expect(writes()).toEqual([
      'POST /api/v4/projects/42/issues',
      `PUT /api/v4/projects/42/issues/${issue.number}`,
      `POST /api/v4/projects/42/issues/${issue.number}/notes`,
      `PUT /api/v4/projects/42/issues/${issue.number}`,
    ]);
    expect(state.requests[1]!.body).toEqual({ title: TITLE, description: `<!-- jindu-report -->\n${failedReport}` });
    expect(state.requests.at(-1)!.body).toEqual({ state_event: 'close' });
    expect(new URL(state.requests[0]!.path, base).searchParams.get('search')).toBe(TITLE);
  });
});

describe('never fails the job', () => {
  it('exits 0 with a Chinese message when the API answers 500, after writing the job summary', async () => {
    state.failWith = 500;
    const summary = path.join(work, 'summary-500.md');
    const env = githubEnv({ pull_request: { number: 7 } }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_STEP_SUMMARY: summary });
    const result = await postReport(failedReport, env);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('报告没有发出：GitHub 的接口拒绝了请求');
    expect(result.stderr).toContain('HTTP 500');
    expect(result.stderr).toContain('这不影响网站生成的结果');
    expect(readFileSync(summary, 'utf8')).toBe(`${failedReport}\n`);
  });

  it('exits 0 with a Chinese message when the API cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await postReport(failedReport, {
      CI_API_V4_URL: `http://127.0.0.1:${port}/api/v4`,
      CI_PROJECT_ID: '42',
      CI_MERGE_REQUEST_IID: '9',
      REPORT_TOKEN: 't',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('报告没有发出：连接不上 GitLab 的接口');
  });

  it.each([
    { name: 'no report file', report: undefined, message: '没有找到报告' },
    { name: 'a file that is not a report', report: '# 别的东西\n', message: '不是网站生成的报告' },
  ])('exits 0 and posts nothing for $name', async ({ report, message }) => {
    const result = await postReport(report, githubEnv({ pull_request: { number: 7 } }, { GITHUB_EVENT_NAME: 'pull_request' }));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(message);
    expect(state.requests).toEqual([]);
  });

  it('says so when no token is set', async () => {
    const result = await postReport(
      failedReport,
      githubEnv({ pull_request: { number: 7 } }, { GITHUB_EVENT_NAME: 'pull_request', REPORT_TOKEN: '' }),
    );
    expect(result).toMatchObject({ code: 0 });
    expect(result.stderr).toContain('没有设置 REPORT_TOKEN');
    expect(state.requests).toEqual([]);
  });
});
