// The catalogue's admin answers carry every field the editor needs: the response schemas are what the server sends
// (a field missing from one would be dropped by the serialiser without an error).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock } from '../../platform/clock.js';
import { instantOfLocalDate } from '../../platform/time.js';
import { CASE_STAGES } from '../../testing/caseFixtures.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../../testing/testPlatform.js';
import { defaultCaseSettings } from '../caseSettings.js';
import { catalogueRepository } from './repository.js';

const START = instantOfLocalDate('2026-04-14') + 10 * 3_600_000;

type Json = Record<string, unknown>;

describe('catalogue admin answers', () => {
  let p: TestPlatform;
  let admin: Session;
  before(async () => {
    p = await startTestPlatform({}, { stages: CASE_STAGES, orgScale: 0.02, clock: manualClock(START) });
    admin = await loginAs(p.app, 'admin');
  });
  after(async () => {
    await p.close();
  });

  it('answers each category with its limits and both languages of its extra fields', async () => {
    const res = await admin.request('GET', '/api/catalogue');
    assert.equal(res.status, 200);
    const items = res.body.items as Json[];
    const stored = await catalogueRepository(p.database.db).all();
    assert.equal(items.length, stored.length);
    const withFields = stored.find((c) => c.fields.some((f) => (f.values ?? []).length > 0));
    assert.ok(withFields !== undefined, 'the default catalogue has a field with listed values');
    const answered = items.find((c) => c.code === withFields.code)!;
    assert.deepEqual(answered.limits, withFields.limits);
    assert.deepEqual(answered.fieldDefs, withFields.fields);
  });

  it('lists the versions with their time, author and note', async () => {
    const cat = ((await admin.request('GET', '/api/catalogue')).body.items as Json[]).find(
      (c) => c.depth === 3,
    )!;
    const put = await admin.request('PUT', `/api/catalogue/${cat.code as string}`, {
      parentCode: cat.parentCode,
      depth: cat.depth,
      nameZh: `${cat.nameZh as string}（改）`,
      nameEn: cat.nameEn,
      kind: cat.kind,
      net: cat.net,
      platform: cat.platform,
      registrationCondition: cat.registrationCondition,
      closingCondition: cat.closingCondition,
      limits: cat.limits,
      department: cat.department,
      selfHandle: cat.selfHandle,
      duplicateRadiusM: cat.duplicateRadiusM,
      fields: cat.fieldDefs,
      keywords: cat.keywords,
      active: cat.active,
      note: '改名',
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const versions = await admin.request('GET', '/api/catalogue/versions');
    assert.equal(versions.status, 200);
    const adminId = await p.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    assert.deepEqual((versions.body.items as Json[])[0], {
      version: put.body.version,
      createdAt: START,
      createdBy: adminId.id,
      note: '改名',
    });
  });

  it('answers a routing rule with its limit and the names of its area and department', async () => {
    const dept = await p.database.db
      .selectFrom('org')
      .select(['id', 'name'])
      .where('code', '=', 'D-CG')
      .executeTakeFirstOrThrow();
    const town = await p.database.db
      .selectFrom('org')
      .select(['id', 'name'])
      .where('level', '=', 'town')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const add = await admin.request('POST', '/api/routing-rules', {
      categoryCode: '010103',
      areaOrgId: town.id,
      departmentId: dept.id,
      limit: { amount: 3, unit: 'workDays' },
      note: '由区城管处置',
    });
    assert.equal(add.status, 201, JSON.stringify(add.body));
    const rules = await admin.request('GET', '/api/routing-rules?category=010103');
    assert.equal(rules.status, 200);
    const rule = (rules.body.items as Json[]).find((r) => r.id === add.body.id);
    assert.deepEqual(rule, {
      id: add.body.id,
      categoryCode: '010103',
      areaOrgId: town.id,
      areaName: town.name,
      departmentName: dept.name,
      gridId: null,
      platform: null,
      departmentId: dept.id,
      limit: { amount: 3, unit: 'workDays' },
      note: '由区城管处置',
    });
  });

  it('answers the whole case settings', async () => {
    const res = await admin.request('GET', '/api/cases/settings');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, defaultCaseSettings);
  });
});
