/**
 * Chinese surnames: the 百家姓 (single and compound), modern common ones it
 * lacks (肖, 付, 覃 …) and those common in Hainan (符, 云, 麦, 吉, 羊, 冼 …).
 * Split by how often the character also starts an ordinary word: after a role
 * word, a name with a `COMMON` surname needs no further evidence; one with any
 * other surname must be followed by something that ends a name (a verb, 被, 因, punctuation).
 */

/** Frequent surnames that seldom start an ordinary word after 吸毒人员 and the like. */
export const COMMON_SURNAMES = new Set(
  [
    ...'王李张刘陈杨赵吴徐孙朱胡郭何罗郑梁谢宋唐韩冯邓曹彭肖董袁潘蒋蔡魏吕丁沈姚卢姜崔钟谭汪廖贾韦邹孟熊秦邱尹薛闫',
    ...'段雷侯陶郝龚邵覃符云麦吉羊冼邢蒙岑柯庄卓欧祝骆凌霍阮梅聂栾滕殷裴钮葛饶施傅邝练植揭赖柴翁谷甘倪樊褚卫戚喻',
    ...'窦章奚鲍酆岳涂佟邬湛祁禹狄臧茅庞屈项闵娄颜刁虞昝缪荀芮羿靳邴糜焦郦雍璩濮扈晏瞿阎茹慎廉蓝黎汤戴孔贺周黄马林许苏叶石金田夏范江史',
  ],
);

/** The rest of the 百家姓 singles and other surnames: also ordinary words (于, 时, 和, 高, 管 …). */
const OTHER_SURNAMES =
  '顾龙陆莫钱高余任方白毛万严武向温容文安康常于时和全管成明查程杜付曾关宣易游丰解简华鲁尚' +
  '牛宁水花凤俞柳费岑毕皮卞齐伍元卜平穆萧米贝计伏谈纪舒季麻强路危童盛支经房裘干应宗郁单杭洪包诸左嵇滑荣惠甄曲家' +
  '封储汲松井富巫乌巴弓牧隗山车宓蓬郗班仰秋仲伊宫仇暴钭厉戎祖景詹束幸司韶郜蓟薄印宿怀蒲邰从鄂索咸籍蔺屠池乔阴郁' +
  '胥能苍双闻莘党翟贡劳逄姬申扶堵冉宰桑桂寿通边燕冀郏浦农别充慕连习宦艾鱼古戈庾终暨居衡步都耿满弘匡国寇广禄阙东' +
  '殳沃利蔚越夔隆师巩厍晁勾敖融冷訾辛阚那空毋沙乜养鞠须巢蒯相后荆红竺权逯盖益桓公晋楚法汝鄢钦帅缑亢况佘佴墨哈谯' +
  '笪年爱阳言福区丘谌隋兰占邸官苟代但粟衣郇禤铁';

const ALL_SINGLE = new Set([...COMMON_SURNAMES, ...OTHER_SURNAMES]);

export const COMPOUND_SURNAMES = new Set([
  '万俟', '司马', '上官', '欧阳', '夏侯', '诸葛', '闻人', '东方', '赫连', '皇甫', '尉迟', '公羊', '澹台', '公冶', '宗政', '濮阳',
  '淳于', '单于', '太叔', '申屠', '公孙', '仲孙', '轩辕', '令狐', '钟离', '宇文', '长孙', '慕容', '鲜于', '闾丘', '司徒', '司空',
  '亓官', '司寇', '子车', '颛孙', '端木', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良', '拓跋', '夹谷', '宰父', '谷梁', '段干',
  '百里', '东郭', '南门', '呼延', '归海', '羊舌', '微生', '梁丘', '左丘', '东门', '西门', '南宫', '第五',
]);

/** Compound surnames that are also ordinary words (第五届, 百里挑一, 东方红). */
const WORDLIKE_COMPOUNDS = new Set(['东方', '百里', '第五', '东门', '西门', '南门', '南宫', '长孙', '单于', '乐正', '公良', '夹谷', '公西']);

/** Length of the surname starting at `i` (2 for 欧阳, 1 for 王), 0 when none; `common` for COMMON_SURNAMES and compounds. */
export function surnameAt(text: string, i: number): { length: number; common: boolean } {
  const two = text.slice(i, i + 2);
  if (COMPOUND_SURNAMES.has(two)) return { length: 2, common: !WORDLIKE_COMPOUNDS.has(two) };
  const char = text[i] ?? '';
  return ALL_SINGLE.has(char) ? { length: 1, common: COMMON_SURNAMES.has(char) } : { length: 0, common: false };
}
