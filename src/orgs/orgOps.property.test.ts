// Random sequences of organisation and membership changes keep the tree, the memberships and the roll-ups consistent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import pino from 'pino';
import {
  createCentralHousehold,
  createHousehold,
  linkHousehold,
  unlinkHousehold,
} from '../households/index.js';
import { createMember, makeIdNumber, transferMember } from '../members/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';
import { createOrg } from './createOrg.js';
import { dissolveOrg } from './dissolveOrg.js';
import { checkOrgInvariants } from './invariants.js';
import { mergeOrg } from './mergeOrg.js';
import { moveOrg } from './moveOrg.js';
import { orgRepository } from './repository.js';

const ROOT = { path: '/' };

const opArb = fc.oneof(
  fc.record({ op: fc.constant('createBranch' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('createGroup' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('createMember' as const), a: fc.nat(), b: fc.boolean() }),
  fc.record({ op: fc.constant('moveBranch' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('moveGroup' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('moveVillage' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('moveAny' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('merge' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('dissolve' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('transfer' as const), a: fc.nat(), b: fc.nat(), c: fc.boolean() }),
  fc.record({ op: fc.constant('household' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('central' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('link' as const), a: fc.nat(), b: fc.nat(), c: fc.boolean() }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

describe('organisation operations keep their invariants', () => {
  let p: TestPlatform;
  let seq = 0;
  before(async () => {
    p = await startTestPlatform();
  });
  after(async () => {
    await p.close();
  });

  const ctx = (): RequestContext => ({
    actor: { kind: 'anonymous' },
    ip: '127.0.0.1',
    requestId: 'property',
    locale: 'zh-CN',
    log: pino({ level: 'silent' }),
    now: Date.now(),
  });

  /** Two towns' worth of the tree keeps every pick meaningful. */
  const pool = async () => {
    const repo = orgRepository(p.database.db, p.database.dialect);
    const towns = (await repo.byCodes(['320612001', '320612110'])).map((t) => t.path);
    const rows = (
      await p.database.db.selectFrom('org').selectAll().where('status', '=', 'active').execute()
    ).filter((o) => towns.some((t) => o.path.startsWith(t)));
    const members = await p.database.db.selectFrom('member').select('id').orderBy('id').execute();
    const households = await p.database.db.selectFrom('household').select('id').orderBy('id').execute();
    const centrals = await p.database.db.selectFrom('central_household').select('id').orderBy('id').execute();
    const of = (level: string) =>
      rows.filter((o) => o.level === level).sort((a, b) => (a.id < b.id ? -1 : 1));
    return {
      all: rows.sort((a, b) => (a.id < b.id ? -1 : 1)),
      towns: of('town'),
      villages: of('village').slice(0, 6),
      branches: of('branch'),
      groups: of('group'),
      members,
      households,
      centrals,
    };
  };
  const pick = <T>(list: T[], i: number): T | undefined =>
    list.length === 0 ? undefined : list[i % list.length];

  const apply = async (op: Op) => {
    const s = await pool();
    const c = ctx();
    const db = p.database;
    switch (op.op) {
      case 'createBranch': {
        const v = pick(s.villages, op.a);
        if (v !== undefined) {
          await createOrg(db, c, ROOT, {
            parentId: v.id,
            level: 'branch',
            type: 'branch',
            name: `支部${++seq}`,
          });
        }
        return;
      }
      case 'createGroup': {
        const b = pick(s.branches, op.a);
        if (b !== undefined) {
          await createOrg(db, c, ROOT, {
            parentId: b.id,
            level: 'group',
            type: 'group',
            name: `小组${++seq}`,
          });
        }
        return;
      }
      case 'createMember': {
        const b = pick(s.branches, op.a);
        if (b === undefined) {
          return;
        }
        const group = op.b ? s.groups.find((g) => g.parent_id === b.id) : undefined;
        seq += 1;
        await createMember(db, p.services.cipher, c, ROOT, {
          name: `党员${seq}`,
          ethnicity: '汉族',
          education: 'college',
          idNumber: makeIdNumber('320612', `19${String(50 + (seq % 40))}-01-01`, seq % 1000),
          phone: null,
          joinedOn: '2000-07-01',
          status: 'full',
          branchId: b.id,
          groupId: group?.id ?? null,
          communityId: null,
        });
        return;
      }
      case 'moveBranch': {
        const b = pick(s.branches, op.a);
        const v = pick(s.villages, op.b);
        if (b !== undefined && v !== undefined) {
          await moveOrg(db, c, ROOT, { id: b.id, parentId: v.id });
        }
        return;
      }
      case 'moveGroup': {
        const g = pick(s.groups, op.a);
        const b = pick(s.branches, op.b);
        if (g !== undefined && b !== undefined) {
          await moveOrg(db, c, ROOT, { id: g.id, parentId: b.id });
        }
        return;
      }
      case 'moveVillage': {
        const v = pick(s.villages, op.a);
        const t = pick(s.towns, op.b);
        if (v !== undefined && t !== undefined) {
          await moveOrg(db, c, ROOT, { id: v.id, parentId: t.id });
        }
        return;
      }
      case 'moveAny': {
        // Mostly illegal: wrong levels and cycles must be refused without a trace.
        const a = pick(s.all, op.a);
        const b = pick(s.all, op.b);
        if (a !== undefined && b !== undefined) {
          await moveOrg(db, c, ROOT, { id: a.id, parentId: b.id });
        }
        return;
      }
      case 'merge': {
        const list = op.a % 2 === 0 ? s.branches : s.groups;
        const a = pick(list, op.a);
        const b = pick(list, op.b);
        if (a !== undefined && b !== undefined) {
          await mergeOrg(db, c, ROOT, { id: a.id, intoId: b.id });
        }
        return;
      }
      case 'dissolve': {
        const a = pick([...s.groups, ...s.branches], op.a);
        if (a !== undefined) {
          await dissolveOrg(db, c, ROOT, { id: a.id, reason: '测试撤销' });
        }
        return;
      }
      case 'transfer': {
        const m = pick(s.members, op.a);
        const b = pick(s.branches, op.b);
        if (m === undefined || b === undefined) {
          return;
        }
        const group = op.c ? s.groups.find((g) => g.parent_id === b.id) : undefined;
        await transferMember(db, c, ROOT, {
          memberId: m.id,
          branchId: b.id,
          groupId: group?.id ?? null,
          reason: '调动',
        });
        return;
      }
      case 'household': {
        const v = pick(s.villages, op.a);
        if (v !== undefined) {
          await createHousehold(db, c, ROOT, {
            villageId: v.id,
            headName: `户主${++seq}`,
            address: '测试路1号',
            size: 3,
          });
        }
        return;
      }
      case 'central': {
        const g = pick(s.groups, op.a);
        if (g === undefined) {
          return;
        }
        const head = await p.database.db
          .selectFrom('member')
          .select('id')
          .where('branch_id', '=', g.parent_id!)
          .where('id', 'not in', p.database.db.selectFrom('central_household').select('head_member_id'))
          .executeTakeFirst();
        if (head !== undefined) {
          await createCentralHousehold(db, c, ROOT, { groupId: g.id, headMemberId: head.id, name: null });
        }
        return;
      }
      case 'link': {
        const h = pick(s.households, op.a);
        if (h === undefined) {
          return;
        }
        const ch = pick(s.centrals, op.b);
        if (op.c || ch === undefined) {
          await unlinkHousehold(db, c, ROOT, { householdId: h.id });
        } else {
          await linkHousehold(db, c, ROOT, { householdId: h.id, centralHouseholdId: ch.id });
        }
        return;
      }
    }
  };

  it('after every step: no cycles, levels in order, one branch per member, roll-ups equal a recount', async () => {
    let applied = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const op of ops) {
          try {
            await apply(op);
            applied += 1;
          } catch (error) {
            if (!(error instanceof AppError)) {
              console.error(op, error);
              throw error;
            }
            refused += 1;
          }
          const problems = await checkOrgInvariants(p.database.db);
          if (problems.length > 0) {
            console.error(JSON.stringify(op), problems);
          }
          assert.deepEqual(problems, [], `after ${JSON.stringify(op)}: ${problems.join('; ')}`);
        }
      }),
      { numRuns: 30, seed: 20261127, endOnFailure: true },
    );
    assert.ok(applied > 50, `enough operations took effect (${applied}, ${refused} refused)`);
    const counts = await p.database.db
      .selectFrom('member')
      .select(p.database.db.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    assert.ok(Number(counts?.n) > 0);
  });
});
