/** `npm run new` names files from the title's pinyin, without clashes (the CLI itself: tests/cli/new.test.ts). */
import { describe, expect, it } from 'vitest';
import { newEntryName } from '#/lib/content/new-entry.ts';

describe('file names from titles', () => {
  const none = new Set<string>();

  it('uses pinyin, keeps Latin letters and digits, and is dated for news', () => {
    expect(newEntryName('news', '我市启动春季禁毒流动课堂', '2024-03-05', none)).toBe(
      '2024-03-05-wo-shi-qi-dong-chun-ji-jin-du-liu-dong-ke-tang',
    );
    expect(newEntryName('news', '我市启动春季禁毒流动课堂宣传活动暨总结会', '2024-03-05', none).split('-').length).toBe(3 + 12); // twelve syllables at most
    expect(newEntryName('topics', '“上头电子烟”App 2024 版', '2024-03-05', none)).toBe('shang-tou-dian-zi-yan-app-2024-ban');
    expect(newEntryName('bases', 'ＡＢＣ基地', '2024-03-05', none)).toBe('abc-ji-di');
  });

  it('adds -2, -3 on a clash', () => {
    const taken = new Set(['jin-du-zhi-shi', 'jin-du-zhi-shi-2']);
    expect(newEntryName('topics', '禁毒知识', '2024-03-05', taken)).toBe('jin-du-zhi-shi-3');
  });

  it('falls back to the type when the title has no letters', () => {
    expect(newEntryName('topics', '！！！', '2024-03-05', none)).toBe('topics');
  });
});
