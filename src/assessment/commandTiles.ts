// The assessment's tile on the command view: the stars of the latest year whose notice has closed (五星 units, the
// average level, units raised and lowered), with the average level per child unit. Bound into the command view's
// registry by src/modules.ts; the command view never imports this module.
import { consolePath, type CommandTile } from '../command/index.js';
import { msg } from '../platform/i18n.js';
import { assessmentRepository } from './repository.js';

const average = (levels: number[]) =>
  levels.length === 0 ? null : Math.round((levels.reduce((a, b) => a + b, 0) / levels.length) * 100) / 100;

const starsTile: CommandTile = {
  code: 'assessment.stars',
  module: 'assessment',
  requires: 'assessment.read',
  title: msg('五星评定（最近一年）', 'Five-star awards (latest year)'),
  owner: msg('区委组织部（五基五星）', 'Organisation department (five basics, five stars)'),
  freshness: 60,
  levels: ['district', 'town'],
  async compute(ctx) {
    const { year, awards } = await assessmentRepository(ctx.db).latestAwardsUnder(ctx.unit.path);
    const link = consolePath('/assessment', { orgId: ctx.unit.id, year });
    const count = (pred: (a: (typeof awards)[number]) => boolean) =>
      year === null ? null : awards.filter(pred).length;
    return {
      figures: [
        {
          key: 'assessed',
          label: msg('参评单位', 'Units assessed'),
          value: count(() => true),
          format: 'count',
          tone: 'normal',
          link,
        },
        {
          key: 'fiveStars',
          label: msg('五星单位', 'Five-star units'),
          value: count((a) => a.level === 5),
          format: 'count',
          tone: 'good',
          link,
        },
        {
          key: 'averageLevel',
          label: msg('平均星级', 'Average stars'),
          value: average(awards.map((a) => a.level)),
          format: 'stars',
          tone: 'normal',
          link,
        },
        {
          key: 'raised',
          label: msg('升星', 'Raised'),
          value: count((a) => a.movement === 'raised' || a.movement === 'awarded'),
          format: 'count',
          tone: 'good',
          link,
        },
        {
          key: 'lowered',
          label: msg('降星', 'Lowered'),
          value: count((a) => a.movement === 'lowered'),
          format: 'count',
          tone: awards.some((a) => a.movement === 'lowered') ? 'warning' : 'normal',
          link,
        },
      ],
      byChild: {
        label: msg('平均星级', 'Average stars'),
        format: 'stars',
        items: ctx.children.map((c) => ({
          id: c.id,
          value: average(awards.filter((a) => a.org_path.startsWith(c.path)).map((a) => a.level)),
          link: consolePath('/assessment', { orgId: c.id, year }),
        })),
      },
      items: [],
    };
  },
};

export const assessmentCommandTiles: readonly CommandTile[] = [starsTile];
