// The ledger's invariants under random sequences of acts and reversals, on a real database: balances equal the sum
// of the entries the model expects, no member's net under a rule passes its cap in any period, a refused act writes
// nothing, and posted entries cannot be edited or deleted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { migrate } from '../platform/db/migrate.js';
import { AppError } from '../platform/errors.js';
import { localYear } from '../platform/time.js';
import { createTestDatabase, type TestDb } from '../testing/testPlatform.js';
import { postLedgerAct, reverseLedgerEntries } from './ledger.js';
import { volunteerRepository, type ActRow, type EntryRow } from './repository.js';
import { periodKey, ruleOf } from './rules.js';

const RULES = ['study', 'meeting', 'absence'] as const;
// Fixed instants (not today's date): two in one month, one more in that quarter, one in the next, one next year.
const INSTANTS = [
  Date.UTC(2031, 0, 10, 2),
  Date.UTC(2031, 0, 25, 2),
  Date.UTC(2031, 1, 20, 2),
  Date.UTC(2031, 4, 5, 2),
  Date.UTC(2032, 0, 15, 2),
];
const approver = { id: 'approver-1', name: '支部书记' };

type Command =
  | { kind: 'post'; rule: (typeof RULES)[number]; members: number[]; amount: number; at: number }
  | { kind: 'reverse'; pick: number; memberMask: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('post' as const),
    rule: fc.constantFrom(...RULES),
    members: fc.uniqueArray(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 2 }),
    // Mostly amounts a rule takes, so caps are reached; some zero, wrong-signed or too large.
    amount: fc.oneof(fc.constantFrom(2, 5, -2), fc.integer({ min: -3, max: 6 })),
    at: fc.constantFrom(...INSTANTS),
  }),
  fc.record({
    kind: fc.constant('reverse' as const),
    pick: fc.nat(),
    memberMask: fc.integer({ min: 1, max: 3 }),
  }),
);

describe('the points ledger under random acts and reversals', () => {
  let t: TestDb;
  let run = 0;
  before(async () => {
    t = await createTestDatabase();
    await migrate(t.database);
  });
  after(async () => {
    await t.drop();
  });

  it('keeps balances equal to the entries, every tally within its cap, and refused acts unwritten', async () => {
    const { db, dialect } = t.database;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 6, maxLength: 30, size: 'max' }), async (commands) => {
        run += 1;
        const members = [0, 1].map((i) => ({ id: `m${run}-${i}`, name: `党员${i}` }));
        /** Expected net per member|rule|period, and the entries the model holds (id → amount). */
        const net = new Map<string, number>();
        const expected = new Map<string, EntryRow>();
        const acts: { act: ActRow; entries: EntryRow[] }[] = [];
        const reversedIds = new Set<string>();
        let now = INSTANTS[0]!;

        for (const c of commands) {
          now += 60_000;
          if (c.kind === 'post') {
            const rule = ruleOf(c.rule)!;
            const amount = c.amount;
            const key = (m: string) => `${m}|${rule.code}|${periodKey(rule.cap.period, c.at)}`;
            const lines = c.members.map((i) => ({
              memberId: members[i]!.id,
              memberName: members[i]!.name,
              branchPath: '/b/',
              communityPath: null,
              amount,
            }));
            const shouldPass =
              amount !== 0 &&
              Math.sign(amount) === rule.sign &&
              Math.abs(amount) <= rule.maxPerOccurrence &&
              lines.every((l) => Math.abs((net.get(key(l.memberId)) ?? 0) + amount) <= rule.cap.amount);
            try {
              const posted = await db.transaction().execute((trx) =>
                postLedgerAct(trx, dialect, now, {
                  ruleCode: rule.code,
                  lines,
                  evidence: '签到表',
                  occurredAt: c.at,
                  orgPath: '/b/',
                  approver,
                  sourceType: 'manual',
                }),
              );
              assert.ok(shouldPass, `accepted an act the model refuses: ${JSON.stringify(c)}`);
              for (const l of lines) {
                net.set(key(l.memberId), (net.get(key(l.memberId)) ?? 0) + amount);
              }
              posted.entries.forEach((e) => expected.set(e.id, e));
              acts.push(posted);
            } catch (error) {
              assert.ok(error instanceof AppError, String(error));
              assert.ok(!shouldPass, `refused an act the model accepts: ${JSON.stringify(c)} ${error.code}`);
            }
          } else if (acts.length > 0) {
            const target = acts[c.pick % acts.length]!;
            const entries = target.entries.filter((_, i) => (c.memberMask & (1 << i)) !== 0);
            const shouldPass =
              entries.length > 0 &&
              target.act.reverses_act_id === null &&
              entries.every((e) => !reversedIds.has(e.id));
            try {
              const posted = await db.transaction().execute((trx) =>
                reverseLedgerEntries(trx, dialect, now, {
                  act: target.act,
                  entries,
                  reason: '记录有误',
                  orgPath: '/b/',
                  approver,
                }),
              );
              assert.ok(shouldPass, 'accepted a reversal the model refuses');
              const rule = ruleOf(target.act.rule_code)!;
              for (const e of entries) {
                reversedIds.add(e.id);
                const key = `${e.member_id}|${rule.code}|${periodKey(rule.cap.period, e.occurred_at)}`;
                net.set(key, (net.get(key) ?? 0) - e.amount);
              }
              posted.entries.forEach((e) => {
                expected.set(e.id, e);
                reversedIds.add(e.id);
              });
              acts.push(posted);
            } catch (error) {
              assert.ok(error instanceof AppError, String(error));
              assert.ok(!shouldPass, `refused a reversal the model accepts: ${error.code}`);
            }
          }
        }

        // Balances per member and year equal the sum of the model's entries.
        const repo = volunteerRepository(db, dialect);
        for (const year of [...new Set(INSTANTS.map(localYear))]) {
          const balances = await repo.balancesOf(
            members.map((m) => m.id),
            year,
          );
          for (const m of members) {
            const want = [...expected.values()]
              .filter((e) => e.member_id === m.id && e.year === year)
              .reduce((n, e) => n + e.amount, 0);
            const got = balances.filter((b) => b.memberId === m.id).reduce((n, b) => n + b.total, 0);
            assert.equal(got, want, `${m.id} ${year}`);
          }
        }
        // The stored entries are exactly the model's (a refused act left nothing behind).
        const stored = await db
          .selectFrom('points_entry')
          .select(['id', 'amount'])
          .where(
            'member_id',
            'in',
            members.map((m) => m.id),
          )
          .execute();
        assert.equal(stored.length, expected.size);
        // Tallies agree with the model and never pass a cap.
        for (const m of members) {
          for (const tally of await repo.tallies(m.id)) {
            const rule = ruleOf(tally.rule_code)!;
            assert.ok(Math.abs(tally.amount) <= rule.cap.amount);
            assert.equal(tally.amount, net.get(`${m.id}|${tally.rule_code}|${tally.period_key}`) ?? 0);
          }
        }
        // Posted entries are fixed: the database refuses an edit and a delete.
        const any = stored[0];
        if (any !== undefined) {
          await assert.rejects(
            db.updateTable('points_entry').set({ amount: 99 }).where('id', '=', any.id).execute(),
          );
          await assert.rejects(db.deleteFrom('points_entry').where('id', '=', any.id).execute());
        }
      }),
      { numRuns: 60, seed: 20310101 },
    );
    // The property ran on the database, not on an empty table.
    const n = await sql<{ n: number | string }>`select count(*) as n from points_entry`.execute(db);
    assert.ok(Number(n.rows[0]!.n) > 0);
  });
});
