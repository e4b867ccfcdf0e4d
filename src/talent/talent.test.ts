import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock } from '../platform/clock.js';
import { instantOfLocalDate } from '../platform/time.js';
import { CASE_STAGES } from '../testing/caseFixtures.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';

type Json = Record<string, unknown>;

// A fixed clock: 1 June 2026, 10:00 in the district.
const START = instantOfLocalDate('2026-06-01') + 10 * 3_600_000;

describe('the talent pool', () => {
  let p: TestPlatform;
  let dongshi: Session;
  let jinsha: Session;
  let shigang: Session;
  let villageId: string;

  before(async () => {
    p = await startTestPlatform(
      { SESSION_TTL_HOURS: '720' },
      { stages: CASE_STAGES, orgScale: 0.02, clock: manualClock(START) },
    );
    dongshi = await loginAs(p.app, 'dongshi');
    jinsha = await loginAs(p.app, 'jinsha');
    shigang = await loginAs(p.app, 'shigang');
    villageId = (
      await p.database.db
        .selectFrom('org')
        .select('id')
        .where('code', '=', '320612001001')
        .executeTakeFirstOrThrow()
    ).id;
  });
  after(() => p.close());

  it('files a talent with the phone masked, reveals it by reason into the audit log, and keeps scope', async () => {
    const made = await dongshi.request('POST', '/api/talents', {
      orgId: villageId,
      name: '王建国',
      kind: 'localExpert',
      skills: ['葡萄种植', '电商'],
      summary: '种葡萄二十年，可联系13912345678',
      availability: '周末',
      weekdays: false,
      weekends: true,
      consent: true,
      phone: '13987654321',
    });
    assert.equal(made.status, 200, JSON.stringify(made.body));
    const item = made.body.item as Json;
    const id = item.id as string;
    assert.equal(item.phoneMasked, '139****4321');
    assert.equal(
      JSON.stringify(made.body).includes('13987654321'),
      false,
      'the full phone is never in an answer',
    );
    assert.equal(
      String(item.summary).includes('13912345678'),
      false,
      'a number typed into the summary is masked',
    );

    // Stored encrypted: the plaintext is in no column of the row.
    const row = await p.database.db
      .selectFrom('talent_profile')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(JSON.stringify(row).includes('13987654321'), false);
    assert.equal(JSON.stringify(row).includes('13912345678'), false);

    // Found by a skill's beginning, in scope.
    const found = await jinsha.request('GET', '/api/talents?skill=葡萄');
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.ok((found.body.items as Json[]).some((t) => t.id === id));

    // Another town neither reads nor lists it.
    assert.equal((await shigang.request('GET', `/api/talents/${id}`)).status, 404);
    const theirs = await shigang.request('GET', '/api/talents?skill=葡萄');
    assert.equal(
      (theirs.body.items as Json[]).some((t) => t.id === id),
      false,
    );

    // The town command centre reads but may not reveal; the village cadre reveals with a reason.
    assert.equal(
      (await jinsha.request('POST', `/api/talents/${id}/reveal`, { reason: '联系种植指导' })).status,
      403,
    );
    const noReason = await dongshi.request('POST', `/api/talents/${id}/reveal`, { reason: ' ' });
    assert.equal(noReason.status, 422, JSON.stringify(noReason.body));
    assert.equal(noReason.body.code, 'personal.reason_required');
    const revealed = await dongshi.request('POST', `/api/talents/${id}/reveal`, { reason: '联系种植指导' });
    assert.equal(revealed.status, 200, JSON.stringify(revealed.body));
    assert.equal(revealed.body.phone, '13987654321');
    const logged = await p.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'talent.reveal')
      .where('entity_id', '=', id)
      .execute();
    assert.equal(logged.length, 1);
  });

  it('shows the pool on the command view as a recount of its profiles, each village’s figure its own screen’s', async () => {
    const file = async (name: string, consent: boolean) => {
      const made = await dongshi.request('POST', '/api/talents', {
        orgId: villageId,
        name,
        kind: 'entrepreneur',
        skills: ['农产品电商'],
        summary: '',
        availability: '',
        weekdays: true,
        weekends: false,
        consent,
      });
      assert.equal(made.status, 200, JSON.stringify(made.body));
      return (made.body.item as Json).id as string;
    };
    const engagedId = await file('李振华', true);
    await file('周小梅', false);
    const assigned = await dongshi.request('POST', `/api/talents/${engagedId}/assignments`, {
      targetKind: 'grassroots',
      title: '村级后备干部岗位锻炼',
      startsAt: START,
      record: '跟岗三个月',
    });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));

    const tileAt = async (orgId: string) => {
      const screen = await jinsha.request('GET', `/api/command/screen?orgId=${orgId}`);
      assert.equal(screen.status, 200, JSON.stringify(screen.body));
      return (screen.body.tiles as Json[]).find((t) => t.code === 'talent.pool')!;
    };
    const figure = (tile: Json, key: string) => (tile.figures as Json[]).find((f) => f.key === key)!.value;
    const town = await p.database.db
      .selectFrom('org')
      .select(['id', 'path'])
      .where('code', '=', '320612001')
      .executeTakeFirstOrThrow();
    const profiles = (await p.database.db.selectFrom('talent_profile').selectAll().execute()).filter((t) =>
      t.org_path.startsWith(town.path),
    );
    const tile = await tileAt(town.id);
    assert.equal(figure(tile, 'total'), profiles.length);
    assert.ok(profiles.length >= 3);
    assert.equal(figure(tile, 'consenting'), profiles.filter((t) => t.consent === 1).length);
    assert.equal(
      figure(tile, 'stale'),
      profiles.filter((t) => t.confirmed_at < START - 365 * 86_400_000).length,
    );
    const village = ((tile.byChild as Json).items as Json[]).find((c) => c.id === villageId)!;
    assert.ok((village.value as number) >= 1, 'the assignment engages a talent of the village');
    assert.equal(village.value, figure(await tileAt(villageId), 'engaged'));
    assert.equal((await tileAt(villageId)).byChild, null, 'a village’s children are grids: no drill-down');
  });
});
