/**
 * The editing guide's example files are themselves valid: each complete
 * example in content/README.md passes the content gate when saved under the
 * name the guide gives it (“完整示例（`content/news/….md`）”); the examples
 * refer to one another, as real files would.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { COLLECTION_NAMES } from '#/schemas/index.ts';

const guide = readFileSync(path.resolve('content/README.md'), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'guide-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The ```markdown block after each “完整示例（`content/<type>/<name>.md`）” line. */
function examples(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const lines = guide.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const named = /完整示例（`content\/([a-z]+\/[a-z0-9-]+\.md)`）/.exec(lines[i]!);
    if (!named) continue;
    const start = lines.indexOf('```markdown', i);
    const end = lines.indexOf('```', start + 1);
    found.push({ file: named[1]!, text: lines.slice(start + 1, end).join('\n') + '\n' });
    i = end;
  }
  return found;
}

it('has a valid complete example for every content type', () => {
  const blocks = examples();
  expect(new Set(blocks.map((b) => b.file.split('/')[0]))).toEqual(new Set(COLLECTION_NAMES));
  const dir = path.join(work, 'content');
  cpSync(path.resolve('content'), dir, { recursive: true });
  for (const { file, text } of blocks) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const { problems } = checkContent(dir, loadSettings(dir, {}));
  expect(problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`)).toEqual([]);
});
