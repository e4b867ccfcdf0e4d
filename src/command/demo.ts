// The command view's demo: the district's standing early-warning rules and 金沙街道's own, one run of them at the
// demo's present so the screen has alerts, one alert turned into a consultation topic and one put under supervision
// and finished, and the busiest screens' stored tiles counted once.
import pino from 'pino';
import { seedingActorAt } from '../identity/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { actOnAlert, finishAlert } from './actOnAlert.js';
import { createRule, type RuleInput } from './saveRule.js';
import { runWarnings, warmBusiestScreens } from './warnings.js';

const silentLog = pino({ level: 'silent' });

const DISTRICT_RULES: RuleInput[] = [
  {
    name: '同一村（社区）同类诉求一周多发',
    kind: 'cluster',
    categoryCode: null,
    area: 'village',
    windowHours: 7 * 24,
    threshold: 4,
    ratio: null,
    severity: 'normal',
  },
  {
    name: '同类诉求同比明显上升',
    kind: 'trend',
    categoryCode: null,
    area: 'village',
    windowHours: 28 * 24,
    threshold: 6,
    ratio: 2,
    severity: 'normal',
  },
  {
    name: '同一人反复信访',
    kind: 'repeat',
    categoryCode: null,
    area: 'village',
    windowHours: 30 * 24,
    threshold: 3,
    ratio: null,
    severity: 'normal',
  },
  {
    name: '群体性事件苗头：短时多人反映同一问题',
    kind: 'surge',
    categoryCode: null,
    area: 'village',
    windowHours: 6,
    threshold: 5,
    ratio: null,
    severity: 'high',
  },
];

const TOWN_RULES: RuleInput[] = [
  {
    name: '网格内同类问题三天三次',
    kind: 'cluster',
    categoryCode: null,
    area: 'grid',
    windowHours: 3 * 24,
    threshold: 3,
    ratio: null,
    severity: 'normal',
  },
];

export async function seedCommandDemo(database: Database, options: { now: number }): Promise<void> {
  const { db, dialect } = database;
  const orgs = orgDirectory(db, dialect);
  const root = await orgs.findRoot();
  if (root === undefined) {
    return;
  }
  const town = await orgs.findByCode('320612001');
  const district = await seedingActorAt(db, dialect, root.id, 'districtCommand', '区社会治理现代化指挥中心');
  if (district === null) {
    return;
  }
  const ctx = (actor: typeof district, at: number): RequestContext => ({
    actor,
    ip: '127.0.0.1',
    requestId: 'demo-command',
    locale: 'zh-CN',
    log: silentLog,
    now: at,
  });
  const now = options.now;
  await db.transaction().execute(async (trx) => {
    for (const rule of DISTRICT_RULES) {
      await createRule(trx, ctx(district, now), district, rule);
    }
    const townActor =
      town === undefined ? null : await seedingActorAt(trx, dialect, town.id, 'townCommand', town.name);
    if (townActor !== null) {
      for (const rule of TOWN_RULES) {
        await createRule(trx, ctx(townActor, now), townActor, rule);
      }
    }
    const raised = await runWarnings(trx, dialect, now);
    // One village alert turned into a topic for its council, one supervised and finished; the rest stay open.
    const topicable = raised.find(
      (a) => a.category_code !== null && a.grid_id === null && a.subject.includes('|'),
    );
    if (topicable !== undefined) {
      await actOnAlert(trx, dialect, ctx(district, now), district, topicable.id, {
        kind: 'topic',
        note: '同类诉求集中，提请村（社区）议事会协商解决',
      });
    }
    const supervisable = raised.find((a) => a !== topicable && a.severity === 'normal');
    if (supervisable !== undefined) {
      await actOnAlert(trx, dialect, ctx(district, now), district, supervisable.id, {
        kind: 'supervise',
        note: '请镇（街道）指挥中心跟踪督办',
      });
      await finishAlert(trx, ctx(district, now), district, supervisable.id, {
        note: '相关事件已督办，责任部门已到现场处置',
      });
    }
  });
  await warmBusiestScreens(database, now, silentLog);
}
