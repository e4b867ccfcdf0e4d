// The weekly and monthly briefing (周报、月报) of a scope: the period's figures beside the period before, the children
// ranked by the composite score, the categories most reported and the alerts raised with what was done about them.
// The console prints it; the same figures leave as .xlsx.
import type { UserActor } from '../access/index.js';
import { caseIndicatorsByUnit, findCategory, reportsByCategory } from '../cases/index.js';
import type { Database } from '../platform/db/database.js';
import { msg, type Message } from '../platform/i18n.js';
import { DAY_MS, localDate, localFields, startOfLocalDay } from '../platform/time.js';
import { caseListOf, consolePath, type ScreenChild, type ScreenUnit, type TileFigure } from './tiles.js';
import { commandRepository, type AlertRow } from './repository.js';
import { childrenOf, resolveScreenUnit } from './screen.js';
import { scopeOf } from '../access/index.js';

export type BriefingKind = 'week' | 'month';
export type Period = { kind: BriefingKind; from: number; to: number; label: Message };

const OFFSET = 8 * 3_600_000;

/** The local week (Monday to Sunday) or month containing the instant. */
export function periodAt(kind: BriefingKind, at: number): Period {
  const day = startOfLocalDay(at);
  const f = localFields(at);
  if (kind === 'week') {
    const weekday = (f.getUTCDay() + 6) % 7; // Monday 0
    const from = day - weekday * DAY_MS;
    const to = from + 7 * DAY_MS;
    const span = `${localDate(from)} — ${localDate(to - 1)}`;
    return { kind, from, to, label: msg(`周报 ${span}`, `Week ${span}`) };
  }
  const y = f.getUTCFullYear();
  const m = f.getUTCMonth();
  const from = Date.UTC(y, m, 1) - OFFSET;
  const to = Date.UTC(y, m + 1, 1) - OFFSET;
  return {
    kind,
    from,
    to,
    label: msg(`月报 ${y}年${m + 1}月`, `Month ${y}-${String(m + 1).padStart(2, '0')}`),
  };
}

/** The period just before. */
export const previousPeriod = (p: Period): Period => periodAt(p.kind, p.from - 1);

export type BriefingFigure = TileFigure & { previous: number | null };

export type Briefing = {
  unit: ScreenUnit;
  period: Period;
  figures: BriefingFigure[];
  ranking: {
    label: Message;
    items: {
      rank: number;
      id: string;
      name: string;
      value: number | null;
      grade: string | null;
      link: string | null;
    }[];
  };
  topCategories: { categoryCode: string; name: Message; count: number }[];
  alerts: AlertRow[];
};

export async function loadBriefing(
  database: Database,
  actor: UserActor,
  q: { orgId?: string; kind: BriefingKind; at: number },
): Promise<Briefing> {
  const { unit } = await resolveScreenUnit(database, actor, q.orgId);
  const period = periodAt(q.kind, q.at);
  const before = previousPeriod(period);
  const children: ScreenChild[] = await childrenOf(database, scopeOf(actor), unit);
  const own = unit.gridId ?? unit.id;
  const [now, prev] = await Promise.all([
    caseIndicatorsByUnit(database.db, database.dialect, [own, ...children.map((c) => c.id)], period),
    caseIndicatorsByUnit(database.db, database.dialect, [own], before),
  ]);
  const cur = now.get(own)!;
  const old = prev.get(own)!;
  const list = (query: Record<string, string | number>) =>
    consolePath('/cases', { tab: 'all', ...caseListOf(unit), ...query });
  const figures: BriefingFigure[] = [
    {
      key: 'reported',
      label: msg('受理', 'Reported'),
      value: cur.counts.reported,
      previous: old.counts.reported,
      format: 'count',
      tone: 'normal',
      link: list({ from: period.from, to: period.to }),
    },
    {
      key: 'closed',
      label: msg('办结', 'Closed'),
      value: cur.counts.closed,
      previous: old.counts.closed,
      format: 'count',
      tone: 'normal',
      link: list({ closedFrom: period.from, closedTo: period.to }),
    },
    {
      key: 'onTimeCloseRate',
      label: msg('按期办结率', 'Closed on time'),
      value: cur.rates.onTimeCloseRate,
      previous: old.rates.onTimeCloseRate,
      format: 'percent',
      tone: 'normal',
      link: list({ closedFrom: period.from, closedTo: period.to }),
    },
    {
      key: 'satisfactionRate',
      label: msg('群众满意率', 'Residents satisfied'),
      value: cur.rates.satisfactionRate,
      previous: old.rates.satisfactionRate,
      format: 'percent',
      tone: 'normal',
      link: null,
    },
    {
      key: 'composite',
      label: msg('综合得分', 'Composite score'),
      value: cur.composite,
      previous: old.composite,
      format: 'score',
      tone: 'normal',
      link: null,
    },
  ];
  const ranked = children
    .map((c) => ({ child: c, ind: now.get(c.id) }))
    .sort(
      (a, b) =>
        (b.ind?.composite ?? -1) - (a.ind?.composite ?? -1) ||
        (b.ind?.counts.closed ?? 0) - (a.ind?.counts.closed ?? 0) ||
        a.child.name.localeCompare(b.child.name),
    )
    .map((x, i) => ({
      rank: i + 1,
      id: x.child.id,
      name: x.child.name,
      value: x.ind?.composite ?? null,
      grade: x.ind?.grade ?? null,
      link: consolePath('/command/briefing', { orgId: x.child.id, period: q.kind, at: q.at }),
    }));
  const categories = await reportsByCategory(
    database.db,
    { path: unit.path, gridId: unit.gridId },
    period,
    10,
  );
  const topCategories = [];
  for (const c of categories) {
    const cat = await findCategory(database.db, c.categoryCode);
    topCategories.push({
      categoryCode: c.categoryCode,
      name: cat?.name ?? msg(c.categoryCode, c.categoryCode),
      count: c.count,
    });
  }
  const alerts = (
    await commandRepository(database.db).alertsRaised(unit.path, period.from, period.to, 100)
  ).filter((a) => unit.gridId === null || a.grid_id === unit.gridId);
  return {
    unit,
    period,
    figures,
    ranking: { label: msg('综合得分排名', 'Ranking by composite score'), items: ranked },
    topCategories,
    alerts,
  };
}
