/**
 * `npm run deploy`: uploads the built site (`SITE_OUT_DIR`, default dist) to
 * `DEPLOY_TARGET` as a new release and switches the site to it
 * (src/lib/build/deploy.ts; docs/deploy.md for the server).
 */
import path from 'node:path';
import { deploy, DeployError, targetFromEnv } from '#/lib/build/deploy.ts';

try {
  const { target, keep } = targetFromEnv(process.env);
  const outDir = path.resolve(process.env.SITE_OUT_DIR || 'dist');
  const result = await deploy({ outDir, target, keep, checkout: process.cwd(), log: (line) => console.log(line) });
  console.log(
    `部署完成：releases/${result.id}，上传 ${result.filesSent} 个文件（${(result.bytesSent / 1024).toFixed(0)} KB），` +
      `其余与上一版相同的文件用硬链接；保留上一版的带哈希文件 ${result.carried} 个；用时 ${result.seconds.toFixed(1)} 秒。`,
  );
} catch (error) {
  console.error(error instanceof DeployError ? error.message : `部署出错：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
