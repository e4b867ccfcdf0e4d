// Demo stage 'lists': the district's lists for every town and every village (小微权力 with their process charts, the
// duties and services of a village, and what a village must not be asked to do), 金沙街道's own town list, the grid
// task admission list (the case steps, patrols, surveys and data collections a grid worker may be given) with a few
// applications waiting, refused or run out, and eight weeks of tasks on 金沙街道's grid workers for the burden meter.
import type { Limit } from '../calendar/index.js';
import { holdersOfRoles } from '../identity/index.js';
import { gridDirectory } from '../grids/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import { toDbBool, type Database } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { DAY_MS } from '../platform/time.js';
import { recordAssignment } from './enforce.js';
import { listRepository, type AdmissionItemRow, type ListItemRow } from './repository.js';
import { snapshotList } from './snapshotList.js';
import type { Governance, ItemKind, ListLevel, TaskKind } from './vocabulary.js';

type DemoItem = {
  kind: ItemKind;
  code: string;
  title: string;
  basis: string;
  steps?: string[];
  documents?: string[];
  limit?: Limit;
  responsible: string;
  governance?: Governance;
  categoryCode?: string;
  taskCode?: string;
};

const wd = (amount: number): Limit => ({ amount, unit: 'workDays' });
const ORGANIC = '《中华人民共和国村民委员会组织法》';
const FOUR_AND_TWO = [
  '村党组织提议',
  '村“两委”会议商议',
  '党员大会审议',
  '村民代表会议决议',
  '决议公开',
  '实施结果公开',
];

/** What binds every village of the district (a district-owned list at village level). */
const VILLAGE_ITEMS: DemoItem[] = [
  {
    kind: 'power',
    code: 'VP-01',
    title: '村级重大事项决策',
    basis: `${ORGANIC}第二十四条；“四议两公开”工作法`,
    steps: FOUR_AND_TWO,
    documents: ['议题提案', '会议记录', '公开照片'],
    limit: wd(30),
    responsible: '村党组织书记',
    governance: 'selfGovernance',
  },
  {
    kind: 'power',
    code: 'VP-02',
    title: '村级工程项目建设',
    basis: '《江苏省村级工程项目管理办法》',
    steps: ['立项申请', '“四议两公开”决策', '公开招标或比选', '签订合同', '施工监督', '竣工验收', '结果公开'],
    documents: ['项目申请书', '预算书', '招标文件', '验收报告'],
    limit: wd(60),
    responsible: '村民委员会',
    governance: 'selfGovernance',
  },
  {
    kind: 'power',
    code: 'VP-03',
    title: '集体资产资源处置',
    basis: '《江苏省农村集体资产管理条例》',
    steps: ['提出方案', '村“两委”商议', '村民代表会议表决', '镇（街道）审核', '进场交易', '结果公示'],
    documents: ['处置方案', '评估报告', '表决记录'],
    limit: wd(45),
    responsible: '村集体经济组织',
    governance: 'selfGovernance',
  },
  {
    kind: 'power',
    code: 'VP-04',
    title: '村级财务收支审批',
    basis: '《农村集体经济组织财务制度》',
    steps: ['经办人填单', '村务监督委员会审核', '村书记审批', '镇（街道）农经中心记账', '按月公开'],
    documents: ['原始票据', '审批单'],
    limit: wd(5),
    responsible: '村务监督委员会',
    governance: 'selfGovernance',
  },
  {
    kind: 'power',
    code: 'VP-05',
    title: '低保、特困供养申请初审',
    basis: '《社会救助暂行办法》第十一条',
    steps: ['受理申请', '入户调查', '民主评议', '村内公示', '报镇（街道）审核'],
    documents: ['申请书', '户口簿', '收入证明', '家庭财产授权核对书'],
    limit: wd(10),
    responsible: '村民委员会社会救助协理员',
    governance: 'administrative',
    categoryCode: '060301',
  },
  {
    kind: 'power',
    code: 'VP-06',
    title: '宅基地申请审查',
    basis: '《中华人民共和国土地管理法》第六十二条',
    steps: ['农户申请', '村民小组讨论', '村内公示', '村委会审查', '报镇（街道）审批'],
    documents: ['申请表', '户口簿', '现住房情况'],
    limit: wd(20),
    responsible: '村民委员会',
    governance: 'selfGovernance',
  },
  {
    kind: 'power',
    code: 'VP-07',
    title: '村级印章使用',
    basis: '村级印章管理制度',
    steps: ['申请用印', '村书记审批', '专人盖章', '登记备查'],
    documents: ['用印申请单'],
    limit: wd(1),
    responsible: '村党组织书记',
    governance: 'selfGovernance',
  },
  {
    kind: 'duty',
    code: 'VD-01',
    title: '村（居）务公开',
    basis: `${ORGANIC}第三十条`,
    steps: ['整理公开事项', '村务监督委员会审核', '公开栏与“阳光村务”平台公开', '收集群众意见'],
    responsible: '村民委员会',
    governance: 'selfGovernance',
  },
  {
    kind: 'duty',
    code: 'VD-02',
    title: '矛盾纠纷排查化解',
    basis: '《中华人民共和国人民调解法》',
    steps: ['网格排查', '人民调解委员会调解', '不能化解的报镇（街道）综治中心'],
    limit: wd(15),
    responsible: '村人民调解委员会',
    governance: 'selfGovernance',
    categoryCode: '030101',
  },
  {
    kind: 'duty',
    code: 'VD-03',
    title: '人居环境日常管护',
    basis: '农村人居环境整治提升行动方案',
    steps: ['网格巡查', '保洁员处置', '村委会督查'],
    limit: wd(1),
    responsible: '村民委员会',
    governance: 'selfGovernance',
    categoryCode: '010101',
  },
  {
    kind: 'service',
    code: 'VS-01',
    title: '社保、医保业务代办',
    basis: '便民服务事项代办制度',
    steps: ['群众申请', '村便民服务站受理', '代办员办理', '结果反馈'],
    documents: ['身份证', '社保卡'],
    limit: wd(5),
    responsible: '村便民服务站',
    governance: 'administrative',
  },
  {
    kind: 'service',
    code: 'VS-02',
    title: '居住情况证明（本村常住居民）',
    basis: '村民委员会证明事项清单',
    steps: ['申请', '网格员核实', '村委会出具'],
    documents: ['身份证', '户口簿'],
    limit: wd(1),
    responsible: '村民委员会',
    governance: 'selfGovernance',
  },
  {
    kind: 'negative',
    code: 'VN-01',
    title: '不得出具无法律法规依据的证明（亲属关系、无犯罪记录、出生等）',
    basis: '《关于改进和规范基层群众性自治组织出具证明工作的指导意见》',
    responsible: '村民委员会',
    governance: 'administrative',
  },
  {
    kind: 'negative',
    code: 'VN-02',
    title: '不承担违法建设的查处执法（由镇综合执法平台负责）',
    basis: '《江苏省城乡规划条例》；镇（街道）综合行政执法事项清单',
    responsible: '镇（街道）综合执法平台',
    governance: 'administrative',
    categoryCode: '0201',
  },
  {
    kind: 'negative',
    code: 'VN-03',
    title: '不承担食品安全的监督执法',
    basis: '《中华人民共和国食品安全法》第六条',
    responsible: '镇（街道）市场监管平台',
    governance: 'administrative',
    categoryCode: '070201',
  },
  {
    kind: 'negative',
    code: 'VN-04',
    title: '不参与招商引资、协税护税考核',
    basis: '基层减负有关规定',
    responsible: '镇（街道）',
    governance: 'administrative',
  },
];

/** 金沙街道's own list (a town-owned list at town level). */
const TOWN_ITEMS: DemoItem[] = [
  {
    kind: 'power',
    code: 'TP-01',
    title: '违法建设查处',
    basis: '《江苏省城乡规划条例》；综合行政执法事项清单',
    steps: ['巡查发现或群众举报', '立案', '调查取证', '告知听证', '作出决定', '执行', '结案'],
    documents: ['现场勘验笔录', '询问笔录', '处罚决定书'],
    limit: wd(60),
    responsible: '金沙街道综合执法局',
    governance: 'administrative',
    categoryCode: '020101',
  },
  {
    kind: 'power',
    code: 'TP-02',
    title: '低保、特困供养审核确认',
    basis: '《社会救助暂行办法》',
    steps: ['村级初审材料', '入户核查', '审核确认', '公示', '发放'],
    documents: ['初审材料', '核查报告'],
    limit: wd(20),
    responsible: '金沙街道社会事业局',
    governance: 'administrative',
  },
  {
    kind: 'duty',
    code: 'TD-01',
    title: '“四个平台”事件受理、派遣与督办',
    basis: '通州区基层治理“一张网”运行办法',
    steps: ['受理登记', '分拨派遣', '限时办理', '核查结案', '满意度回访'],
    limit: wd(1),
    responsible: '金沙街道综合指挥中心',
    governance: 'administrative',
  },
  {
    kind: 'service',
    code: 'TS-01',
    title: '居住证办理',
    basis: '《居住证暂行条例》',
    steps: ['网上或窗口申请', '派出所审核', '制证', '领取'],
    documents: ['身份证', '居住登记凭证', '照片'],
    limit: wd(15),
    responsible: '金沙街道便民服务中心',
    governance: 'administrative',
  },
  {
    kind: 'negative',
    code: 'TN-01',
    title: '不得将区级部门的执法事项转交镇（街道）而不交人员和经费',
    basis: '基层减负有关规定',
    responsible: '区委编办',
    governance: 'administrative',
  },
];

type DemoAdmission = {
  kind: TaskKind;
  code: string;
  title: string;
  dept: string;
  reason: string;
  load: number;
  days?: number;
  status?: 'pending' | 'refused' | 'expired';
  emergency?: boolean;
};

/** The district's grid task admission list, and a few applications in other states. */
const ADMISSIONS: DemoAdmission[] = [
  {
    kind: 'caseStep',
    code: 'case.verify',
    title: '事件核实',
    dept: '区综合指挥中心',
    reason: '“四个平台”事件现场核实',
    load: 15,
  },
  {
    kind: 'caseStep',
    code: 'case.check',
    title: '事件核查',
    dept: '区综合指挥中心',
    reason: '处置结果现场核查',
    load: 15,
  },
  {
    kind: 'patrol',
    code: 'patrol.daily',
    title: '网格日常巡查',
    dept: '区综合指挥中心',
    reason: '每日巡查网格，发现上报问题',
    load: 5,
  },
  {
    kind: 'patrol',
    code: 'patrol.fire',
    title: '消防安全隐患排查',
    dept: '区消防救援大队',
    reason: '九小场所消防隐患季度排查',
    load: 3,
  },
  {
    kind: 'dataCollection',
    code: 'data.population',
    title: '实有人口信息采集',
    dept: '公安通州分局',
    reason: '流动人口登记与变更',
    load: 4,
  },
  {
    kind: 'survey',
    code: 'survey.satisfaction',
    title: '群众满意度入户调查',
    dept: '区委政法委',
    reason: '平安建设群众满意度年度调查',
    load: 2,
    days: 365,
  },
  {
    kind: 'dataCollection',
    code: 'data.flood',
    title: '防汛责任人信息核对',
    dept: '区水务局',
    reason: '汛前核对防汛责任人及联系方式',
    load: 2,
    days: 30,
    emergency: true,
    status: 'expired',
  },
  {
    kind: 'survey',
    code: 'survey.elderly',
    title: '独居老人关爱走访',
    dept: '区民政局',
    reason: '冬季独居老人走访，每周一次',
    load: 3,
    days: 90,
    status: 'pending',
  },
  {
    kind: 'dataCollection',
    code: 'data.tax',
    title: '个体工商户涉税信息采集',
    dept: '区税务局',
    reason: '协助采集个体户经营信息',
    load: 6,
    status: 'refused',
  },
];

function itemRow(owner: OrgRow, level: ListLevel, d: DemoItem, now: number): ListItemRow {
  return {
    id: newId(now),
    owner_org_id: owner.id,
    owner_path: owner.path,
    level,
    kind: d.kind,
    code: d.code,
    title: d.title,
    basis: d.basis,
    steps: JSON.stringify(d.steps ?? []),
    documents: JSON.stringify(d.documents ?? []),
    time_limit: d.limit === undefined ? null : JSON.stringify(d.limit),
    responsible: d.responsible,
    governance: d.governance ?? 'administrative',
    status: 'inForce',
    expires_at: null,
    category_code: d.categoryCode ?? null,
    task_code: d.taskCode ?? null,
    created_at: now,
    updated_at: now,
  };
}

export async function seedListsDemo(
  database: Database,
  options: { now: number; townCode?: string },
): Promise<void> {
  const { db, dialect } = database;
  const now = options.now;
  const orgs = orgDirectory(db, dialect);
  const root = await orgs.findRoot();
  if (root === undefined) {
    return;
  }
  const repo = listRepository(db, dialect);
  if ((await repo.lastVersion(root.id, 'village')) !== undefined) {
    return; // seeded before
  }
  const town = await orgs.findByCode(options.townCode ?? '320612001');
  const start = now - 400 * DAY_MS;
  await db.transaction().execute(async (trx) => {
    const r = listRepository(trx, dialect);
    await r.insertItems(VILLAGE_ITEMS.map((d) => itemRow(root, 'village', d, start)));
    await r.insertItems([
      itemRow(
        root,
        'grid',
        {
          kind: 'negative',
          code: 'GN-01',
          title: '不得要求网格员代收税费',
          basis: '网格事项准入管理办法',
          responsible: '网格员',
          taskCode: 'data.tax',
        },
        start,
      ),
    ]);
    if (town !== undefined) {
      await r.insertItems(TOWN_ITEMS.map((d) => itemRow(town, 'town', d, start)));
    }
    const zzb = (await holdersOfRoles(trx, ['districtCommand']))[0]?.userId ?? null;
    const admissions: AdmissionItemRow[] = ADMISSIONS.map((a, i) => {
      const applied = start + i * DAY_MS;
      const decided = a.status === 'pending' ? null : applied + 3 * DAY_MS;
      const startsAt = decided;
      const expiresAt =
        a.status === 'expired'
          ? now - 20 * DAY_MS
          : a.days === undefined || startsAt === null
            ? null
            : Math.max(startsAt + a.days * DAY_MS, now + 30 * DAY_MS);
      return {
        id: newId(applied),
        owner_org_id: root.id,
        owner_path: root.path,
        task_kind: a.kind,
        task_code: a.code,
        title: a.title,
        department_id: null,
        department_name: a.dept,
        reason: a.reason,
        weekly_load: a.load,
        duration_days: a.days ?? null,
        is_emergency: toDbBool(a.emergency === true),
        status: a.status === 'pending' ? 'pending' : a.status === 'refused' ? 'refused' : 'admitted',
        starts_at: a.status === 'refused' ? null : startsAt,
        expires_at: a.status === 'refused' ? null : expiresAt,
        applied_by: null,
        decided_by: decided === null ? null : zzb,
        decided_at: decided,
        decision_note: a.status === 'refused' ? '属税务部门职责，不得交由网格员承担' : null,
        created_at: applied,
        updated_at: decided ?? applied,
      };
    });
    await r.insertAdmissions(admissions);
    await snapshotList(trx, dialect, root, 'district', '演示：区级清单（服务清单即事件目录）', null, start);
    await snapshotList(trx, dialect, root, 'village', '演示：村（社区）级“小微权力”等清单', null, start);
    await snapshotList(trx, dialect, root, 'grid', '演示：网格负面清单', null, start);
    if (town !== undefined) {
      await snapshotList(trx, dialect, town, 'town', '演示：金沙街道清单', null, start);
    }

    // Eight weeks of tasks on the town's grid workers: patrols, collections and surveys from the admitted list.
    if (town === undefined) {
      return;
    }
    const grids = (
      await gridDirectory(trx).list({ path: root.path }, { underPath: town.path, status: 'active' }, 40, null)
    ).filter((g) => g.status === 'active');
    const admitted = admissions.filter((a) => a.status === 'admitted' && a.task_kind !== 'caseStep');
    let n = 0;
    for (const grid of grids.slice(0, 24)) {
      for (let day = 56; day >= 1; day -= 1) {
        n += 1;
        // Two or three tasks most days, more in a few grids, so the meter shows an overloaded worker.
        const perDay = (n % 7 === 0 ? 3 : 2) + (grid.code.endsWith('1') ? 2 : 0);
        for (let k = 0; k < perDay; k += 1) {
          const a = admitted[(day + k) % admitted.length]!;
          const at = now - day * DAY_MS + (9 + k) * 3_600_000;
          if (a.expires_at !== null && a.expires_at <= at) {
            continue;
          }
          await recordAssignment(
            trx,
            dialect,
            grid,
            { kind: a.task_kind, code: a.task_code, title: a.title, itemId: a.id, caseId: null },
            null,
            at,
          );
        }
      }
    }
  });
}
