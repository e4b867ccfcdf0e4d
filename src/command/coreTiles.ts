// The tiles the command view ships with, read through the doors of cases, consultations and linkage (as the
// assessment's core sources do). Case tiles are live: today's intake and closures and the rates come from the fact
// table (one row per unit and day), open cases and their lights from the open-case index. Consultation and linkage
// figures are counted from their records and stored for a while (freshness), so a screen never waits on them.
import {
  caseIndicatorsByUnit,
  mostOverdueCases,
  openCaseFigures,
  workingStates,
  type OpenUnitColumn,
} from '../cases/index.js';
import { consultationNumbers } from '../consultations/index.js';
import { linkageIndicatorsOf } from '../linkage/index.js';
import { msg } from '../platform/i18n.js';
import { DAY_MS, startOfLocalDay } from '../platform/time.js';
import {
  caseListOf,
  consolePath,
  type CommandTile,
  type ScreenChild,
  type ScreenUnit,
  type TileContext,
  type Tone,
  perChild,
  yearToDate,
} from './tiles.js';

const CASE_OWNER = msg('区社会治理现代化指挥中心', 'District social governance command centre');

/** Today in district time, and the 30 days up to the end of today. */
export function screenPeriods(now: number) {
  const dayStart = startOfLocalDay(now);
  return {
    today: { from: dayStart, to: dayStart + DAY_MS },
    last30: { from: dayStart - 29 * DAY_MS, to: dayStart + DAY_MS },
  };
}

/** The column of case_file that names a unit's children: towns of a district, villages of a town, grids of a village. */
const childColumn = (unit: ScreenUnit): OpenUnitColumn | null =>
  unit.level === 'district'
    ? 'town_id'
    : unit.level === 'town'
      ? 'village_id'
      : unit.level === 'village'
        ? 'grid_id'
        : null;

const casesOf = (unit: { id: string; level: ScreenUnit['level'] }, query: Record<string, string | number>) =>
  consolePath('/cases', { tab: 'all', ...caseListOf(unit), ...query });

const openState = workingStates.join(',');

const toneOfRate = (rate: number | null, good: number, poor: number): Tone =>
  rate === null ? 'normal' : rate >= good ? 'good' : rate < poor ? 'danger' : 'warning';

const unitIds = (ctx: TileContext) => [ctx.unit.gridId ?? ctx.unit.id, ...ctx.children.map((c) => c.id)];

const todayTile: CommandTile = {
  code: 'cases.today',
  module: 'cases',
  requires: 'case.read',
  title: msg('今日事件', "Today's cases"),
  owner: CASE_OWNER,
  freshness: 'live',
  levels: ['district', 'town', 'village', 'grid'],
  async compute(ctx) {
    const { today } = screenPeriods(ctx.now);
    const by = await caseIndicatorsByUnit(ctx.db, ctx.database.dialect, unitIds(ctx), today);
    const own = by.get(ctx.unit.gridId ?? ctx.unit.id)!.counts;
    const reportedLink = (u: { id: string; level: ScreenUnit['level'] }) =>
      casesOf(u, { from: today.from, to: today.to });
    return {
      figures: [
        {
          key: 'reported',
          label: msg('今日受理', 'Reported today'),
          value: own.reported,
          format: 'count',
          tone: 'normal',
          link: reportedLink(ctx.unit),
        },
        {
          key: 'closed',
          label: msg('今日办结', 'Closed today'),
          value: own.closed,
          format: 'count',
          tone: 'good',
          link: casesOf(ctx.unit, { closedFrom: today.from, closedTo: today.to }),
        },
        {
          key: 'dispatched',
          label: msg('今日派遣', 'Dispatched today'),
          value: own.dispatched,
          format: 'count',
          tone: 'normal',
          link: null,
        },
      ],
      byChild: {
        label: msg('今日受理', 'Reported today'),
        format: 'count',
        items: ctx.children.map((c) => ({
          id: c.id,
          value: by.get(c.id)?.counts.reported ?? 0,
          link: reportedLink(c),
        })),
      },
      items: [],
    };
  },
};

const openTile: CommandTile = {
  code: 'cases.open',
  module: 'cases',
  requires: 'case.read',
  title: msg('在办事件与督办', 'Open cases and supervision'),
  owner: CASE_OWNER,
  freshness: 'live',
  levels: ['district', 'town', 'village', 'grid'],
  async compute(ctx) {
    const under = { path: ctx.unit.path, gridId: ctx.unit.gridId };
    const [figures, overdue] = await Promise.all([
      openCaseFigures(ctx.db, under, childColumn(ctx.unit), ctx.now),
      mostOverdueCases(ctx.db, under, ctx.now, 5),
    ]);
    const t = figures.total;
    return {
      figures: [
        {
          key: 'open',
          label: msg('在办', 'Open'),
          value: t.open,
          format: 'count',
          tone: 'normal',
          link: casesOf(ctx.unit, { state: openState }),
        },
        {
          key: 'yellow',
          label: msg('黄灯（将超期）', 'Yellow (due soon)'),
          value: t.yellow,
          format: 'count',
          tone: t.yellow > 0 ? 'warning' : 'normal',
          link: casesOf(ctx.unit, { light: 'yellow' }),
        },
        {
          key: 'red',
          label: msg('红灯（已超期）', 'Red (overdue)'),
          value: t.red,
          format: 'count',
          tone: t.red > 0 ? 'danger' : 'good',
          link: casesOf(ctx.unit, { light: 'red' }),
        },
        {
          key: 'redCards',
          label: msg('红牌督办', 'Red-card supervision'),
          value: t.redCards,
          format: 'count',
          tone: t.redCards > 0 ? 'danger' : 'normal',
          link: casesOf(ctx.unit, { card: 'red', state: openState }),
        },
      ],
      byChild: {
        label: msg('在办', 'Open'),
        format: 'count',
        items: ctx.children.map((c: ScreenChild) => ({
          id: c.id,
          value: figures.byUnit.get(c.id)?.open ?? 0,
          link: casesOf(c, { state: openState }),
        })),
      },
      items: overdue.map((o) => ({
        label: msg(o.trackingCode, o.trackingCode),
        detail:
          o.deadlineAt === null
            ? null
            : msg(
                `超期 ${Math.max(1, Math.floor((ctx.now - o.deadlineAt) / DAY_MS))} 天`,
                `${Math.max(1, Math.floor((ctx.now - o.deadlineAt) / DAY_MS))} d overdue`,
              ),
        tone: 'danger' as const,
        link: `/cases/${o.id}`,
      })),
    };
  },
};

const ratesTile: CommandTile = {
  code: 'cases.rates',
  module: 'cases',
  requires: 'indicator.read',
  title: msg('近30天办理成效', 'Results, last 30 days'),
  owner: CASE_OWNER,
  freshness: 'live',
  levels: ['district', 'town', 'village', 'grid'],
  async compute(ctx) {
    const { last30 } = screenPeriods(ctx.now);
    const by = await caseIndicatorsByUnit(ctx.db, ctx.database.dialect, unitIds(ctx), last30);
    const own = by.get(ctx.unit.gridId ?? ctx.unit.id)!;
    const closedLink = casesOf(ctx.unit, { closedFrom: last30.from, closedTo: last30.to });
    return {
      figures: [
        {
          key: 'reported',
          label: msg('受理', 'Reported'),
          value: own.counts.reported,
          format: 'count',
          tone: 'normal',
          link: casesOf(ctx.unit, { from: last30.from, to: last30.to }),
        },
        {
          key: 'closed',
          label: msg('办结', 'Closed'),
          value: own.counts.closed,
          format: 'count',
          tone: 'normal',
          link: closedLink,
        },
        {
          key: 'onTimeCloseRate',
          label: msg('按期办结率', 'Closed on time'),
          value: own.rates.onTimeCloseRate,
          format: 'percent',
          tone: toneOfRate(own.rates.onTimeCloseRate, 0.9, 0.7),
          link: closedLink,
        },
        {
          key: 'satisfactionRate',
          label: msg('群众满意率', 'Residents satisfied'),
          value: own.rates.satisfactionRate,
          format: 'percent',
          tone: toneOfRate(own.rates.satisfactionRate, 0.9, 0.75),
          link: closedLink,
        },
        {
          key: 'composite',
          label: msg('综合得分', 'Composite score'),
          value: own.composite,
          format: 'score',
          tone: own.grade === 'A' || own.grade === 'B' ? 'good' : own.grade === 'E' ? 'danger' : 'normal',
          link: consolePath('/indicators', { unitId: ctx.unit.gridId ?? ctx.unit.id }),
        },
      ],
      byChild: {
        label: msg('综合得分', 'Composite score'),
        format: 'score',
        items: ctx.children.map((c) => ({
          id: c.id,
          value: by.get(c.id)?.composite ?? null,
          link: casesOf(c, { closedFrom: last30.from, closedTo: last30.to }),
        })),
      },
      items: [],
    };
  },
};

/** The child a record's path lies under, if any. */
const childOfPath = (children: readonly ScreenChild[], path: string) =>
  children.find((c) => path.startsWith(c.path));

const consultationTile: CommandTile = {
  code: 'consultations.year',
  module: 'consultations',
  requires: 'council.read',
  title: msg('协商议事（本年）', 'Consultation this year'),
  owner: msg('区委组织部（协商议事室）', 'Organisation department (consultation rooms)'),
  freshness: 30,
  levels: ['district', 'town', 'village'],
  async compute(ctx) {
    const year = yearToDate(ctx.now);
    const n = await consultationNumbers(ctx.database, { path: ctx.unit.path }, ctx.unit.path, year, ctx.now);
    const byChild = new Map<string, number>();
    for (const c of n.councils) {
      const child = childOfPath(ctx.children, c.orgPath);
      if (child !== undefined) {
        byChild.set(child.id, (byChild.get(child.id) ?? 0) + (c.outcomesDue - c.outcomesDone));
      }
    }
    const inProgress = Math.max(0, n.total.outcomesDue - n.total.outcomesDone);
    const link = consolePath('/consultations', { orgId: ctx.unit.id });
    return {
      figures: [
        {
          key: 'meetingsHeld',
          label: msg('议事会议', 'Meetings held'),
          value: n.total.meetingsHeld,
          format: 'count',
          tone: 'normal',
          link,
        },
        {
          key: 'topicsReceived',
          label: msg('收到议题', 'Topics received'),
          value: n.total.topicsReceived,
          format: 'count',
          tone: 'normal',
          link,
        },
        {
          key: 'inProgress',
          label: msg('成果推进中', 'Outcomes in progress'),
          value: inProgress,
          format: 'count',
          tone: 'normal',
          link,
        },
        {
          key: 'onTimeRate',
          label: msg('成果按期落实率', 'Outcomes done on time'),
          value: n.total.onTimeRate,
          format: 'percent',
          tone: toneOfRate(n.total.onTimeRate, 0.9, 0.7),
          link,
        },
        {
          key: 'satisfactionRate',
          label: msg('群众评价满意率', 'Residents satisfied'),
          value: n.total.satisfactionRate,
          format: 'percent',
          tone: toneOfRate(n.total.satisfactionRate, 0.9, 0.75),
          link,
        },
      ],
      byChild:
        ctx.unit.level === 'village'
          ? null
          : {
              label: msg('成果推进中', 'Outcomes in progress'),
              format: 'count',
              items: ctx.children.map((c) => ({
                id: c.id,
                value: Math.max(0, byChild.get(c.id) ?? 0),
                link: consolePath('/consultations', { orgId: c.id }),
              })),
            },
      items: [],
    };
  },
};

const linkageTile: CommandTile = {
  code: 'linkage.chain',
  module: 'linkage',
  requires: 'linkage.read',
  title: msg('联动体系（本年）', 'The linkage chain this year'),
  owner: msg('区委组织部（党员中心户）', 'Organisation department (central households)'),
  freshness: 30,
  levels: ['district', 'town', 'village'],
  async compute(ctx) {
    const level = ctx.unit.level === 'grid' ? 'village' : ctx.unit.level;
    const period = yearToDate(ctx.now);
    const n = await linkageIndicatorsOf(
      ctx.db,
      ctx.database.dialect,
      { level, path: ctx.unit.path },
      period,
      ctx.now,
    );
    const link = consolePath('/linkage', { orgId: ctx.unit.id });
    return {
      figures: [
        {
          key: 'received',
          label: msg('收集诉求', 'Appeals received'),
          value: n.received,
          format: 'count',
          tone: 'normal',
          link,
        },
        {
          key: 'pending',
          label: msg('待办结', 'Pending'),
          value: n.pending,
          format: 'count',
          tone: 'normal',
          link,
        },
        {
          key: 'shareWithinVillage',
          label: msg('小事不出村', 'Settled within the village'),
          value: n.shareWithinVillage,
          format: 'percent',
          tone: toneOfRate(n.shareWithinVillage, 0.7, 0.5),
          link,
        },
        {
          key: 'coverage',
          label: msg('季度走访覆盖率', 'Households visited this quarter'),
          value: n.coverage,
          format: 'percent',
          tone: toneOfRate(n.coverage, 0.9, 0.6),
          link,
        },
        {
          key: 'overdue',
          label: msg('超时诉求', 'Overdue appeals'),
          value: n.overdue,
          format: 'count',
          tone: n.overdue > 0 ? 'danger' : 'normal',
          link,
        },
      ],
      // Towns of the district, villages of a town: each one's overdue appeals, a door to its own chain.
      byChild:
        ctx.unit.level === 'district' || ctx.unit.level === 'town'
          ? {
              label: msg('超时诉求', 'Overdue appeals'),
              format: 'count',
              items: await perChild(ctx.children, async (c) => ({
                id: c.id,
                value: (
                  await linkageIndicatorsOf(
                    ctx.db,
                    ctx.database.dialect,
                    { level: c.level === 'town' ? 'town' : 'village', path: c.path },
                    period,
                    ctx.now,
                  )
                ).overdue,
                link: consolePath('/linkage', { orgId: c.id }),
              })),
            }
          : null,
      items: [],
    };
  },
};

export const coreCommandTiles: readonly CommandTile[] = [
  todayTile,
  openTile,
  ratesTile,
  consultationTile,
  linkageTile,
];
