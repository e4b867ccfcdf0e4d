import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { orgDirectory } from '../orgs/index.js';
import { CASE_STAGES, caseIn, pointInGridOf, sessions, type Sessions } from '../testing/caseFixtures.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { DAY_MS } from '../platform/time.js';
import { shiftableClock, type ShiftableClock } from '../platform/clock.js';

type Json = Record<string, unknown>;
type Item = {
  id: string;
  kind: string;
  code: string;
  title: string;
  basis: string;
  source: string;
  refusals: number;
};

async function listItems(s: Session, ownerOrgId: string, level: string): Promise<Item[]> {
  const r = await s.request('GET', `/api/lists/${ownerOrgId}/${level}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items as Item[];
}

async function versionOf(s: Session, ownerOrgId: string, level: string): Promise<number> {
  const r = await s.request('GET', `/api/lists/${ownerOrgId}/${level}`);
  return r.body.version as number;
}

const negativeItem = (ownerOrgId: string, level: string, over: Json = {}) => ({
  ownerOrgId,
  level,
  kind: 'negative',
  code: 'TN-T1',
  title: '测试：不得在本级处置暴露垃圾',
  basis: '测试依据',
  steps: [],
  documents: [],
  timeLimit: null,
  responsible: '测试',
  governance: 'administrative',
  status: 'inForce',
  expiresAt: null,
  categoryCode: '0101',
  taskCode: null,
  ...over,
});

describe('the four lists, with the demo lists', () => {
  let p: TestPlatform;
  let s: Sessions;
  let rootId: string;
  let townId: string;
  before(async () => {
    p = await startTestPlatform(
      { JOB_INTERVAL_MS: '600000' },
      { stages: [...CASE_STAGES, 'lists'], orgScale: 0.02 },
    );
    s = await sessions(p);
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    rootId = (await orgs.findRoot())!.id;
    townId = (await orgs.findByCode('320612001'))!.id;
  });
  after(async () => {
    await p.close();
  });

  it('shows the catalogue as the district’s service list and keeps catalogue, Open311 and the list one source', async () => {
    const before = await listItems(s.admin, rootId, 'district');
    const garbage = before.find((i) => i.code === '010101')!;
    assert.equal(garbage.kind, 'service');
    assert.equal(garbage.source, 'catalogue');
    assert.equal(garbage.title, '暴露垃圾');
    const v0 = await versionOf(s.admin, rootId, 'district');

    // Edit through the list: the category is renamed in the catalogue and in Open311.
    const put = await s.admin.request('PUT', '/api/lists/items/cat:010101', {
      ownerOrgId: rootId,
      level: 'district',
      kind: 'service',
      code: '010101',
      title: '暴露垃圾（含乱倒）',
      basis: '《城市市容和环境卫生管理条例》',
      steps: ['上报', '派遣', '清运', '核查'],
      documents: [],
      timeLimit: { amount: 4, unit: 'workHours' },
      responsible: '镇（街道）综合执法平台',
      governance: 'administrative',
      status: 'inForce',
      expiresAt: null,
      categoryCode: '010101',
      taskCode: null,
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const catalogue = await s.admin.request('GET', '/api/catalogue');
    const cat = (catalogue.body.items as { code: string; nameZh: string }[]).find(
      (c) => c.code === '010101',
    )!;
    assert.equal(cat.nameZh, '暴露垃圾（含乱倒）');
    const services = await p.app.inject({ method: 'GET', url: '/open311/v2/services.json' });
    const svc = (JSON.parse(services.payload) as { service_code: string; service_name: string }[]).find(
      (x) => x.service_code === '010101',
    )!;
    assert.equal(svc.service_name, '暴露垃圾（含乱倒）');
    const after1 = (await listItems(s.admin, rootId, 'district')).filter((i) => i.code === '010101');
    assert.equal(after1.length, 1, 'the detail replaces the catalogue view, it does not add a second item');
    assert.equal(
      after1[0]!.basis,
      '《城市市容和环境卫生管理条例》',
      'the list adds its detail to the category',
    );
    assert.equal(after1[0]!.title, '暴露垃圾（含乱倒）');
    const v1 = await versionOf(s.admin, rootId, 'district');
    assert.ok(v1 > v0);

    // Edit through the catalogue: the list shows it, as a new version.
    const cats = (catalogue.body.items as Json[]).find((c) => c.code === '010102')!;
    // The catalogue's own editor round trip: what GET /api/catalogue gives back is enough to save a category.
    const body: Json = {
      parentCode: cats.parentCode,
      depth: cats.depth,
      nameZh: '积存垃圾和渣土',
      nameEn: cats.nameEn,
      kind: cats.kind,
      net: cats.net,
      platform: cats.platform,
      registrationCondition: cats.registrationCondition,
      closingCondition: cats.closingCondition,
      limits: cats.limits,
      department: cats.department,
      selfHandle: cats.selfHandle,
      duplicateRadiusM: cats.duplicateRadiusM,
      fields: cats.fieldDefs,
      keywords: cats.keywords,
      active: cats.active,
    };
    const catPut = await s.admin.request('PUT', '/api/catalogue/010102', body);
    assert.equal(catPut.status, 200, JSON.stringify(catPut.body));
    const renamed = (await listItems(s.admin, rootId, 'district')).find((i) => i.code === '010102')!;
    assert.equal(renamed.title, '积存垃圾和渣土');
    assert.ok((await versionOf(s.admin, rootId, 'district')) > v1);

    // A town may not rename a catalogue category through its own list.
    const townTry = await s.town.request('POST', '/api/lists/items', {
      ownerOrgId: townId,
      level: 'town',
      kind: 'service',
      code: 'TS-X',
      title: '另起一个名字',
      basis: '',
      steps: [],
      documents: [],
      timeLimit: null,
      responsible: '金沙街道',
      governance: 'administrative',
      status: 'inForce',
      expiresAt: null,
      categoryCode: '010101',
      taskCode: null,
    });
    assert.equal(townTry.status, 422, JSON.stringify(townTry.body));
    assert.equal(townTry.body.code, 'list.linked_item');
  });

  it('shows routing rules as the duty list of the area they name', async () => {
    const dept = await p.database.db
      .selectFrom('org')
      .select('id')
      .where('code', '=', 'D-CG')
      .executeTakeFirstOrThrow();
    const before = (await listItems(s.town, townId, 'town')).filter((i) => i.source === 'routing');
    const add = await s.admin.request('POST', '/api/routing-rules', {
      categoryCode: '010103',
      areaOrgId: townId,
      departmentId: dept.id,
      note: '测试：金沙乱张贴由区城管处置',
    });
    assert.equal(add.status, 201, JSON.stringify(add.body));
    const after = (await listItems(s.town, townId, 'town')).filter((i) => i.source === 'routing');
    assert.equal(after.length, before.length + 1);
    const duty = after.find((i) => i.id === `rule:${add.body.id as string}`)!;
    assert.equal(duty.kind, 'duty');
    assert.equal(duty.code, '010103');
  });

  it('refuses an unlisted task for a grid worker, naming the list, and lets a listed one through', async () => {
    const { gridId } = await pointInGridOf(p, 'wangge');
    const refusalsBefore = await p.database.db
      .selectFrom('list_refusal')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('kind', '=', 'admission')
      .executeTakeFirstOrThrow();
    const no = await s.town.request('POST', '/api/grid-tasks', { gridId, taskCode: 'data.unlisted' });
    assert.equal(no.status, 422, JSON.stringify(no.body));
    assert.equal(no.body.code, 'list.task_not_admitted');
    assert.match(no.body.detail as string, /准入清单/);
    const refusalsAfter = await p.database.db
      .selectFrom('list_refusal')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('kind', '=', 'admission')
      .executeTakeFirstOrThrow();
    assert.equal(Number(refusalsAfter.n), Number(refusalsBefore.n) + 1, 'the refused attempt is counted');

    const yes = await s.town.request('POST', '/api/grid-tasks', { gridId, taskCode: 'patrol.daily' });
    assert.equal(yes.status, 200, JSON.stringify(yes.body));
    assert.equal(yes.body.title, '网格日常巡查');
    const mine = await s.grid.request('GET', '/api/grid-tasks/my');
    assert.ok((mine.body.items as { id: string }[]).some((t) => t.id === yes.body.id));

    // A task on the grid's negative list is refused although someone might admit it.
    const tax = await s.town.request('POST', '/api/grid-tasks', { gridId, taskCode: 'data.tax' });
    assert.equal(tax.status, 422);
    assert.equal(tax.body.code, 'list.negative_listed');
  });

  it('blocks a dispatch to a level whose negative list bars the category, counts it, and lets it go once withdrawn', async () => {
    const point = await pointInGridOf(p, 'wangge');
    const add = await s.town.request('POST', '/api/lists/items', negativeItem(townId, 'town'));
    assert.equal(add.status, 200, JSON.stringify(add.body));
    const itemId = add.body.id as string;
    const id = await caseIn(s, point, 'registered');
    const detail = await s.town.request('GET', `/api/cases/${id}`);
    const dispatch = await s.town.request('POST', `/api/cases/${id}/actions`, {
      action: 'dispatch',
      departmentId: detail.body.suggestedDepartmentId,
    });
    assert.equal(dispatch.status, 422, JSON.stringify(dispatch.body));
    assert.equal(dispatch.body.code, 'list.negative_listed');
    const still = await s.town.request('GET', `/api/cases/${id}`);
    assert.equal((still.body.item as Json).state, 'registered', 'nothing of the refused action is written');
    const item = (await listItems(s.town, townId, 'town')).find((i) => i.id === itemId)!;
    assert.equal(item.refusals, 1);

    const withdraw = await s.town.request(
      'PUT',
      `/api/lists/items/${itemId}`,
      negativeItem(townId, 'town', { status: 'withdrawn' }),
    );
    assert.equal(withdraw.status, 200, JSON.stringify(withdraw.body));
    const again = await s.town.request('POST', `/api/cases/${id}/actions`, {
      action: 'dispatch',
      departmentId: detail.body.suggestedDepartmentId,
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
  });

  it('keeps lists in scope: another town’s list is 404, the public sees lists in force and can search them', async () => {
    const shigang = await loginAs(p.app, 'shigang');
    const other = await shigang.request('GET', `/api/lists/${townId}/town`);
    assert.equal(other.status, 404);
    const write = await shigang.request(
      'POST',
      '/api/lists/items',
      negativeItem(townId, 'town', { code: 'X-1' }),
    );
    assert.equal(write.status, 404);
    // What binds every village is readable by a town below the district.
    const village = await listItems(shigang, rootId, 'village');
    assert.ok(village.some((i) => i.kind === 'power' && i.code === 'VP-01'));

    const pub = await p.app.inject({ method: 'GET', url: `/api/public/lists/${rootId}/village` });
    assert.equal(pub.statusCode, 200);
    const items = (JSON.parse(pub.payload) as { items: (Item & { steps: string[] })[] }).items;
    const decision = items.find((i) => i.code === 'VP-01')!;
    assert.ok(decision.steps.length >= 4, 'the process chart is published');
    const search = await p.app.inject({
      method: 'GET',
      url: `/api/public/lists/search?q=${encodeURIComponent('低保')}`,
    });
    assert.equal(search.statusCode, 200);
    assert.ok((JSON.parse(search.payload) as { items: Item[] }).items.some((i) => i.code === 'VP-05'));
    const unknown = await p.app.inject({ method: 'GET', url: `/api/public/lists/${rootId}/planet` });
    assert.equal(unknown.statusCode, 404);

    // An item with no category, no task and no expiry (nulls as the console sends them) is stored as such.
    const power = await s.town.request(
      'POST',
      '/api/lists/items',
      negativeItem(townId, 'town', {
        kind: 'power',
        code: 'TP-77',
        title: '测试权力事项',
        categoryCode: null,
      }),
    );
    assert.equal(power.status, 200, JSON.stringify(power.body));
    const stored = await p.database.db
      .selectFrom('list_item')
      .select(['category_code', 'task_code', 'expires_at'])
      .where('id', '=', power.body.id as string)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { category_code: null, task_code: null, expires_at: null });
  });

  it('moves a merged village’s list items to the village it merged into', async () => {
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    const town = (await orgs.findById({ path: '/' }, townId))!;
    const villages = (await orgs.subtree({ path: '/' }, town.path)).filter(
      (o) => o.level === 'village' && o.status === 'active',
    );
    const [from, into] = [villages.at(-1)!, villages.at(-2)!];
    const add = await s.admin.request(
      'POST',
      '/api/lists/items',
      negativeItem(from.id, 'village', {
        kind: 'duty',
        code: 'VD-M1',
        title: '合并前的村级事项',
        categoryCode: null,
      }),
    );
    assert.equal(add.status, 200, JSON.stringify(add.body));
    const merged = await s.admin.request('POST', `/api/orgs/${from.id}/merge`, { intoId: into.id });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    const items = await listItems(s.admin, into.id, 'village');
    assert.ok(items.some((i) => i.id === add.body.id));
    assert.equal((await s.admin.request('GET', `/api/lists/${from.id}/village`)).status, 404);
  });

  it('imports a sheet with a broken row as a report and writes nothing; a clean sheet lands as one version', async () => {
    const sheet = async (rows: string[][]) => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('清单');
      ws.addRow([
        '清单类别',
        '事项编号',
        '事项名称',
        '设定依据',
        '办理流程',
        '申请材料',
        '办理时限',
        '责任主体',
      ]);
      rows.forEach((r) => ws.addRow(r));
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const upload = async (bytes: Buffer, dryRun: boolean) => {
      const boundary = '----tongxin-test';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="l.xlsx"\r\n` +
            'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await p.app.inject({
        method: 'POST',
        url: `/api/imports/lists?ownerOrgId=${townId}&level=town&dryRun=${String(dryRun)}`,
        payload,
        headers: {
          cookie: s.town.cookie,
          'x-csrf-token': s.town.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
      return { status: res.statusCode, body: JSON.parse(res.payload) as Json };
    };
    const countBefore = (await listItems(s.town, townId, 'town')).length;
    const versionBefore = await versionOf(s.town, townId, 'town');
    const broken = await sheet([
      ['权力清单', 'TP-90', '测试事项', '测试依据', '受理→办理', '申请书', '5个工作日', '金沙街道'],
      ['不存在的清单', 'TP-91', '坏行', '', '', '', '三天左右', '金沙街道'],
    ]);
    const report = await upload(broken, false);
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.equal(report.body.committed, false);
    const issues = report.body.issues as { row: number }[];
    assert.ok(
      issues.some((i) => i.row === 3),
      JSON.stringify(issues),
    );
    assert.equal((await listItems(s.town, townId, 'town')).length, countBefore);
    assert.equal(await versionOf(s.town, townId, 'town'), versionBefore);

    const clean = await sheet([
      ['权力清单', 'TP-90', '测试事项', '测试依据', '受理→办理', '申请书', '5个工作日', '金沙街道'],
    ]);
    const ok = await upload(clean, false);
    assert.equal(ok.body.committed, true, JSON.stringify(ok.body));
    const items = await listItems(s.town, townId, 'town');
    assert.equal(items.length, countBefore + 1);
    assert.equal(await versionOf(s.town, townId, 'town'), versionBefore + 1);

    // The export reads back in the same layout.
    const exported = await p.app.inject({
      method: 'GET',
      url: `/api/lists/${townId}/town/export`,
      headers: { cookie: s.town.cookie },
    });
    assert.equal(exported.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter((r) => r !== undefined);
    assert.equal(
      rows.length,
      items.filter((i) => i.source !== 'routing').length + 1,
      'routing duties are not exported',
    );
  });
});

describe('grid task admission, on a hand-built list', () => {
  let p: TestPlatform;
  let s: Sessions;
  let clock: ShiftableClock;
  before(async () => {
    // A fixed base time keeps the weeks of the burden meter the same on every run.
    clock = shiftableClock();
    clock.shiftTo(Date.UTC(2030, 2, 4, 1, 0, 0)); // a Monday, 09:00 in the district
    p = await startTestPlatform(
      { JOB_INTERVAL_MS: '600000' },
      { stages: CASE_STAGES, orgScale: 0.02, clock },
    );
    s = await sessions(p);
  });
  after(async () => {
    await p.close();
  });

  async function admit(body: Json): Promise<string> {
    const applied = await s.handler.request('POST', '/api/admissions', body);
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const item = applied.body.item as Json;
    assert.equal(item.status, 'pending');
    const decided = await s.district.request('POST', `/api/admissions/${item.id as string}/decision`, {
      approve: true,
      note: '同意，联系人 13912345678',
    });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal((decided.body.item as Json).status, 'admitted');
    assert.ok(!((decided.body.item as Json).decisionNote as string).includes('13912345678'));
    return item.id as string;
  }

  it('admits an applied task, lets an emergency one run out by itself, meters the week and holds case steps to the list', async () => {
    const { gridId } = await pointInGridOf(p, 'wangge');
    // Before any admission list, explicit tasks are refused and case steps still pass.
    const early = await s.town.request('POST', '/api/grid-tasks', { gridId, taskCode: 'patrol.daily' });
    assert.equal(early.status, 422);

    // A department may not decide its own application.
    const own = await s.handler.request('POST', '/api/admissions', {
      taskKind: 'patrol',
      taskCode: 'patrol.daily',
      title: '网格日常巡查',
      reason: '每日巡查',
      weeklyLoad: 5,
      durationDays: null,
      isEmergency: false,
    });
    const self = await s.handler.request(
      'POST',
      `/api/admissions/${(own.body.item as Json).id as string}/decision`,
      {
        approve: true,
        note: null,
      },
    );
    assert.equal(self.status, 403);
    await s.district.request('POST', `/api/admissions/${(own.body.item as Json).id as string}/decision`, {
      approve: true,
      note: null,
    });
    await admit({
      taskKind: 'dataCollection',
      taskCode: 'data.flood',
      title: '防汛责任人核对',
      reason: '汛前核对',
      weeklyLoad: 2,
      durationDays: 3,
      isEmergency: true,
    });
    const noDuration = await s.handler.request('POST', '/api/admissions', {
      taskKind: 'survey',
      taskCode: 'survey.x',
      title: '临时调查',
      reason: '紧急',
      weeklyLoad: 1,
      durationDays: null,
      isEmergency: true,
    });
    assert.equal(noDuration.status, 400);

    // A hand-built week: three patrols and two collections on wangge's grid.
    for (const code of ['patrol.daily', 'patrol.daily', 'data.flood', 'patrol.daily', 'data.flood']) {
      const r = await s.town.request('POST', '/api/grid-tasks', { gridId, taskCode: code });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    // Case steps are not on this list: sending a case to the grid worker to check is refused.
    const point = await pointInGridOf(p, 'wangge');
    await assert.rejects(caseIn(s, point, 'checking'), /list\.task_not_admitted/);

    const meter = await s.town.request('GET', '/api/admissions/burden?weeks=2');
    assert.equal(meter.status, 200, JSON.stringify(meter.body));
    const weeks = meter.body.weeks as string[];
    assert.deepEqual(weeks, ['2030-02-25', '2030-03-04']);
    const worker = (
      meter.body.workers as {
        gridId: string;
        weeks: { week: string; byKind: Record<string, number>; total: number }[];
        admittedTasks: number;
        admittedWeeklyLoad: number;
        isOverLoad: boolean;
      }[]
    ).find((w) => w.gridId === gridId)!;
    assert.deepEqual(worker.weeks[1]!.byKind, { caseStep: 0, patrol: 3, survey: 0, dataCollection: 2 });
    assert.equal(worker.weeks[1]!.total, 5);
    assert.equal(worker.weeks[0]!.total, 0);
    assert.equal(worker.admittedTasks, 2);
    assert.equal(worker.admittedWeeklyLoad, 7);
    assert.equal(worker.isOverLoad, false);

    // Four days later the emergency addition has run out by itself; the standing one has not.
    clock.shiftTo(clock.now() + 4 * DAY_MS);
    s = await sessions(p); // the sessions of four days ago have timed out
    const late = await s.town.request('POST', '/api/grid-tasks', { gridId, taskCode: 'data.flood' });
    assert.equal(late.status, 422, JSON.stringify(late.body));
    assert.equal(late.body.code, 'list.task_not_admitted');
    assert.match(late.body.detail as string, /准入期已过/);
    const list = await s.district.request('GET', '/api/admissions');
    const flood = (list.body.items as Json[]).find((a) => a.taskCode === 'data.flood')!;
    assert.equal(flood.status, 'expired');
    const standing = await s.town.request('POST', '/api/grid-tasks', { gridId, taskCode: 'patrol.daily' });
    assert.equal(standing.status, 200);
  });
});
