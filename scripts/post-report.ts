/**
 * `npm run post-report`: posts the report `npm run build` wrote (`SITE_REPORT`) where
 * staff look: the job summary, the merge request's comment, the main branch's
 * failure issue (src/lib/build/report-post.ts). Run after the build whether it
 * passed or not; it exits 0 whatever happens, saying on stderr what it could not do.
 */
import { faultSummary } from '#/lib/gate/problem.ts';
import { postReport } from '#/lib/build/report-post.ts';

try {
  const { done, problems } = await postReport();
  for (const line of done) console.log(line);
  for (const line of problems) console.error(line);
} catch (error) {
  console.error(`报告没有发出：程序出错（${faultSummary(error)}）。这不影响网站生成的结果。`);
}
process.exitCode = 0;
