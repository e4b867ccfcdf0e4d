import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { orgDirectory } from '../orgs/index.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { makeIdNumber } from './idNumber.js';

type Json = Record<string, unknown>;

describe('party members: masking, audited reveal, scope, transfer', () => {
  let p: TestPlatform;
  let admin: Session;
  const ids = { dongshiBranch: '', dongshiGroup: '', otherBranch: '', dongshi: '', other: '' };
  const idNumber = makeIdNumber('320612', '1980-03-15', 123);
  const phone = '10012345678';

  const createOrg = async (parentId: string, level: string, type: string, name: string) => {
    const res = await admin.request('POST', '/api/orgs', { parentId, level, type, name });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body.item as { id: string }).id;
  };
  const memberBody = (over: Json = {}) => ({
    name: '张建国',
    ethnicity: '汉族',
    education: 'university',
    idNumber,
    phone,
    joinedOn: '2005-07-01',
    status: 'full',
    branchId: ids.dongshiBranch,
    groupId: ids.dongshiGroup,
    communityId: null,
    ...over,
  });

  before(async () => {
    p = await startTestPlatform();
    admin = await loginAs(p.app, 'admin');
    const repo = orgDirectory(p.database.db, p.database.dialect);
    ids.dongshi = (await repo.findByCode('320612001001'))!.id;
    const shigang = (await repo.findByCode('320612110'))!;
    ids.other = (await repo.children({ path: '/' }, shigang.id, 1, null))[0]!.id;
    ids.dongshiBranch = await createOrg(ids.dongshi, 'branch', 'branch', '东市社区第一党支部');
    ids.dongshiGroup = await createOrg(ids.dongshiBranch, 'group', 'group', '第一党小组');
    ids.otherBranch = await createOrg(ids.other, 'branch', 'branch', '石港第一党支部');
  });
  after(async () => {
    await p.close();
  });

  it('validates the ID number checksum and refuses duplicates', async () => {
    const broken = `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`;
    const bad = await admin.request('POST', '/api/members', memberBody({ idNumber: broken }));
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'member.invalid_id_number');
    const ok = await admin.request('POST', '/api/members', memberBody());
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const again = await admin.request('POST', '/api/members', memberBody({ name: '李四' }));
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'member.duplicate_id_number');
  });

  it('shows ID and phone masked everywhere, and never stores them in plain text', async () => {
    const list = await admin.request('GET', `/api/members?orgId=${ids.dongshi}`);
    assert.equal(list.status, 200);
    const [m] = list.body.items as Json[];
    assert.equal(m!.idNumber, `320612********${idNumber.slice(-4)}`);
    assert.equal(m!.phone, '100****5678');
    assert.equal(m!.birthYear, 1980);
    assert.equal(m!.gender, idNumber.charCodeAt(16) % 2 === 1 ? 'male' : 'female');
    const one = await admin.request('GET', `/api/members/${String(m!.id)}`);
    const text = JSON.stringify(one.body) + JSON.stringify(list.body);
    assert.ok(!text.includes(idNumber) && !text.includes(phone));
    assert.ok(!text.includes('1980-03-15'), 'the birth date would unmask the ID number');

    const rows = await p.database.db.selectFrom('member').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(idNumber));
    assert.ok(!JSON.stringify(rows).includes(phone));
    if (p.database.dialect === 'sqlite') {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(p.database.db);
      for (const file of [p.database.file!, `${p.database.file!}-wal`]) {
        if (existsSync(file)) {
          const bytes = readFileSync(file);
          assert.equal(bytes.includes(Buffer.from(idNumber)), false, `${file} holds the ID number`);
          assert.equal(bytes.includes(Buffer.from(phone)), false, `${file} holds the phone number`);
        }
      }
    }
  });

  it('reveals only with the right action and a reason, and audits each reveal', async () => {
    const cadre = await loginAs(p.app, 'dongshi');
    const list = await cadre.request('GET', '/api/members');
    const id = String((list.body.items as Json[])[0]!.id);
    const noReason = await cadre.request('POST', `/api/members/${id}/reveal`, { reason: ' ' });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.body.code, 'personal.reason_required');
    const town = await loginAs(p.app, 'jinsha');
    const forbidden = await town.request('POST', `/api/members/${id}/reveal`, { reason: '核实身份' });
    assert.equal(forbidden.status, 403);
    const shown = await cadre.request('POST', `/api/members/${id}/reveal`, { reason: '办理组织关系转接' });
    assert.equal(shown.status, 200);
    assert.deepEqual(shown.body, { idNumber, phone });
    const audit = await p.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member.reveal')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.entity_id, id);
    assert.match(audit[0]!.detail ?? '', /办理组织关系转接/);
    assert.ok(!(audit[0]!.detail ?? '').includes(idNumber));
  });

  it('a village cadre cannot see members of another village (404)', async () => {
    const created = await admin.request(
      'POST',
      '/api/members',
      memberBody({
        name: '王秀英',
        idNumber: makeIdNumber('320683', '1975-11-02', 456),
        branchId: ids.otherBranch,
        groupId: null,
        phone: null,
      }),
    );
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const otherId = (created.body.item as { id: string }).id;
    const cadre = await loginAs(p.app, 'dongshi');
    assert.equal((await cadre.request('GET', `/api/members/${otherId}`)).status, 404);
    assert.equal(
      (await cadre.request('POST', `/api/members/${otherId}/reveal`, { reason: '核实身份' })).status,
      404,
    );
    assert.equal((await cadre.request('GET', `/api/members?orgId=${ids.other}`)).status, 404);
    const mine = await cadre.request('GET', '/api/members');
    assert.ok((mine.body.items as Json[]).every((m) => m.id !== otherId));
    assert.equal((mine.body.items as Json[]).length, 1);
    const town = await loginAs(p.app, 'shigang');
    assert.equal((await town.request('GET', `/api/members/${otherId}`)).status, 200);
  });

  it('transfers a member with a history row and keeps the counts right', async () => {
    const list = await admin.request(
      'GET',
      `/api/members?orgId=${ids.dongshi}&name=${encodeURIComponent('建国')}`,
    );
    const id = String((list.body.items as Json[])[0]!.id);
    const res = await admin.request('POST', `/api/members/${id}/transfer`, {
      branchId: ids.otherBranch,
      groupId: null,
      reason: '工作调动',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const detail = await admin.request('GET', `/api/members/${id}`);
    const item = detail.body.item as { branch: { id: string }; group: unknown; transfers: Json[] };
    assert.equal(item.branch.id, ids.otherBranch);
    assert.equal(item.group, null);
    assert.deepEqual(
      item.transfers.map((t) => t.kind),
      ['transfer', 'join'],
    );
    const counts = async (id: string) =>
      ((await admin.request('GET', `/api/orgs/${id}`)).body.item as { counts: Record<string, number> })
        .counts;
    assert.equal((await counts(ids.dongshi)).member ?? 0, 0);
    assert.equal((await counts(ids.other)).member, 2);
    const cadre = await loginAs(p.app, 'dongshi');
    assert.equal((await cadre.request('GET', `/api/members/${id}`)).status, 404, 'gone from the old village');
  });

  it('appoints officers of an organisation the member belongs to', async () => {
    const list = await admin.request('GET', `/api/members?orgId=${ids.other}`);
    const member = (list.body.items as Json[]).find((m) => m.name === '王秀英')!;
    const wrong = await admin.request('PUT', `/api/orgs/${ids.dongshiBranch}/officers`, {
      memberId: member.id,
      role: 'secretary',
      isAppointed: true,
    });
    assert.equal(wrong.status, 400);
    const ok = await admin.request('PUT', `/api/orgs/${ids.otherBranch}/officers`, {
      memberId: member.id,
      role: 'secretary',
      isAppointed: true,
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const officers = await admin.request('GET', `/api/orgs/${ids.otherBranch}/officers`);
    assert.deepEqual(officers.body.items, [{ role: 'secretary', memberId: member.id, name: '王秀英' }]);
    const detail = await admin.request('GET', `/api/members/${String(member.id)}`);
    assert.deepEqual(
      (detail.body.item as { roles: { role: string }[] }).roles.map((r) => r.role),
      ['secretary'],
    );
  });
});
