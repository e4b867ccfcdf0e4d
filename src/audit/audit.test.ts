import assert from 'node:assert/strict';
import { caseActions } from '../cases/index.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makeIdNumber } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { caseIn, CASE_STAGES, pointInGridOf, sessions, type Sessions } from '../testing/caseFixtures.js';
import {
  call,
  loginAs,
  startTestPlatform,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';
import { auditActionLabels, auditEntityLabels } from './labels.js';

type Json = Record<string, unknown>;

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Codes written through a template: each template and every value its placeholder takes. A template not listed here
// fails the test until it is, so a new family of codes cannot reach the log without words.
const TEMPLATES: Record<string, readonly string[]> = {
  '`case.${input.action}`': caseActions,
  '`topic.${input.action}`': ['approve', 'merge', 'decline'],
  '`assessment.sheet.${input.move}`': ['submit', 'return', 'completeReview', 'approve'],
  '`alliance.${input.list}.post`': ['demand', 'resource', 'project'],
  '`org.${kind}`': ['create', 'rename', 'move', 'merge', 'absorb', 'dissolve', 'import'],
  '`command.alert.${input.kind}`': ['topic', 'supervise', 'patrol', 'dismiss'],
  '`volunteer.certificate.${decision}`': ['issue', 'dismissObjection', 'withdraw'],
  '`volunteer.registration.${input.decision}`': ['confirm', 'refuse', 'end'],
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      return sourceFiles(p);
    }
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });

/** Every recordAudit(...) call's argument text across src/, with the file it is in. */
const auditCalls = (): { file: string; text: string }[] =>
  sourceFiles(SRC).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const calls: { file: string; text: string }[] = [];
    for (let at = source.indexOf('recordAudit('); at !== -1; at = source.indexOf('recordAudit(', at + 1)) {
      if (/function\s+$/.test(source.slice(Math.max(0, at - 20), at))) {
        continue;
      }
      let depth = 0;
      let end = at + 'recordAudit'.length;
      do {
        const ch = source[end];
        depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
        end += 1;
      } while (depth > 0 && end < source.length);
      calls.push({ file: path.relative(SRC, file), text: source.slice(at, end) });
    }
    return calls;
  });

/** The codes one property (action, entityType) may take in a call: its quoted literals and its templates. */
const valuesOf = (text: string, property: string): { literals: string[]; templates: string[] } | null => {
  const m = new RegExp(`\\b${property}:\\s*([^\\n]+)`).exec(text);
  if (m === null) {
    return null;
  }
  const expr = m[1]!;
  return {
    literals: [...expr.matchAll(/'([^']+)'/g)].map((x) => x[1]!),
    templates: expr.match(/`[^`]*`/g) ?? [],
  };
};

describe('the audit log’s words for what modules write', () => {
  const calls = auditCalls();

  it('finds the modules’ audit calls', () => {
    assert.ok(calls.length > 100, `only ${calls.length} recordAudit calls found`);
  });

  it('has zh and en words for every action code written anywhere', () => {
    const missing: string[] = [];
    for (const { file, text } of calls) {
      const values = valuesOf(text, 'action');
      assert.ok(values !== null, `${file}: a recordAudit call whose action the test cannot read`);
      // A ternary's comparisons quote other strings ('callBack', 'in'); codes are dotted.
      const codes = values.literals.filter((v) => v.includes('.'));
      for (const template of values.templates) {
        const expansions = TEMPLATES[template];
        assert.ok(
          expansions !== undefined,
          `${file}: ${template} is a new family of codes; list it in TEMPLATES`,
        );
        const [head = '', tail = ''] = template.slice(1, -1).split(/\$\{[^}]+\}/);
        codes.push(...expansions.map((v) => `${head}${v}${tail}`));
      }
      assert.ok(codes.length > 0, `${file}: no action code in ${text.slice(0, 120)}`);
      for (const code of codes) {
        const label = auditActionLabels[code];
        if (label === undefined || label.zh.trim() === '' || label.en.trim() === '') {
          missing.push(`${code} (${file})`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it('has zh and en words for every record type written anywhere', () => {
    const missing: string[] = [];
    for (const { file, text } of calls) {
      const values = valuesOf(text, 'entityType');
      assert.ok(values !== null && values.templates.length === 0, `${file}: entityType is not a plain code`);
      for (const type of values.literals) {
        if (auditEntityLabels[type] === undefined) {
          missing.push(`${type} (${file})`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });
});

describe('the audit log a district clerk reads', () => {
  let p: TestPlatform;
  let s: Sessions;
  let admin: Session;
  let adminId: string;
  let shigangId: string;
  let caseId: string;
  let trackingCode: string;
  let orgId: string;
  let memberId: string;
  let householdId: string;

  const search = async (query: string, locale = 'zh-CN') => {
    const res = await call(p.app, 'GET', `/api/audit?${query}`, {
      headers: { cookie: admin.cookie, 'accept-language': locale },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items as Json[];
  };

  before(async () => {
    p = await startTestPlatform({ JOB_INTERVAL_MS: '600000' }, { stages: CASE_STAGES, orgScale: 0.02 });
    s = await sessions(p);
    admin = s.admin;
    // A wrong password against shigang's account first: its operator is unknown, whoever typed it.
    const failed = await call(p.app, 'POST', '/api/auth/login', {
      body: { username: 'shigang', password: 'not-the-password' },
    });
    assert.equal(failed.status, 401, JSON.stringify(failed.body));
    await loginAs(p.app, 'shigang');
    const users = await p.database.db
      .selectFrom('app_user')
      .select(['id', 'username'])
      .where('username', 'in', ['admin', 'shigang'])
      .execute();
    adminId = users.find((u) => u.username === 'admin')!.id;
    shigangId = users.find((u) => u.username === 'shigang')!.id;

    caseId = await caseIn(s, await pointInGridOf(p, 'wangge'), 'reported');
    const opened = await s.town.request('GET', `/api/cases/${caseId}`);
    trackingCode = (opened.body.item as Json).trackingCode as string;
    assert.match(trackingCode, /^TZ/);

    const zzb = await loginAs(p.app, 'zzb');
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    const dongshi = (await orgs.findByCode('320612001001'))!;
    const made = await zzb.request('POST', '/api/orgs', {
      parentId: dongshi.id,
      level: 'branch',
      type: 'branch',
      name: '审计测试党支部',
    });
    assert.equal(made.status, 200, JSON.stringify(made.body));
    orgId = (made.body.item as Json).id as string;
    const group = await zzb.request('POST', '/api/orgs', {
      parentId: orgId,
      level: 'group',
      type: 'group',
      name: '审计测试党小组',
    });
    const member = await admin.request('POST', '/api/members', {
      name: '欧阳建国',
      ethnicity: '汉族',
      education: 'university',
      idNumber: makeIdNumber('320612', '1979-04-02', 321),
      phone: '10012340000',
      joinedOn: '2003-07-01',
      status: 'full',
      branchId: orgId,
      groupId: (group.body.item as Json).id,
      communityId: null,
    });
    assert.equal(member.status, 200, JSON.stringify(member.body));
    memberId = (member.body.item as Json).id as string;
    const shown = await admin.request('POST', `/api/members/${memberId}/reveal`, { reason: '核实组织关系' });
    assert.equal(shown.status, 200, JSON.stringify(shown.body));
    const household = await admin.request('POST', '/api/households', {
      villageId: dongshi.id,
      headName: '司马相如',
      address: '东市社区 8 幢 101 室',
      size: 3,
    });
    assert.equal(household.status, 200, JSON.stringify(household.body));
    householdId = (household.body.item as Json).id as string;
  });
  after(async () => {
    await p.close();
  });

  it('shows a sign-in with the person who signed in, and the action in words of the reader’s language', async () => {
    const [login] = await search(`action=auth.login&entityId=${shigangId}`);
    assert.ok(login !== undefined);
    assert.equal(login.actorId, shigangId);
    assert.equal(login.actorName, '石港镇指挥中心');
    assert.equal(login.actorUsername, 'shigang');
    assert.equal(login.actionLabel, '登录');
    assert.equal(login.entityTypeLabel, '用户');
    assert.equal(login.subjectLabel, '石港镇指挥中心');
    const [inEnglish] = await search(`action=auth.login&entityId=${shigangId}`, 'en');
    assert.equal(inEnglish!.actionLabel, 'Signed in');
    assert.equal(inEnglish!.entityTypeLabel, 'User');
  });

  it('names a case by its tracking code and an organisation by its name', async () => {
    const [report] = await search(`action=case.report&entityId=${caseId}`);
    assert.equal(report!.subjectLabel, trackingCode);
    assert.equal(report!.actionLabel, '事件上报');
    assert.equal(report!.actorName, '金沙街道指挥中心');
    const [created] = await search(`action=org.create&entityId=${orgId}`);
    assert.equal(created!.subjectLabel, '审计测试党支部');
    assert.equal(created!.actionLabel, '新建组织');
  });

  it('shows whose data a reveal showed, by the member’s masked name only', async () => {
    const [reveal] = await search(`action=member.reveal&entityId=${memberId}`);
    assert.equal(reveal!.subjectLabel, '欧**国');
    assert.equal(reveal!.actionLabel, '查看党员完整个人信息');
    assert.equal(reveal!.actorId, adminId);
    assert.ok(!JSON.stringify(reveal).includes('欧阳建国'));
  });

  it('names a household by its head’s masked name only', async () => {
    const [created] = await search(`action=household.create&entityId=${householdId}`);
    assert.equal(created!.subjectLabel, '司**如');
    assert.equal(created!.entityTypeLabel, '群众户');
    assert.ok(!JSON.stringify(created).includes('司马相如'));
  });

  it('leaves the operator of a failed sign-in unknown, and names the account tried', async () => {
    const [attempt] = await search(`action=auth.loginFailed&entityId=${shigangId}`);
    assert.ok(attempt !== undefined);
    assert.equal(attempt.actorId, null);
    assert.equal(attempt.actorName, null);
    assert.equal(attempt.actionLabel, '登录失败');
    assert.equal(attempt.subjectLabel, '石港镇指挥中心');
    // Searching by the account's owner finds what they did, not what was tried against their account.
    const byName = await search(`actor=${encodeURIComponent('石港')}`);
    assert.ok(!byName.some((e) => e.action === 'auth.loginFailed'));
  });

  it('finds entries by part of a person’s name or username, sign-ins included', async () => {
    const byName = await search(`actor=${encodeURIComponent('石港')}`);
    assert.ok(byName.length > 0);
    assert.ok(byName.every((e) => e.actorId === shigangId));
    assert.ok(byName.some((e) => e.action === 'auth.login'));
    const byUsername = await search('actor=shigan');
    assert.deepEqual(
      byUsername.map((e) => e.id),
      byName.map((e) => e.id),
    );
    const admins = await search(`actor=${encodeURIComponent('区管理员')}`);
    assert.ok(admins.some((e) => e.action === 'member.reveal'));
    assert.ok(admins.every((e) => e.actorId === adminId));
    // An id typed in still works; a name nobody has finds nothing rather than everything.
    assert.deepEqual(
      (await search(`actor=${adminId}`)).map((e) => e.id),
      admins.map((e) => e.id),
    );
    assert.deepEqual(await search(`actor=${encodeURIComponent('无此人')}`), []);
  });

  it('gives the console the words for every action and record type', async () => {
    const res = await call(p.app, 'GET', '/api/audit/vocabulary', {
      headers: { cookie: admin.cookie, 'accept-language': 'en' },
    });
    assert.equal(res.status, 200);
    const actions = res.body.actions as { code: string; label: string }[];
    assert.equal(actions.length, Object.keys(auditActionLabels).length);
    assert.equal(actions.find((a) => a.code === 'case.close')!.label, 'Case: closed');
    const types = res.body.entityTypes as { code: string; label: string }[];
    assert.equal(types.find((t) => t.code === 'member')!.label, 'Party member');
  });

  it('stays closed to roles without the audit action', async () => {
    const res = await s.town.request('GET', '/api/audit?actor=shigang');
    assert.equal(res.status, 403);
    assert.equal((await s.town.request('GET', '/api/audit/vocabulary')).status, 403);
  });
});
