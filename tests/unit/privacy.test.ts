/**
 * The personal-data guard: every positive fixture caught, and ordinary
 * anti-drug news text (tests/fixtures/privacy/normal-text.txt) left alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalValue, findPersonalData, maskPersonalData, maskValue, type FindingKind } from '#/lib/privacy/detectors.ts';
import { idCheckDigit, isLegacyResidentId, isResidentId, passesLuhn } from '#/lib/privacy/id-card.ts';
import { personalDataProblems } from '#/lib/privacy/guard.ts';
import { lineLocator, normalizeForScan } from '#/lib/privacy/normalize.ts';

const YEAR = 2026;

/** A valid resident ID for a region and birth date (made up, check digit computed). */
const id = (region: string, birth: string, seq: string) => region + birth + seq + idCheckDigit(region + birth + seq);
/** A made-up card number with a valid Luhn digit. */
function card(prefix: string, length: number): string {
  const body = prefix.padEnd(length - 1, '7');
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}

/** 17 digits plus a last digit that is neither the ID check digit nor a valid Luhn digit. */
function notAnIdOrCard(first17: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = first17 + d;
    if (!isResidentId(candidate) && !passesLuhn(candidate)) return candidate;
  }
  throw new Error('unreachable');
}

const ID_A = id('460002', '19850612', '123');
const ID_B = id('110105', '19491231', '002');
const ID_C = id('440304', '20010228', '551');
const CARD_16 = card('622202', 16);
const CARD_19 = card('621700', 19);

/** Bidi isolates and embeddings, marks, zero-width characters, word joiner, BOM, soft hyphen. */
const INVISIBLES = [...'\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff\u00ad'];

const POSITIVES: [string, FindingKind][] = [
  [`身份证号：${ID_A}`, 'id-card'],
  [`公民身份号码${ID_B}，住址略`, 'id-card'],
  [`证件号 ${ID_A.slice(0, 6)} ${ID_A.slice(6, 14)} ${ID_A.slice(14)}`, 'id-card'],
  [`号码${ID_A.slice(0, 6)}-${ID_A.slice(6, 14)}-${ID_A.slice(14)}`, 'id-card'],
  [`全角：${ID_A.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`, 'id-card'],
  [`零宽：${[...ID_B].join('\u200b')}`, 'id-card'],
  [`末位小写x：${ID_B.toLowerCase()}`, 'id-card'],
  [`${ID_C}为其证件号码`, 'id-card'],
  ['旧证号460002850612123', 'legacy-id'],
  ['15位号码110105491231002已核实', 'legacy-id'],
  ['联系人手机13800138000', 'mobile'],
  ['电话：138 0013 8000', 'mobile'],
  ['电话：138-0013-8000', 'mobile'],
  ['+86 139 0898 1234', 'mobile'],
  ['8615912345678（微信同号）', 'mobile'],
  ['手机号码１８６０８９８１２３４', 'mobile'],
  [`银行卡号${CARD_16}`, 'bank-card'],
  [`卡号 ${CARD_19.replace(/(\d{4})(?=\d)/g, '$1 ')}`, 'bank-card'],
  ['车牌号琼A12345', 'plate'],
  ['驾驶琼A·12345号小车', 'plate'],
  ['粤B 8X2K9', 'plate'],
  ['新能源车琼AD12345', 'plate'],
  ['新能源车琼A12345F', 'plate'],
  ['吸毒人员王小明，男，35岁', 'named-person'],
  ['戒毒人员李强因复吸被送戒', 'named-person'],
  ['社戒社康人员：陈国华在社区报到', 'named-person'],
  ['复吸人员“黄志伟”被查获', 'named-person'],
  ['帮教对象欧阳明等三人', 'named-person'],
  ['涉毒人员周杰于3月被抓获', 'named-person'],
  ['犯罪嫌疑人符家明，男', 'named-person'],
  ['王小明（男，35岁）因吸毒被查获', 'name-profile'],
  ['张丽（女，28岁，嘉积镇人）', 'name-profile'],
  ['林志强(男,1989年出生)', 'name-profile'],
  // Mobiles in other clothes: any separator between groups, invisible characters between digits, a country code.
  ['138.7654.3210', 'mobile'],
  ['138–7654–3210', 'mobile'],
  ['138—7654—3210', 'mobile'],
  ['138－7654－3210', 'mobile'],
  ['138‐7654‐3210', 'mobile'],
  ['138·7654·3210', 'mobile'],
  ['138/7654/3210', 'mobile'],
  ['138\u00a07654\u00a03210', 'mobile'],
  ['138\u30007654\u30003210', 'mobile'],
  ['138 - 7654 - 3210', 'mobile'],
  ['1 3 8 7 6 5 4 3 2 1 0', 'mobile'],
  ['0086 138 7654 3210', 'mobile'],
  ['+86-138-7654-3210', 'mobile'],
  ['电话（+86）13876543210', 'mobile'],
  ...INVISIBLES.map((c): [string, FindingKind] => [`手机${[...'13876543210'].join(c)}`, 'mobile']),
  [`身份证${ID_A.slice(0, 6)}.${ID_A.slice(6, 14)}.${ID_A.slice(14)}`, 'id-card'],
  [`身份证${ID_A.slice(0, 6)}–${ID_A.slice(6, 14)}–${ID_A.slice(14)}`, 'id-card'],
  [`身份证${ID_B.slice(0, 6)}\u3000${ID_B.slice(6, 14)}\u3000${ID_B.slice(14)}`, 'id-card'],
  [`身份证${[...ID_B].join('\u2068')}`, 'id-card'],
  [`卡号${CARD_16.replace(/(\d{4})(?=\d)/g, '$1–')}`, 'bank-card'],
  [`卡号${CARD_19.replace(/(\d{4})(?=\d)/g, '$1\u00a0')}`, 'bank-card'],
  ['联系电话一三八七六五四三二一〇', 'mobile'],
  ['手机幺三八 七六五四 三二幺〇', 'mobile'],
  ['车牌 琼 A12345', 'plate'],
  ['车牌琼c12345', 'plate'],
  ['车牌琼a·12345', 'plate'],
  ['车牌 粤b-8x2k9', 'plate'],
];

describe('personal data guard: positives', () => {
  it.each(POSITIVES)('catches %s', (text, kind) => {
    expect(findPersonalData(text, YEAR).map((f) => f.kind)).toContain(kind);
  });

  it('has at least 60 positive fixtures', () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(60);
  });

  it('reports the number itself, whatever surrounds its digits', () => {
    for (const text of ['138.7654.3210', '+86 138\u20667654\u20693210', '0086-138-7654-3210']) {
      expect(findPersonalData(text, YEAR)).toMatchObject([{ kind: 'mobile', value: '13876543210' }]);
    }
    expect(findPersonalData('琼a·12345', YEAR)).toMatchObject([{ kind: 'plate', value: '琼A12345' }]);
  });

  it('finds an ID number glued to letters, once, but no mobile-like digits inside a longer word', () => {
    for (const text of ['/460002198506121235zhan.jpg', 'ID460002198506121235', 'x460002198506121235y', '号码460002198506121235。']) {
      expect(findPersonalData(text, YEAR).map((f) => f.kind)).toEqual(['id-card']);
    }
    expect(findPersonalData('身份证460002198506121235和460002198506121235abc', YEAR)).toHaveLength(2);
    // A checksum that fails, or digits in a share code, are not an ID.
    expect(findPersonalData('a460002198506121236b', YEAR)).toEqual([]);
    expect(findPersonalData('mp.weixin.qq.com/s/Ab13812345678Xy', YEAR)).toEqual([]);
  });
});

describe('personal data guard: stays quiet', () => {
  const corpus = readFileSync(new URL('../fixtures/privacy/normal-text.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim());

  it('finds nothing in 200+ sentences of ordinary anti-drug news text', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const alarms = corpus.flatMap((line) => findPersonalData(line, YEAR).map((f) => `${f.kind}: ${line}`));
    expect(alarms).toEqual([]);
  });

  it.each([
    ['masked name', '吸毒人员王某，男，35岁'],
    ['masked profile', '王某（男，35岁）被查获'],
    ['masked with stars', '戒毒人员陈＊＊已回归社会'],
    ['double 某', '犯罪嫌疑人张某某于3月落网'],
    ['sensitive word then a common word', '吸毒人员毛发检测1222人，戒毒人员管理规范'],
    ['masked given name', '社区戒毒人员符某明近日接受尿检'],
    ['masked with an ASCII star', '吸毒人员王*明被查获'],
    ['masked with XX', '吸毒人员王XX、李xx被查获'],
    ['masked before a role', '王某某系社区康复人员，陈某（女，30岁）系吸毒人员'],
    ['a pseudonym', '吸毒人员王明（化名）说，是家人的支持让他走了出来'],
    ['hotline', '举报电话110，政务服务热线12345'],
    ['landline', '咨询电话0898-62812345'],
    ['credit code', '统一社会信用代码12469002MB0123456X'],
    ['18 digits failing the check digit (and Luhn)', `编号${notAnIdOrCard(ID_A.slice(0, 17))}`],
    ['impossible birth date', `编号${id('460002', '19851332', '123')}`],
    ['16 digits failing Luhn', `单号${CARD_16.slice(0, 15)}${(Number(CARD_16[15]) + 1) % 10}`],
    ['ICP record', '琼ICP备12345678号'],
    ['police record', '琼公网安备46900202000123号'],
    ['a date range with dots and a dash', '活动时间为2024.03.01–2024.03.31'],
    ['a date range with hyphens', '报名时间2024-03-01—2024-03-31'],
    ['money', '支出1,380.76元，另付13,876,543.21元'],
    ['statistics', '全市共1380人参加，覆盖138,765人次，同比增长13.8%'],
    ['a landline with area code', '电话（0898）6281 2345'],
    ['a year list', '2021年、2022年、2023年连续三年获评优秀'],
    ['a plate-like word', '琼abcde'],
    ['a compact date range', '有效期20240301-20240331'],
    ['a year in Chinese numerals', '二〇二四年三月'],
    // Any office's places, without a list of them: what a place ending follows is a place.
    ['a town after a role word', '吸毒人员石壁镇的底数已全部核清，戒毒人员河西乡有3名'],
    ['a village after a role word', '社区康复人员王家村的帮扶小组'],
  ])('ignores %s', (_, text) => {
    expect(findPersonalData(text, YEAR)).toEqual([]);
  });
});

describe('identity numbers', () => {
  it('checks region, birth date and check digit', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491231002x')).toBe(true);
    expect(isResidentId('110105194912310021')).toBe(false); // check digit
    expect(isResidentId('99010519491231002X')).toBe(false); // region
    expect(isResidentId(id('110105', '19490230', '002'))).toBe(false); // date
    expect(isResidentId(id('110105', '20300101', '002'), 2026)).toBe(false); // future birth
    expect(isLegacyResidentId('110105491231002')).toBe(true);
    expect(isLegacyResidentId('110105491331002')).toBe(false);
  });

  it('knows Luhn', () => {
    expect(passesLuhn('4539578763621486')).toBe(true);
    expect(passesLuhn('4539578763621487')).toBe(false);
  });
});

describe('reporting', () => {
  it('finds the line of any offset, line ends included', () => {
    const lineAt = lineLocator('一\n二\n\n四');
    expect([0, 1, 2, 3, 4, 5, 6].map(lineAt)).toEqual([1, 1, 2, 2, 3, 4, 4]);
    expect(lineLocator('')(0)).toBe(1);
  });

  it('maps every character of the folded text back to where it was', () => {
    // Full-width digits fold one for one, U+200B vanishes, ㍿ folds into four characters.
    const { text, originOf } = normalizeForScan('ab４６\u200b０㍿c\n号');
    expect(text).toBe('ab460株式会社c\n号');
    expect([...text].map((_, i) => originOf(i))).toEqual([0, 1, 2, 3, 5, 6, 6, 6, 6, 7, 8, 9]);
    expect(normalizeForScan('').text).toBe('');
  });

  it('masks every piece of personal data in a line, file names included', () => {
    const line = `content/news/13876543210.md 吸毒人员符海明近日接受尿检，身份证${ID_A}`;
    const masked = maskPersonalData(line);
    expect(masked).toBe(`content/news/1387*****10.md 吸毒人员符**近日接受尿检，身份证${maskValue(ID_A)}`);
    expect(maskPersonalData('content/news/2024-03-01-hui-yi.md 日期不存在')).toBe('content/news/2024-03-01-hui-yi.md 日期不存在');
    // Spans are the original text's, so folded or invisible characters are masked with the value around them.
    expect(maskPersonalData('手机１３８\u200b7654 3210。')).toBe('手机1387*****10。');
  });

  it('never prints the full value', () => {
    expect(maskValue('11010519491231002X')).toBe('1101************2X');
    expect(maskValue('13800138000')).toBe('1380*****00');
    expect(maskValue('王小明')).toBe('王**');
  });

  it('compares allowlisted values whatever separators and case they were written with', () => {
    const allow = new Set(['139–0000–0000', '琼a·12345'].map(canonicalValue));
    const text = '值班手机139 0000 0000，公务车琼A12345，另一部13800138000';
    const problems = personalDataProblems(text, 'x.md', allow, { latestYear: YEAR });
    expect(problems.map((p) => p.message.slice(0, 24))).toEqual(['疑似个人信息（手机号：1380*****00）。']);
  });

  it('gives the line and lets allowlisted values through', () => {
    const text = '第一行\n联系电话13800138000\n车牌琼A12345';
    const problems = personalDataProblems(text, 'x.md', new Set(['琼A12345']), { latestYear: YEAR, firstLine: 1 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'x.md', line: 2, severity: 'error' });
    expect(problems[0]!.message).toMatch(/^疑似个人信息（手机号：1380\*{5}00）/);
  });
});
