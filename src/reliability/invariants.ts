// The database's invariants after a fuzz, crash or restore: roll-ups equal a recount (organisation counts and the
// open-case roll-up of every organisation), every case's step log is a gap-free chain ending in its state, the
// reported-case facts of the district equal the cases, and every capped points tally equals its ledger entries.
import type { Kysely } from 'kysely';
import { isOpenState } from '../cases/index.js';
import { checkOrgInvariants } from '../orgs/index.js';
import type { DB } from '../platform/db/schema.js';
import { ledgerRules, periodKey } from '../volunteers/index.js';

export async function checkInvariants(db: Kysely<DB>): Promise<string[]> {
  const problems = [...(await checkOrgInvariants(db))];
  problems.push(...(await checkCaseInvariants(db)));
  problems.push(...(await checkLedgerInvariants(db)));
  return problems;
}

export async function checkCaseInvariants(db: Kysely<DB>): Promise<string[]> {
  const problems: string[] = [];
  const cases = await db.selectFrom('case_file').select(['id', 'state', 'org_path', 'district_id']).execute();
  const steps = await db
    .selectFrom('case_step')
    .select(['case_id', 'seq', 'from_state', 'to_state'])
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  const byCase = new Map<string, typeof steps>();
  for (const st of steps) {
    let list = byCase.get(st.case_id);
    if (list === undefined) {
      list = [];
      byCase.set(st.case_id, list);
    }
    list.push(st);
  }
  const open = new Map<string, number>();
  for (const c of cases) {
    const log = byCase.get(c.id) ?? [];
    if (log.length === 0) {
      problems.push(`case ${c.id}: no steps`);
      continue;
    }
    log.forEach((st, i) => {
      if (st.seq !== i + 1) {
        problems.push(`case ${c.id}: step ${i + 1} numbered ${st.seq}`);
      }
      if (i > 0 && st.from_state !== log[i - 1]!.to_state) {
        problems.push(
          `case ${c.id}: step ${st.seq} starts at ${String(st.from_state)}, the last ended at ${log[i - 1]!.to_state}`,
        );
      }
    });
    if (log.at(-1)!.to_state !== c.state) {
      problems.push(`case ${c.id}: log ends at ${log.at(-1)!.to_state}, case is ${c.state}`);
    }
    if (isOpenState(c.state)) {
      for (const id of c.org_path.split('/').filter((x) => x !== '')) {
        open.set(id, (open.get(id) ?? 0) + 1);
      }
    }
  }
  for (const stepCase of byCase.keys()) {
    if (!cases.some((c) => c.id === stepCase)) {
      problems.push(`steps of a missing case ${stepCase}`);
    }
  }
  const rollups = await db
    .selectFrom('org_rollup')
    .select(['org_id', 'value'])
    .where('metric', '=', 'case.open')
    .execute();
  const seen = new Set<string>();
  for (const r of rollups) {
    seen.add(r.org_id);
    if (r.value !== (open.get(r.org_id) ?? 0)) {
      problems.push(`open-case roll-up of ${r.org_id}: ${r.value}, recount ${open.get(r.org_id) ?? 0}`);
    }
  }
  for (const [id, n] of open) {
    if (!seen.has(id)) {
      problems.push(`open-case roll-up of ${id} missing, recount ${n}`);
    }
  }
  // Every reported case counts once in its district's facts (the fact table is per unit and day).
  const districts = new Set(cases.map((c) => c.district_id));
  for (const districtId of districts) {
    const facts = await db
      .selectFrom('case_fact')
      .select((eb) => eb.fn.sum<number | string>('reported').as('n'))
      .where('unit_id', '=', districtId)
      .executeTakeFirst();
    const reported = Number(facts?.n ?? 0);
    const counted = cases.filter((c) => c.district_id === districtId && c.state !== 'draft').length;
    if (reported !== counted) {
      problems.push(`reported facts of district ${districtId}: ${reported}, cases ${counted}`);
    }
  }
  return problems;
}

export async function checkLedgerInvariants(db: Kysely<DB>): Promise<string[]> {
  const problems: string[] = [];
  const entries = await db
    .selectFrom('points_entry')
    .select(['id', 'member_id', 'rule_code', 'occurred_at', 'amount', 'reverses_entry_id'])
    .execute();
  const byId = new Map(entries.map((e) => [e.id, e]));
  const sums = new Map<string, number>();
  for (const e of entries) {
    const rule = ledgerRules.find((r) => r.code === e.rule_code);
    if (rule === undefined) {
      problems.push(`ledger entry ${e.id}: unknown rule ${e.rule_code}`);
      continue;
    }
    const k = `${e.member_id}|${e.rule_code}|${periodKey(rule.cap.period, e.occurred_at)}`;
    sums.set(k, (sums.get(k) ?? 0) + e.amount);
    if (e.reverses_entry_id !== null) {
      const original = byId.get(e.reverses_entry_id);
      if (original === undefined || original.amount !== -e.amount) {
        problems.push(`ledger entry ${e.id}: reverses ${e.reverses_entry_id} by a different amount`);
      }
    }
  }
  const tallies = await db.selectFrom('points_tally').selectAll().execute();
  for (const t of tallies) {
    const want = sums.get(`${t.member_id}|${t.rule_code}|${t.period_key}`) ?? 0;
    if (t.amount !== want) {
      problems.push(
        `points tally ${t.member_id} ${t.rule_code} ${t.period_key}: ${t.amount}, ledger ${want}`,
      );
    }
  }
  return problems;
}
