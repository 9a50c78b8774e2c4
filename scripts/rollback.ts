/**
 * `npm run rollback`: points the site on `DEPLOY_TARGET` back at the release
 * before the live one, or at `DEPLOY_RELEASE=<id>` (src/lib/build/deploy.ts).
 */
import { DeployError, rollback, targetFromEnv } from '#/lib/build/deploy.ts';

try {
  const { target } = targetFromEnv(process.env);
  await rollback(target, process.env.DEPLOY_RELEASE || undefined, (line) => console.log(line));
} catch (error) {
  console.error(error instanceof DeployError ? error.message : `回滚出错：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
