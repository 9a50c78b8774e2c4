/**
 * `npm run check`: the content gate alone, without rendering the site.
 * Prints every problem, one per line, and exits 1 if any is an error.
 */
import { checkContent } from '../src/lib/gate/check-content.ts';
import { ContentProblemsError, formatProblem, sortProblems } from '../src/lib/gate/problem.ts';
import { contentDir, displayPath, loadSettings } from '../src/lib/settings.ts';

function main(): number {
  const dir = contentDir();
  let settings;
  try {
    settings = loadSettings(dir);
  } catch (error) {
    if (!(error instanceof ContentProblemsError)) throw error;
    console.error(error.message);
    return 1;
  }
  const { problems, entries } = checkContent(dir, settings);
  for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    console.error(`\n共 ${errors} 处错误需要修改（${displayPath(dir)}，${entries.length} 个文件）。`);
    return 1;
  }
  console.log(`内容检查通过：${displayPath(dir) || '.'} 下 ${entries.length} 个文件。`);
  return 0;
}

process.exitCode = main();
