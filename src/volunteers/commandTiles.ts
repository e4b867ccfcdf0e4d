// The volunteers' tile on the command view: this year's confirmed service hours, who served, 双报到 coverage and the
// activities held, with the hours per child unit. Bound into the command view's registry by src/modules.ts; the
// command view never imports this module.
import { consolePath, yearToDate, type CommandTile, type Tone } from '../command/index.js';
import { msg } from '../platform/i18n.js';
import { volunteerNumbers } from './numbers.js';

const coverageTone = (rate: number | null): Tone =>
  rate === null ? 'normal' : rate >= 0.9 ? 'good' : rate < 0.6 ? 'danger' : 'warning';

const serviceTile: CommandTile = {
  code: 'volunteers.service',
  module: 'volunteers',
  requires: 'volunteer.read',
  title: msg('党员志愿服务（本年）', 'Party members volunteering this year'),
  owner: msg('区委组织部（在职党员双报到）', 'Organisation department (dual registration)'),
  freshness: 30,
  levels: ['district', 'town', 'village'],
  async compute(ctx) {
    const n = await volunteerNumbers(
      ctx.db,
      ctx.database.dialect,
      ctx.unit.path,
      yearToDate(ctx.now),
      ctx.now,
    );
    const t = n.total;
    const link = consolePath('/volunteers', { orgId: ctx.unit.id });
    // Hours are kept per community (village path); a town's or the district's child sums its communities.
    const hoursUnder = (path: string) =>
      Math.round(
        n.communities.filter((c) => c.orgPath.startsWith(path)).reduce((h, c) => h + c.hours, 0) * 10,
      ) / 10;
    return {
      figures: [
        {
          key: 'hours',
          label: msg('服务时长', 'Hours served'),
          value: t.hours,
          format: 'hours',
          tone: 'normal',
          link,
        },
        {
          key: 'membersServing',
          label: msg('参与党员', 'Members who served'),
          value: t.membersServing,
          format: 'count',
          tone: 'normal',
          link,
        },
        {
          key: 'registrationCoverage',
          label: msg('双报到覆盖率', 'Dual registration coverage'),
          value: t.registrationCoverage,
          format: 'percent',
          tone: coverageTone(t.registrationCoverage),
          link,
        },
        {
          key: 'activitiesHeld',
          label: msg('已开展活动', 'Activities held'),
          value: t.activitiesHeld,
          format: 'count',
          tone: 'normal',
          link,
        },
      ],
      byChild:
        ctx.unit.level === 'village'
          ? null
          : {
              label: msg('服务时长', 'Hours served'),
              format: 'hours',
              items: ctx.children.map((c) => ({
                id: c.id,
                value: hoursUnder(c.path),
                link: consolePath('/volunteers', { orgId: c.id }),
              })),
            },
      items: [],
    };
  },
};

export const volunteerCommandTiles: readonly CommandTile[] = [serviceTile];
