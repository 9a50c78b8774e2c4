/**
 * Chinese surnames: the 百家姓 (single and compound), modern common ones it
 * lacks (肖, 付, 覃 …) and those common in Hainan (符, 云, 麦, 吉, 羊, 冼 …).
 * Split by how often the character also starts an ordinary word: after a role
 * word, a name with a `COMMON` surname needs no further evidence; one with any
 * other surname must be followed by something that ends a name (a verb, 被, 因, punctuation).
 */

/** Frequent surnames that seldom start an ordinary word after 吸毒人员 and the like. */
export const COMMON_SURNAMES = new Set([
  ...'王李张刘陈杨赵吴徐孙朱胡郭何罗郑梁谢宋唐韩冯邓曹彭肖董袁潘蒋蔡魏吕丁沈姚卢姜崔钟谭汪廖贾韦邹孟熊秦邱尹薛闫',
  ...'段雷侯陶郝龚邵覃符云麦吉羊冼邢蒙岑柯庄卓欧祝骆凌霍阮梅聂栾滕殷裴钮葛饶施傅邝练植揭赖柴翁谷甘倪樊褚卫戚喻',
  ...'窦章奚鲍酆岳涂佟邬湛祁禹狄臧茅庞屈项闵娄颜刁虞昝缪荀芮羿靳邴糜焦郦雍璩濮扈晏瞿阎茹慎廉蓝黎汤戴孔贺周黄马林许苏叶石金田夏范江史',
]);

/** The rest of the 百家姓 singles and other surnames: also ordinary words (于, 时, 和, 高, 管 …). */
const OTHER_SURNAMES =
  '顾龙陆莫钱高余任方白毛万严武向温容文安康常于时和全管成明查程杜付曾关宣易游丰解简华鲁尚' +
  '牛宁水花凤俞柳费岑毕皮卞齐伍元卜平穆萧米贝计伏谈纪舒季麻强路危童盛支经房裘干应宗郁单杭洪包诸左嵇滑荣惠甄曲家' +
  '封储汲松井富巫乌巴弓牧隗山车宓蓬郗班仰秋仲伊宫仇暴钭厉戎祖景詹束幸司韶郜蓟薄印宿怀蒲邰从鄂索咸籍蔺屠池乔阴郁' +
  '胥能苍双闻莘党翟贡劳逄姬申扶堵冉宰桑桂寿通边燕冀郏浦农别充慕连习宦艾鱼古戈庾终暨居衡步都耿满弘匡国寇广禄阙东' +
  '殳沃利蔚越夔隆师巩厍晁勾敖融冷訾辛阚那空毋沙乜养鞠须巢蒯相后荆红竺权逯盖益桓公晋楚法汝鄢钦帅缑亢况佘佴墨哈谯' +
  '笪年爱阳言福区丘谌隋兰占邸官苟代但粟衣郇禤铁';

const ALL_SINGLE = new Set([...COMMON_SURNAMES, ...OTHER_SURNAMES]);

// prettier-ignore
export const COMPOUND_SURNAMES = new Set([
  '万俟', '司马', '上官', '欧阳', '夏侯', '诸葛', '闻人', '东方', '赫连', '皇甫', '尉迟', '公羊', '澹台', '公冶', '宗政', '濮阳',
  '淳于', '单于', '太叔', '申屠', '公孙', '仲孙', '轩辕', '令狐', '钟离', '宇文', '长孙', '慕容', '鲜于', '闾丘', '司徒', '司空',
  '亓官', '司寇', '子车', '颛孙', '端木', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良', '拓跋', '夹谷', '宰父', '谷梁', '段干',
  '百里', '东郭', '南门', '呼延', '归海', '羊舌', '微生', '梁丘', '左丘', '东门', '西门', '南宫', '第五',
]);

/** Compound surnames that are also ordinary words (第五届, 百里挑一, 东方红). */
// prettier-ignore
const WORDLIKE_COMPOUNDS = new Set(['东方', '百里', '第五', '东门', '西门', '南门', '南宫', '长孙', '单于', '乐正', '公良', '夹谷', '公西']);

/** Length of the surname starting at `i` (2 for 欧阳, 1 for 王), 0 when none; `common` for COMMON_SURNAMES and compounds. */
export function surnameAt(text: string, i: number): { length: number; common: boolean } {
  const two = text.slice(i, i + 2);
  if (COMPOUND_SURNAMES.has(two)) return { length: 2, common: !WORDLIKE_COMPOUNDS.has(two) };
  const char = text[i] ?? '';
  return ALL_SINGLE.has(char) ? { length: 1, common: COMMON_SURNAMES.has(char) } : { length: 0, common: false };
}

/**
 * Characters common in given names (伟, 芳, 海, 明 …). When nothing known ends a
 * name, its length is read from these: 林伟|骑摩托车, 符海明|逃往.
 */
export const GIVEN_NAME_CHARS = new Set([
  ...'芹麟卿琴琬婵骞彧昱晞岑澈煦珩玥琨瑭璞璨翎蔚豫锴霓',
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰梅林海波华玉红辉鹏宇飞云龙凤燕萍玲婷雪慧莉琳晶颖倩丹蕾薇菲佳嘉欣怡悦晓小春夏秋冬',
  ...'东南西北国家建志文武德贤仁义礼智信忠孝福禄寿喜财宝金银铁钢山水石松柏竹菊荷莲花叶青翠碧蓝紫白光亮阳晨旭日月星辰天宏鸿浩瀚博广大中',
  ...'正成功荣耀祖宗永长久远安康宁泰乐和顺利兴旺盛达富贵庆祥瑞吉意美善真诚爱心思念梦诗书画琴棋雅韵清淑贞娴惠婉柔珍珠琼瑶璐琪瑾瑜璇钰铭',
  ...'锋锐鑫森淼焱品众俊峰岭峻崇川江河湖浪潮洪涵润泽沛源渊深然斌彬杉桐楠梓樱桃杏芝芸芬茂茜莎莹萱蓉蔚蕊虹蝶鸣鹤鹰雁骏驰腾翔翼羽豪雄帅健',
  ...'壮毅坚猛威胜凯旋捷迅聪睿哲良厚廉洁谦逊恭敬睦宽容立新民生兵卫革跃援朝学伦俐娇媛媚嫣妮姗姣娥妹姝娅婕婧嫦霖霏露霜霆雷震电风雯雨晴晖',
  ...'晗晟景曦曼朗朋杭杨栋树格桦梁楷榕槐檀权欢毓汉汐沁沐沙泉津洲浚涌淇淋渝湘溪滨潇澄澜灵炜炎烨焕煜熙燃爽琛璟环玮珊珂琦琰瑛瑷璋甜田甫男',
  ...'畅登皓盈益瞳祺祯禧秉科程穗竣章端笑笛筠箐简精素纯纲绍维绮缘群羡翊翰肖能舒航艇芃芊芙芮苑若茗茵荔荟菁萌葛蒂蓓蓬蔓蕙蘅虎彪豹迪逸遥邦',
  ...'都郁鉴钊钧铎锦阿陵隆霄靖韦韩韬韶颂飘飒馨馥驹骁骅高魁鲁鸥鹃黎默鼎齐龄冰凌凡函劲励勤勋升卓友双君吟周咏圣培基堂增士奇奕妍姿子孟季宜',
  ...'宣宪宸寒尊尚岚岩峥崧嵘州巧帆希年庭廷彤彦彩影征恒恩扬斐斯方昂昆昊昕昭晋晔暄曜朔柯梧楚歌汇池溢滔漫潘澍灿炫烁煊熠牧王玫珏珑瓒甘百皎',
  ...'研硕禹稳穆童筱米粤纬绿罗翘耘胤致舟艺苗茹莺萧裕誉谊贝赛越轩逍遂道钟钦锡镜闽陶隽项颜香鲲黛丰九乾亚京亭仕仪伊佑佩儒元全典凝',
]);
