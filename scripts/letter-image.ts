/**
 * `npm run letter-image -- <letter> --school 第三中学 [--school …] [--out 文件夹]`
 * Makes a school's own long image of a parent letter: the school's name above
 * the title and in the signature, the same QR code to the letter's page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '#/lib/gate/check-content.ts';
import { validEntries } from '#/lib/gate/entries.ts';
import { ContentProblemsError } from '#/lib/gate/problem.ts';
import { contentDir, displayPath, loadSettings } from '#/lib/site/settings.ts';
import { slugify } from '#/lib/core/slug.ts';
import { letterInputs, type LetterSource } from '#/og/letter-inputs.ts';
import { cachedPng } from '#/og/render.ts';

const USAGE = '用法：npm run letter-image -- 信件文件名 --school 学校名称 [--school 学校名称…] [--out 输出文件夹]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { school: { type: 'string', multiple: true, default: [] }, out: { type: 'string', default: 'letter-images' } },
  });
  const [id] = positionals;
  const schools = (values.school as string[]).map((s) => s.trim()).filter(Boolean);
  if (!id || schools.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const settings = loadSettings();
  const { entries } = checkContent(contentDir(), settings);
  const letters = validEntries(entries, 'letters');
  const letter = letters.find((e) => e.id === id);
  if (!letter) {
    console.error(`找不到信件“${id}”。现有信件：${letters.map((l) => l.id).join('、')}\n${USAGE}`);
    return 2;
  }
  const source: LetterSource = { id, data: letter.data, body: letter.body };
  mkdirSync(values.out as string, { recursive: true });
  for (const school of schools) {
    const inputs = letterInputs(source, settings, school);
    const png = await cachedPng({ kind: 'letter', inputs });
    const file = path.join(values.out as string, `${id}-${slugify(school) || 'school'}.png`);
    writeFileSync(file, png);
    console.log(`${school}：${displayPath(path.resolve(file))}`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof ContentProblemsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
