import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { yearToDate } from '../command/index.js';
import { orgDirectory } from '../orgs/index.js';
import { manualClock } from '../platform/clock.js';
import { instantOfLocalDate } from '../platform/time.js';
import { loginAs, startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';

const SEPTEMBER = instantOfLocalDate('2026-09-15') + 10 * 3_600_000;

type Json = Record<string, unknown>;

describe('volunteers demo stage', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform(
      {},
      // A fixed clock in mid-September: the demo's year of service lies in this year, whatever the date of the run.
      {
        stages: ['spine', 'catalogue', 'users', 'orgs', 'volunteers'],
        orgScale: 0.05,
        clock: manualClock(SEPTEMBER),
      },
    );
  });
  after(async () => {
    await p.close();
  });

  it('gives 金沙街道 a year of registrations, confirmed hours and points, within the caps', async () => {
    const admin = await loginAs(p.app, 'admin');
    const town = (await orgDirectory(p.database.db, p.database.dialect).findByCode('320612001'))!;
    const numbers = await admin.request('GET', `/api/volunteers/numbers?orgId=${town.id}`);
    assert.equal(numbers.status, 200, JSON.stringify(numbers.body));
    const total = numbers.body.total as Json;
    assert.ok((total.hours as number) > 0 && (total.activitiesHeld as number) > 0, JSON.stringify(total));
    assert.ok((total.membersRegistered as number) > 0 && (total.posts as number) > 0, JSON.stringify(total));
    assert.ok((total.registrationCoverage as number) <= 1);
    // The command view's volunteers tile shows this year's hours: equal to a recount of the ledger, per village too.
    const screen = await admin.request('GET', `/api/command/screen?orgId=${town.id}`);
    assert.equal(screen.status, 200, JSON.stringify(screen.body));
    type Tile = {
      code: string;
      figures: { key: string; value: number | null }[];
      byChild: { items: { id: string; value: number | null }[] };
    };
    const service = (screen.body.tiles as Tile[]).find((t) => t.code === 'volunteers.service');
    assert.ok(service, 'the volunteers tile is on the town screen');
    const year = yearToDate(p.clock.now());
    const hoursUnder = async (column: 'community_path' | 'branch_path', path: string, either: boolean) => {
      const r = await p.database.db
        .selectFrom('points_entry')
        .select((eb) => eb.fn.sum<number | string>('amount').as('m'))
        .where('kind', '=', 'hours')
        .where('occurred_at', '>=', year.from)
        .where('occurred_at', '<', year.to)
        .where((eb) =>
          either
            ? eb.or([eb('community_path', 'like', `${path}%`), eb('branch_path', 'like', `${path}%`)])
            : eb(column, 'like', `${path}%`),
        )
        .executeTakeFirst();
      return Math.round(Number(r?.m ?? 0) / 6) / 10;
    };
    assert.equal(
      service.figures.find((f) => f.key === 'hours')!.value,
      await hoursUnder('branch_path', town.path, true),
    );
    const busiest = [...service.byChild.items].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]!;
    assert.ok((busiest.value ?? 0) > 0, 'a village of the town has hours this year');
    const villagePath = (await orgDirectory(p.database.db, p.database.dialect).byIds([busiest.id]))[0]!.path;
    assert.equal(busiest.value, await hoursUnder('community_path', villagePath, false));
    // The caps' guard agrees with the entries it guards.
    const drift = await sql<{ n: number | string }>`
      select count(*) as n from points_tally t
      where t.amount <> (select coalesce(sum(e.amount), 0) from points_entry e
        where e.member_id = t.member_id and e.rule_code = t.rule_code
          and cast(e.year as text) = t.period_key)
        and t.period_key not like '%-%'`.execute(p.database.db);
    assert.equal(Number(drift.rows[0]!.n), 0);

    // The demo member signs in and sees a ledger and an upcoming activity.
    const zyz = await loginAs(p.app, 'zyz');
    const my = await zyz.request('GET', '/api/volunteers/my');
    assert.equal(my.status, 200, JSON.stringify(my.body));
    assert.equal((my.body.registration as Json).state, 'confirmed');
    const acts = await zyz.request('GET', '/api/volunteers/my/activities');
    assert.ok((acts.body.upcoming as unknown[]).length > 0);
    // The demo covers the year before the platform clock, which may straddle New Year: look at both years.
    const ledger = await zyz.request('GET', '/api/points/my');
    assert.equal(ledger.status, 200, JSON.stringify(ledger.body));
    const thisYear = ledger.body.year as number;
    const lastYear = await zyz.request('GET', `/api/points/my?year=${thisYear - 1}`);
    const entries = [...(ledger.body.entries as unknown[]), ...(lastYear.body.entries as unknown[])];
    assert.ok(entries.length > 0);

    // Sunshine relief: the demo member visits two households; certificates stand issued and on notice.
    const relief = await zyz.request('GET', '/api/relief/my');
    const pairings = relief.body.items as { visits: number }[];
    assert.equal(pairings.length, 2, JSON.stringify(relief.body));
    assert.ok(pairings.every((x) => x.visits > 0));
    const certs = await admin.request('GET', `/api/volunteers/certificates?orgId=${town.id}`);
    const statuses = new Set((certs.body.items as { status: string }[]).map((c) => c.status));
    assert.ok(statuses.has('issued') && statuses.has('notice'), JSON.stringify([...statuses]));

    // Last quarter's feedback went to the town's units and branches; some recent visits carry a photo.
    const feedback = await admin.request('GET', `/api/volunteers/feedback?orgId=${town.id}`);
    const sent = feedback.body.items as { kind: string; members: number; period: string }[];
    assert.ok(
      sent.some((f) => f.kind === 'branch' && f.members > 0),
      JSON.stringify(feedback.body).slice(0, 300),
    );
    assert.equal(new Set(sent.map((f) => f.period)).size, 1, 'one quarter');
    const photos = await p.database.db
      .selectFrom('relief_visit_photo')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(photos.n) > 0);
  });
});
