// The permission matrix, generated from the policy table and the scope rules (policyModel.ts): every route × every
// role (and anonymous) against its auth declaration; reads of records in the own scope, another village, another
// town and another department; writes outside the scope; lists that must not hold another scope's rows; personal
// numbers that no answer shows unless revealed with a reason, and the reveal audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { roles } from '../access/index.js';
import type { TestResponse } from '../testing/testPlatform.js';
import { call } from '../testing/testPlatform.js';
import { SECRET_IDS, SECRET_PHONES, startScopeFixture, type ScopeFixture } from './fixtures.js';
import { caseVisible, expectedAuth, expectedRead, type Caller } from './policyModel.js';

/** Routes that end or change the caller's own session: checked anonymously only, so the matrix keeps its sessions. */
const SESSION_ROUTES = new Set(['POST /api/auth/logout', 'PUT /api/auth/password', 'PUT /api/auth/scope']);

/**
 * Handlers that refuse with auth.forbidden beyond the policy table, each with its reviewed reason. Any other refusal of
 * a caller the policy allows is a mismatch between the table and the code.
 */
const FINER_RULES: Record<string, string> = {
  'GET /api/admissions/burden departmentHandler': 'the burden meter is per grid; departments hold no grids',
};

/**
 * The full cross product runs in the manual command (RELIABILITY_FULL=1). In every CI tier each route is checked as
 * anonymous, as every role the policy refuses (the hook answers without touching the database) and as two of the
 * roles it allows, rotating, so every route and every role is covered at a bounded cost.
 */
const FULL = process.env.RELIABILITY_FULL === '1';

const placeholder = (url: string) =>
  url
    .replace(/:format/g, 'json')
    .replace(/:year/g, '2026')
    .replace(/:[A-Za-z_]+/g, 'rel-missing-0');

const isProblem = (r: TestResponse) =>
  ((r.headers['content-type'] as string | undefined) ?? '').startsWith('application/problem+json');

describe('permission matrix from the policy table', () => {
  let f: ScopeFixture;
  /** Every answer the matrix saw, for the personal-data check at the end. */
  const seen: string[] = [];
  before(async () => {
    f = await startScopeFixture();
  });
  after(async () => {
    await f.p.close();
  });

  const send = async (
    caller: Caller,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<TestResponse & { raw: string }> => {
    const res =
      caller.kind === 'anonymous'
        ? await call(f.p.app, method as 'GET', url, { body })
        : await f.users[caller.role].session.request(method as 'GET', url, body);
    const raw = JSON.stringify(res.body);
    seen.push(raw);
    return { ...res, raw };
  };

  it('every route answers every role as its auth declaration and the policy table say', async () => {
    const decisions = f.p.app.authDecisions.filter((d) => d.method !== 'HEAD');
    const callers: Caller[] = [
      { kind: 'anonymous' },
      ...roles.map((role) => ({ kind: 'user' as const, role })),
    ];
    const problems: string[] = [];
    let checked = 0;
    const rolesCovered = new Set<string>();
    let rotation = 0;
    for (const d of decisions) {
      const key = `${d.method} ${d.url}`;
      const allowed = callers.filter((c) => expectedAuth(d.auth, c).kind === 'through');
      const sampled = new Set(
        FULL ? allowed : [0, 1].map((k) => allowed[(rotation + k) % Math.max(1, allowed.length)]),
      );
      rotation++;
      for (const caller of callers) {
        if (caller.kind === 'user' && SESSION_ROUTES.has(key)) {
          continue;
        }
        if (expectedAuth(d.auth, caller).kind === 'through' && !sampled.has(caller)) {
          continue;
        }
        rolesCovered.add(caller.kind === 'anonymous' ? 'anonymous' : caller.role);
        const res = await send(
          caller,
          d.method,
          placeholder(d.url),
          d.method === 'GET' || d.method === 'DELETE' ? undefined : {},
        );
        checked++;
        const who = caller.kind === 'anonymous' ? 'anonymous' : caller.role;
        const want = expectedAuth(d.auth, caller);
        if (res.status >= 500) {
          problems.push(`${key} as ${who}: ${res.status}`);
        } else if (want.kind === 'refused') {
          if (res.status !== want.status || res.body.code !== want.code) {
            problems.push(
              `${key} as ${who}: want ${want.status} ${want.code}, got ${res.status} ${String(res.body.code)}`,
            );
          }
        } else if (
          res.status === 401 ||
          (res.body.code === 'auth.forbidden' && FINER_RULES[`${key} ${who}`] === undefined)
        ) {
          problems.push(
            `${key} as ${who}: refused (${res.status}) although the policy allows; a finer rule goes in FINER_RULES`,
          );
        }
        if (res.status >= 400 && !d.url.startsWith('/open311/') && !isProblem(res)) {
          problems.push(`${key} as ${who}: error ${res.status} is not application/problem+json`);
        }
      }
    }
    assert.ok(checked >= decisions.length * 2, `checked ${checked} route × caller pairs`);
    assert.equal(rolesCovered.size, roles.length + 1, 'every role and anonymous are covered');
    assert.deepEqual(problems, []);
  });

  it('reads of a case answer 200 in scope and 404 outside it (own, another village, town and department)', async () => {
    const problems: string[] = [];
    const labels = new Set(f.cases.map((c) => c.label));
    assert.deepEqual([...labels].sort(), ['otherDepartment', 'otherTown', 'own']);
    for (const role of roles) {
      const user = f.users[role];
      for (const c of f.cases) {
        const want = expectedRead(user, 'case.read', caseVisible(user, c));
        const res = await send({ kind: 'user', role }, 'GET', `/api/cases/${c.id}`);
        if (res.status !== want) {
          problems.push(`GET case ${c.label} as ${role}: want ${want}, got ${res.status}`);
        }
        const photos = await send({ kind: 'user', role }, 'GET', `/api/cases/${c.id}/dispatch-targets`);
        if (want !== 200 && photos.status !== want) {
          problems.push(
            `GET case ${c.label} dispatch targets as ${role}: want ${want}, got ${photos.status}`,
          );
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('an organisation outside the caller’s subtree answers 404', async () => {
    const problems: string[] = [];
    for (const role of roles) {
      const user = f.users[role];
      for (const [label, org] of Object.entries(f.orgs)) {
        const visible = org.path.startsWith(user.orgPath);
        const want = expectedRead(user, 'org.read', visible);
        const res = await send({ kind: 'user', role }, 'GET', `/api/orgs/${org.id}`);
        // Seeing more than the subtree is a leak; an ancestor of the caller's own organisation may be named.
        if (want === 404 && res.status === 200 && !user.orgPath.startsWith(org.path)) {
          problems.push(`GET org ${label} as ${role}: outside the subtree yet 200`);
        } else if (want !== 404 && res.status !== want) {
          problems.push(`GET org ${label} as ${role}: want ${want}, got ${res.status}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('writes to a case outside the scope answer 403 or 404 and change nothing', async () => {
    const problems: string[] = [];
    for (const role of roles) {
      const user = f.users[role];
      for (const c of f.cases.filter((x) => !caseVisible(user, x))) {
        const before = await f.p.database.db
          .selectFrom('case_step')
          .select(f.p.database.db.fn.countAll().as('n'))
          .where('case_id', '=', c.id)
          .executeTakeFirstOrThrow();
        for (const [url, body] of [
          [`/api/cases/${c.id}/actions`, { action: 'urge', comment: '催办' }],
          [`/api/cases/${c.id}/actions`, { action: 'sign' }],
          [`/api/cases/${c.id}/reveal`, { reason: '核实身份' }],
          [`/api/cases/${c.id}/callback`, { outcome: 'satisfied', comment: '回访' }],
        ] as const) {
          const res = await send({ kind: 'user', role }, 'POST', url, body);
          if (res.status !== 403 && res.status !== 404 && res.status !== 400) {
            problems.push(`POST ${url.replace(c.id, c.label)} as ${role}: ${res.status}`);
          }
        }
        const afterCount = await f.p.database.db
          .selectFrom('case_step')
          .select(f.p.database.db.fn.countAll().as('n'))
          .where('case_id', '=', c.id)
          .executeTakeFirstOrThrow();
        if (Number(afterCount.n) !== Number(before.n)) {
          problems.push(`case ${c.label} changed by ${role}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('no list holds another scope’s cases', async () => {
    const lists = f.p.app.authDecisions.filter((d) => d.method === 'GET' && !d.url.includes(':'));
    const problems: string[] = [];
    for (const role of roles) {
      const user = f.users[role];
      const hidden = f.cases.filter((c) => !caseVisible(user, c));
      for (const d of lists) {
        if (d.url.endsWith('.xlsx') || d.url.includes('export')) {
          continue;
        }
        const res = await send({ kind: 'user', role }, 'GET', d.url);
        for (const c of hidden) {
          if (res.raw.includes(c.id) || res.raw.includes(c.trackingCode)) {
            problems.push(`GET ${d.url} as ${role} lists the ${c.label} case`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('personal numbers appear only in an audited reveal with a reason', async () => {
    const leaks = [...SECRET_PHONES, ...SECRET_IDS].filter((n) => seen.some((raw) => raw.includes(n)));
    assert.deepEqual(leaks, [], 'no answer of the matrix shows a personal number unmasked');
    const own = f.cases.find((c) => c.label === 'own')!;
    const town = f.users.townCommand;
    const noReason = await town.session.request('POST', `/api/cases/${own.id}/reveal`, {});
    assert.equal(noReason.status, 400, 'a reveal needs a reason');
    const revealed = await town.session.request('POST', `/api/cases/${own.id}/reveal`, {
      reason: '回访核实',
    });
    assert.equal(revealed.status, 200);
    assert.equal(revealed.body.phone, SECRET_PHONES[1]);
    const audit = await f.p.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'case.revealReporter')
      .where('entity_id', '=', own.id)
      .execute();
    assert.equal(audit.length, 1, 'the reveal is audited once');
    assert.match(audit[0]!.detail ?? '', /回访核实/);
  });
});
