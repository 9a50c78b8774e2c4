/**
 * Help services and a base's booking contact at the gate: a number must be a
 * public office line (never a mobile) or be marked as not yet published, a
 * town must be one of the site's, a town's station names its town and a
 * national number names none.
 */
import { describe, expect, it } from 'vitest';
import { useTempSite } from '../helpers/temp-site.ts';

const site = useTempSite();

/** A help service; `phone` is on line 5, `town` on line 4 when given. */
const service = (fields: Record<string, string>) =>
  site.write(
    'services/x.md',
    `---\n${Object.entries({
      name: '城关镇社区戒毒社区康复工作站',
      kind: '社区戒毒社区康复工作站',
      town: '城关镇',
      phone: '"0999-1234570"',
      offers: '[家属咨询]',
      ...fields,
    })
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n---\n`,
  );

const errors = () => site.report();

describe('a help service', () => {
  it('passes with a public office number, and as a national line with no town', () => {
    service({});
    site.write(
      'services/line.md',
      '---\nname: 12356 心理援助热线\nkind: 心理援助热线\nnational: true\nphone: "12356"\noffers: [心理疏导]\n---\n',
    );
    expect(errors()).toEqual([]);
  });

  it('refuses a personal mobile number, at its line', () => {
    service({ phone: '"13800138000"' });
    expect(errors()).toContainEqual(expect.stringMatching(/^services\/x\.md:5 phone 不能填写个人手机号，请填写单位办公电话/));
  });

  it('refuses a town that is not in site.yaml, listing the towns', () => {
    service({ town: '南湖镇' });
    expect(errors()).toEqual([expect.stringMatching(/^services\/x\.md:4 town .*只能是以下之一：城关镇、河西乡、北山镇/)]);
  });

  it('refuses a town’s station without its town', () => {
    service({ town: '' });
    expect(errors()).toEqual([expect.stringContaining('「社区戒毒社区康复工作站」要写所在的乡镇（town）')]);
  });

  it('refuses a national number with a town or an address', () => {
    service({ kind: '心理援助热线', national: 'true', phone: '"12356"' });
    expect(errors()).toEqual([expect.stringContaining('town 全国统一号码（national: true）不写乡镇和地址')]);
  });

  it('refuses a service with no number unless it is marked as not yet published', () => {
    service({ phone: '' });
    expect(errors()).toEqual([expect.stringContaining('请填写公开的办公电话')]);
    service({ phone: '', placeholder: 'true' });
    expect(errors()).toEqual([]);
  });
  it('refuses a file name the help page already uses as an anchor', () => {
    site.write(
      'services/ask-first.md',
      '---\nname: 12356 心理援助热线\nkind: 心理援助热线\nnational: true\nphone: "12356"\noffers: [心理疏导]\n---\n',
    );
    expect(errors()).toEqual(['services/ask-first.md 文件名 ask-first 已被网站栏目占用，请换一个文件名']);
  });
});

describe('a base’s booking contact', () => {
  const base = (booking: string) =>
    site.write(
      'bases/jidi.md',
      `---\nname: 北山镇禁毒教育基地\nkind: 禁毒教育馆\ntown: 北山镇\naddress: 北山镇文化站一楼\nhours: 工作日开放\nbooking:\n${booking}\nexhibits: [展板]\nsummary: 基地设在北山镇文化站，周末面向学生开放。\n---\n`,
    );
  const rest = '  who: 学校\n  groupSize: 40\n  notice: 3个工作日\n  cost: 免费\n  accessibility: 展厅在一楼';

  it('needs a public phone or a placeholder', () => {
    base(`  unit: 北山镇禁毒办\n${rest}`);
    expect(errors()).toEqual([expect.stringContaining('booking.phone 请填写预约电话')]);
    base(`  unit: 北山镇禁毒办\n  placeholder: true\n${rest}`);
    expect(errors()).toEqual([]);
  });

  it('refuses a group of nobody', () => {
    base(`  unit: 北山镇禁毒办\n  phone: "0999-1234567"\n${rest.replace('groupSize: 40', 'groupSize: 0')}`);
    expect(errors()).toEqual([expect.stringContaining('booking.groupSize 每批至少 1 人')]);
  });
});
