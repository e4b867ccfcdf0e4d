import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  loginAs,
  startTestPlatform,
  type Session,
  type TestPlatform,
  type TestResponse,
} from '../testing/testPlatform.js';
import { passwordProblem } from './passwordPolicy.js';

type UserDto = {
  id: string;
  username: string;
  status: string;
  mustChangePassword: boolean;
  lastLoginAt: number | null;
  assignments: { id: string; role: string; orgId: string }[];
  grids: { gridId: string; code: string | null; role: string }[];
  member: { id: string } | null;
  isManageable: boolean;
};

const NEW_PASSWORD = 'Grid-worker-42x';

describe('the identity lifecycle through the API', () => {
  let p: TestPlatform;
  let admin: Session;
  let orgIds: Record<string, string>;

  before(async () => {
    p = await startTestPlatform({}, { stages: ['spine', 'catalogue', 'users', 'grids'] });
    admin = await loginAs(p.app, 'admin');
    const orgs = await p.database.db.selectFrom('org').select(['id', 'code']).execute();
    orgIds = Object.fromEntries(orgs.map((o) => [o.code ?? o.id, o.id]));
  });
  after(async () => {
    await p.close();
  });

  const signIn = async (username: string, password: string) => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const body = JSON.parse(res.payload) as { csrfToken: string; mustChangePassword: boolean; code?: string };
    const session: Session = {
      cookie,
      csrf: body.csrfToken,
      request: (method, url, payload) =>
        call(p.app, method, url, { body: payload, headers: { cookie, 'x-csrf-token': body.csrfToken } }),
    };
    return { status: res.statusCode, body, session };
  };

  const create = async (
    by: Session,
    username: string,
    orgCode: string,
    roles: { role: string; orgCode: string }[],
  ): Promise<TestResponse> =>
    by.request('POST', '/api/admin/users', {
      username,
      displayName: `测试${username}`,
      orgId: orgIds[orgCode],
      roles: roles.map((r) => ({ role: r.role, orgId: orgIds[r.orgCode] })),
    });

  /** A new account, its first sign-in and the forced change done: a session that works. */
  const onboard = async (username: string, orgCode: string, role: string) => {
    const made = await create(admin, username, orgCode, [{ role, orgCode }]);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const first = await signIn(username, made.body.oneTimePassword as string);
    const changed = await first.session.request('PUT', '/api/auth/password', {
      currentPassword: made.body.oneTimePassword,
      newPassword: NEW_PASSWORD,
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    return { id: (made.body.item as UserDto).id, session: first.session };
  };

  it('creates an account with a one-time password that must be changed before any other API answers', async () => {
    const made = await create(admin, 'gw.liu', '320612001001', [
      { role: 'gridWorker', orgCode: '320612001001' },
    ]);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const user = made.body.item as UserDto;
    assert.equal(user.mustChangePassword, true);
    assert.equal(user.lastLoginAt, null);
    assert.deepEqual(
      user.assignments.map((a) => a.role),
      ['gridWorker'],
    );
    const oneTime = made.body.oneTimePassword as string;
    assert.equal(passwordProblem(oneTime, 'gw.liu'), null);
    const stored = await p.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.password_hash, oneTime, 'only a hash is stored');

    const first = await signIn('gw.liu', oneTime);
    assert.equal(first.status, 200);
    assert.equal(first.body.mustChangePassword, true, 'sign-in answers with the flag');
    const blocked = await first.session.request('GET', '/api/orgs/roots');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'auth.password_change_required');
    const me = await first.session.request('GET', '/api/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.mustChangePassword, true);

    const weak = await first.session.request('PUT', '/api/auth/password', {
      currentPassword: oneTime,
      newPassword: 'short',
    });
    assert.equal(weak.body.code, 'password.too_short');
    const wrong = await first.session.request('PUT', '/api/auth/password', {
      currentPassword: 'not-the-password',
      newPassword: NEW_PASSWORD,
    });
    assert.equal(wrong.body.code, 'auth.current_password_wrong');
    const ok = await first.session.request('PUT', '/api/auth/password', {
      currentPassword: oneTime,
      newPassword: NEW_PASSWORD,
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.mustChangePassword, false);
    assert.equal((await first.session.request('GET', '/api/orgs/roots')).status, 200, 'now it answers');

    const seen = await admin.request('GET', `/api/admin/users/${user.id}`);
    const after = seen.body.item as UserDto;
    assert.equal(after.mustChangePassword, false);
    assert.ok(after.lastLoginAt !== null && after.lastLoginAt <= p.clock.now(), 'the sign-in is recorded');

    const audit = await p.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', user.id)
      .execute();
    const actions = audit.map((a) => a.action);
    assert.ok(actions.includes('user.create'));
    assert.ok(actions.includes('user.password.change'));
  });

  it('refuses a taken username and a role at an organisation of the wrong level', async () => {
    const again = await create(admin, 'gw.liu', '320612001001', []);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'user.username_taken');
    const level = await create(admin, 'gw.wrong', '320612001', [
      { role: 'gridWorker', orgCode: '320612001' },
    ]);
    assert.equal(level.status, 422);
    assert.equal(level.body.code, 'user.role_org_mismatch');
  });

  it('assigns several roles, revokes one, and finds users by name, role and organisation', async () => {
    const { id } = await onboard('cadre.zhao', '320612001001', 'villageCadre');
    const added = await admin.request('POST', `/api/admin/users/${id}/assignments`, {
      role: 'partyMember',
      orgId: orgIds['320612001001'],
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const roles = (added.body.item as UserDto).assignments;
    assert.deepEqual(roles.map((a) => a.role).sort(), ['partyMember', 'villageCadre']);
    const twice = await admin.request('POST', `/api/admin/users/${id}/assignments`, {
      role: 'partyMember',
      orgId: orgIds['320612001001'],
    });
    assert.equal(twice.body.code, 'user.duplicate_assignment');

    const byName = await admin.request('GET', '/api/admin/users?q=zhao');
    assert.deepEqual(
      (byName.body.items as UserDto[]).map((u) => u.username),
      ['cadre.zhao'],
    );
    const byRole = await admin.request('GET', '/api/admin/users?role=partyMember');
    assert.equal(byRole.body.total, 1);
    const byOrg = await admin.request('GET', `/api/admin/users?orgId=${orgIds['320612110']}`);
    assert.deepEqual(
      (byOrg.body.items as UserDto[]).map((u) => u.username),
      ['shigang'],
    );
    const paged = await admin.request('GET', '/api/admin/users?pageSize=2&page=2');
    assert.equal((paged.body.items as UserDto[]).length, 2);
    assert.ok((paged.body.total as number) > 4);

    const partyMember = roles.find((a) => a.role === 'partyMember')!;
    const revoked = await admin.request('DELETE', `/api/admin/users/${id}/assignments/${partyMember.id}`);
    assert.equal(revoked.status, 200);
    assert.deepEqual(
      (revoked.body.item as UserDto).assignments.map((a) => a.role),
      ['villageCadre'],
    );
  });

  it('deactivating ends every session at once; reactivating lets the user in again', async () => {
    const { id, session } = await onboard('gw.sun', '320612001001', 'gridWorker');
    const second = await signIn('gw.sun', NEW_PASSWORD);
    assert.equal((await second.session.request('GET', '/api/auth/me')).status, 200);
    const off = await admin.request('POST', `/api/admin/users/${id}/deactivate`);
    assert.equal(off.status, 200);
    assert.equal((off.body.item as UserDto).status, 'inactive');
    for (const s of [session, second.session]) {
      const me = await s.request('GET', '/api/auth/me');
      assert.equal(me.status, 401, 'the session ended with the deactivation');
    }
    const sessions = await p.database.db
      .selectFrom('session')
      .select('id_hash')
      .where('user_id', '=', id)
      .execute();
    assert.equal(sessions.length, 0);
    assert.equal((await signIn('gw.sun', NEW_PASSWORD)).status, 401);
    const self = await admin.request('POST', `/api/admin/users/${await adminId()}/deactivate`);
    assert.equal(self.body.code, 'user.cannot_deactivate_self');
    const inactive = await admin.request('GET', '/api/admin/users?status=inactive');
    assert.deepEqual(
      (inactive.body.items as UserDto[]).map((u) => u.username),
      ['gw.sun'],
    );
    assert.equal((await admin.request('POST', `/api/admin/users/${id}/reactivate`)).status, 200);
    assert.equal((await signIn('gw.sun', NEW_PASSWORD)).status, 200);
  });

  const adminId = async () =>
    (
      await p.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).id;

  it('an admin reset ends all sessions and forces a change; an own change ends the other sessions only', async () => {
    const { id, session } = await onboard('gw.qian', '320612001001', 'gridWorker');
    const reset = await admin.request('POST', `/api/admin/users/${id}/password-reset`);
    assert.equal(reset.status, 200);
    const oneTime = reset.body.oneTimePassword as string;
    assert.equal((await session.request('GET', '/api/auth/me')).status, 401, 'reset ends sessions at once');
    assert.equal((await signIn('gw.qian', NEW_PASSWORD)).status, 401, 'the old password is gone');
    const forced = await signIn('gw.qian', oneTime);
    assert.equal(forced.body.mustChangePassword, true);
    assert.equal(
      (await forced.session.request('GET', '/api/orgs/roots')).body.code,
      'auth.password_change_required',
    );
    const sameAsUser = await forced.session.request('PUT', '/api/auth/password', {
      currentPassword: oneTime,
      newPassword: 'my-gw.qian-pass',
    });
    assert.equal(sameAsUser.body.code, 'password.contains_username');
    const other = await signIn('gw.qian', oneTime);
    const changed = await forced.session.request('PUT', '/api/auth/password', {
      currentPassword: oneTime,
      newPassword: 'Another-long-one-7',
    });
    assert.equal(changed.status, 200);
    assert.equal((await forced.session.request('GET', '/api/orgs/roots')).status, 200, 'this session stays');
    assert.equal((await other.session.request('GET', '/api/auth/me')).status, 401, 'the other one ended');
  });

  it('links an account to grids (grid-staff records) and clears the link', async () => {
    const { id } = await onboard('gw.zhou', '320612001001', 'gridWorker');
    const grid = await p.database.db
      .selectFrom('grid')
      .select(['id', 'code'])
      .where('code', 'like', '320612001001%')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const linked = await admin.request('PUT', `/api/admin/users/${id}/grids`, {
      grids: [{ gridId: grid.id, role: 'worker' }],
    });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.deepEqual(
      (linked.body.item as UserDto).grids.map((g) => g.code),
      [grid.code],
    );
    const staff = await p.database.db
      .selectFrom('grid_staff')
      .select(['grid_id'])
      .where('user_id', '=', id)
      .where('removed_at', 'is', null)
      .execute();
    assert.deepEqual(
      staff.map((s) => s.grid_id),
      [grid.id],
    );
    const cleared = await admin.request('PUT', `/api/admin/users/${id}/grids`, { grids: [] });
    assert.deepEqual((cleared.body.item as UserDto).grids, []);
    const missing = await admin.request('PUT', `/api/admin/users/${id}/member`, {
      memberId: 'no-such-member',
    });
    assert.equal(missing.status, 404);
  });

  const upload = async (by: Session, csv: string, dryRun: boolean) => {
    const boundary = '----tx-boundary';
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/imports/users?dryRun=${String(dryRun)}`,
      headers: {
        cookie: by.cookie,
        'x-csrf-token': by.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="users.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.from(csv, 'utf8'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    const json = JSON.parse(res.payload) as Record<string, unknown>;
    return {
      status: res.statusCode,
      body: json,
      report: (json.report ?? json) as {
        total: number;
        issueCount: number;
        committed: boolean;
        issues: { row: number; column: string }[];
        credentials: { username: string; oneTimePassword: string }[];
      },
    };
  };

  it('imports grid workers with their grids: a broken row writes nothing, a clean file writes all', async () => {
    const grids = await p.database.db
      .selectFrom('grid')
      .select(['id', 'code'])
      .where('code', 'like', '320612001001%')
      .orderBy('code')
      .limit(2)
      .execute();
    assert.equal(grids.length, 2);
    const count = async () =>
      Number(
        (
          await p.database.db
            .selectFrom('app_user')
            .select(p.database.db.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const header = '用户名,姓名,角色,组织代码,网格编码\n';
    const good = `imp.wang,王网格,网格员,320612001001,${grids[0]!.code}\nimp.li,李网格,网格员,320612001001,"${grids[0]!.code}；${grids[1]!.code}"\n`;
    const broken = `${good}imp.bad,坏行,网格员,320612001001,999999999999999\n`;

    const refused = await upload(admin, header + broken, false);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'import.invalid_file');
    assert.deepEqual(
      refused.report.issues.map((i) => [i.row, i.column]),
      [[4, '网格编码']],
    );
    assert.equal(await count(), before, 'nothing written');

    const dry = await upload(admin, header + good, true);
    assert.equal(dry.status, 200);
    assert.equal(dry.report.issueCount, 0);
    assert.equal(dry.report.committed, false);
    assert.equal(await count(), before, 'a dry run writes nothing');

    const done = await upload(admin, header + good, false);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.report.committed, true);
    assert.deepEqual(
      done.report.credentials.map((c) => c.username),
      ['imp.wang', 'imp.li'],
    );
    assert.equal(await count(), before + 2);
    const li = await signIn('imp.li', done.report.credentials[1]!.oneTimePassword);
    assert.equal(li.body.mustChangePassword, true);
    const liId = (
      await p.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'imp.li')
        .executeTakeFirstOrThrow()
    ).id;
    const detail = await admin.request('GET', `/api/admin/users/${liId}`);
    assert.deepEqual(
      (detail.body.item as UserDto).grids.map((g) => g.code).sort(),
      grids.map((g) => g.code).sort(),
    );

    const repeat = await upload(admin, header + good, true);
    assert.ok(repeat.report.issueCount >= 2, 'taken usernames are row-level issues');
  });

  describe('a town admin sees and changes only their town', () => {
    let js: Session;
    before(async () => {
      js = await loginAs(p.app, 'jsadmin');
    });

    it('lists only users administered in 金沙街道; another town’s user is 404', async () => {
      const list = await js.request('GET', '/api/admin/users?pageSize=200');
      assert.equal(list.status, 200);
      const names = (list.body.items as UserDto[]).map((u) => u.username);
      assert.ok(names.includes('jinsha'));
      assert.ok(names.includes('dongshi'));
      assert.ok(!names.includes('shigang'));
      assert.ok(!names.includes('admin'));
      const shigang = await p.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'shigang')
        .executeTakeFirstOrThrow();
      for (const [method, url] of [
        ['GET', `/api/admin/users/${shigang.id}`],
        ['POST', `/api/admin/users/${shigang.id}/password-reset`],
        ['POST', `/api/admin/users/${shigang.id}/deactivate`],
      ] as const) {
        const res = await js.request(method, url);
        assert.equal(res.status, 404, `${method} ${url}`);
      }
    });

    it('never grants a district role or a scope outside the town', async () => {
      const district = await create(js, 'js.boss', '320612001', [
        { role: 'districtAdmin', orgCode: '320612' },
      ]);
      assert.equal(district.status, 403);
      assert.equal(district.body.code, 'user.role_not_grantable');
      const otherTown = await create(js, 'js.other', '320612001', [
        { role: 'townCommand', orgCode: '320612110' },
      ]);
      assert.equal(otherTown.status, 404);
      const homeOutside = await create(js, 'js.home', '320612110', []);
      assert.equal(homeOutside.status, 404);
      const roles = await js.request('GET', '/api/admin/users/grantable-roles');
      assert.ok(!(roles.body.items as { role: string }[]).some((r) => r.role === 'districtAdmin'));

      const ok = await create(js, 'js.seat', '320612001', [{ role: 'townCommand', orgCode: '320612001' }]);
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      const id = (ok.body.item as UserDto).id;
      const grant = await js.request('POST', `/api/admin/users/${id}/assignments`, {
        role: 'districtCommand',
        orgId: orgIds['320612'],
      });
      assert.equal(grant.body.code, 'user.role_not_grantable');

      // A district admin gives the same person a district role: the town admin may no longer change the account.
      await admin.request('POST', `/api/admin/users/${id}/assignments`, {
        role: 'districtCommand',
        orgId: orgIds['320612'],
      });
      const seen = await js.request('GET', `/api/admin/users/${id}`);
      assert.equal((seen.body.item as UserDto).isManageable, false);
      const reset = await js.request('POST', `/api/admin/users/${id}/password-reset`);
      assert.equal(reset.status, 403);
      assert.equal(reset.body.code, 'user.not_manageable');
    });

    it('a town admin without admin rights elsewhere: other admin APIs stay closed', async () => {
      const tokens = await js.request('GET', '/api/admin/tokens');
      assert.equal(tokens.status, 403);
      assert.equal(tokens.body.code, 'auth.forbidden');
    });
  });
});

describe('the password policy', () => {
  it('wants 10 characters, no username inside, nothing common', () => {
    assert.equal(passwordProblem('short-1', 'someone'), 'password.too_short');
    assert.equal(passwordProblem('Wangxiaoming-2026', 'wangxiaoming'), 'password.contains_username');
    assert.equal(passwordProblem('1234567890', 'someone'), 'password.too_common');
    assert.equal(passwordProblem('Password123', 'someone'), 'password.too_common');
    assert.equal(passwordProblem('aaaaabbbbb', 'someone'), 'password.too_common');
    assert.equal(passwordProblem('river-stone-lamp', 'someone'), null);
    assert.equal(passwordProblem('十个汉字的密码也可以用', 'someone'), null);
  });
});
