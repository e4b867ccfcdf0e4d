import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../platform/config.js';
import { msg } from '../platform/i18n.js';
import { runDueJobs } from '../platform/jobs/jobs.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { notificationJobHandlers } from './deliveryJobs.js';
import { ensureDigestJob } from './digest.js';
import { notify, type NotifyInput } from './notify.js';
import { startSmtpReceiver } from './testReceivers.js';

type Item = { id: string; event: string; title: string; isRead: boolean; caseId: string | null };
type Inbox = { items: Item[]; nextCursor: string | null; unreadCount: number };

describe('notifications: in-app inbox, preferences and e-mail over SMTP', () => {
  let p: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let jinsha: Session;
  let shigang: Session;
  let jinshaId: string;
  let shigangId: string;
  let clock = Date.UTC(2026, 10, 27, 1, 0, 0);

  const userId = async (username: string) =>
    (
      await p.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;

  const send = async (input: Omit<NotifyInput, 'now' | 'title' | 'body'> & Partial<NotifyInput>) => {
    clock += 1000;
    await p.database.db.transaction().execute(async (trx) => {
      await notify(trx, {
        title: msg('案件即将超时', 'Case deadline near'),
        body: msg('案件 TZ-1 将在 2 小时后到期', 'Case TZ-1 is due in 2 hours'),
        now: clock,
        ...input,
      });
    });
  };
  const runJobs = () =>
    runDueJobs(p.database, notificationJobHandlers({ config: p.config, services: p.services }), {
      now: () => clock,
    });
  const inbox = async (s: Session, query = '') =>
    (await s.request('GET', `/api/notifications${query}`)).body as Inbox;

  before(async () => {
    smtp = await startSmtpReceiver();
    p = await startTestPlatform({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: '同心平台 <noreply@tongxin.test>',
    });
    jinsha = await loginAs(p.app, 'jinsha');
    shigang = await loginAs(p.app, 'shigang');
    jinshaId = await userId('jinsha');
    shigangId = await userId('shigang');
  });
  after(async () => {
    await p.close();
    await smtp.close();
  });

  it('names the bad variable when SMTP settings are wrong', () => {
    assert.throws(() => loadConfig({ SMTP_URL: 'http://mail.example' }), /SMTP_URL/);
    assert.throws(() => loadConfig({ SMTP_URL: 'smtp://mail.example:25' }), /MAIL_FROM/);
    assert.throws(() => loadConfig({ MAIL_FROM: 'not an address' }), /MAIL_FROM/);
    const ok = loadConfig({ SMTP_URL: 'smtp://u:p@mail.example:25', MAIL_FROM: 'a@b.cn' });
    assert.equal(ok.smtpUrl, 'smtp://u:p@mail.example:25');
  });

  it('keeps each inbox to its owner: another user gets 404 marking it read', async () => {
    await send({ event: 'case.assigned', userIds: [jinshaId, shigangId], caseId: 'case-1' });
    const mine = await inbox(jinsha);
    assert.equal(mine.items.length, 1);
    assert.equal(mine.unreadCount, 1);
    assert.equal(mine.items[0]!.caseId, 'case-1');
    assert.equal(mine.items[0]!.title, '案件即将超时');
    const id = mine.items[0]!.id;

    const foreign = await shigang.request('POST', `/api/notifications/${id}/read`);
    assert.equal(foreign.status, 404);
    assert.equal((await inbox(jinsha)).unreadCount, 1, 'still unread after the foreign attempt');

    assert.equal((await jinsha.request('POST', `/api/notifications/${id}/read`)).status, 204);
    const count = await jinsha.request('GET', '/api/notifications/unread-count');
    assert.deepEqual(count.body, { count: 0 });
    assert.equal((await inbox(shigang)).unreadCount, 1, 'the other user’s copy is untouched');
  });

  it('lists unread first, then newest, in keyset pages', async () => {
    for (const caseId of ['c-a', 'c-b', 'c-c']) {
      await send({ event: 'case.returned', userIds: [jinshaId], caseId });
    }
    const order: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: Inbox = await inbox(jinsha, `?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      assert.ok(page.items.length <= 2);
      order.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    assert.deepEqual(
      order.map((i) => [i.caseId, i.isRead]),
      [
        ['c-c', false],
        ['c-b', false],
        ['c-a', false],
        ['case-1', true],
      ],
    );
    const all = await jinsha.request('POST', '/api/notifications/read-all');
    assert.deepEqual(all.body, { updated: 3 });
  });

  it('sets the e-mail address, validates it, and e-mails events that are on by default', async () => {
    assert.equal((await jinsha.request('PUT', '/api/me/email', { email: 'not-an-address' })).status, 400);
    const set = await jinsha.request('PUT', '/api/me/email', { email: 'jinsha@tongxin.test' });
    assert.equal(set.status, 200);

    await send({ event: 'case.deadlineNear', userIds: [jinshaId, shigangId], caseId: 'case-2' });
    assert.equal(await runJobs(), 1, 'one mail job: shigang has no address');
    assert.equal(smtp.mails.length, 1);
    const mail = smtp.mails[0]!;
    assert.deepEqual(mail.to, ['jinsha@tongxin.test']);
    assert.equal(mail.subject, '案件即将超时');
    assert.match(mail.raw, /X-Tongxin-Event: case\.deadlineNear/);

    const log = await p.database.db.selectFrom('delivery').selectAll().execute();
    assert.equal(log.length, 1);
    assert.equal(log[0]!.channel, 'email');
    assert.equal(log[0]!.status, 'delivered');
    assert.equal(log[0]!.target, 'j***@tongxin.test', 'the log masks the address');
  });

  it('sends no mail when the user turned the event off, and mails an event they turned on', async () => {
    const before = await jinsha.request('GET', '/api/notifications/preferences');
    const items = before.body.items as { event: string; channel: string; enabled: boolean }[];
    assert.equal(before.body.email, 'jinsha@tongxin.test');
    assert.equal(items.find((i) => i.event === 'case.overdue' && i.channel === 'email')?.enabled, true);
    assert.equal(items.find((i) => i.event === 'case.closed' && i.channel === 'email')?.enabled, false);

    const put = await jinsha.request('PUT', '/api/notifications/preferences', {
      items: [
        { event: 'case.overdue', channel: 'email', enabled: false },
        { event: 'case.overdue', channel: 'inApp', enabled: false },
        { event: 'case.closed', channel: 'email', enabled: true },
      ],
    });
    assert.equal(put.status, 200);
    const after = put.body.items as { event: string; channel: string; enabled: boolean }[];
    assert.equal(after.find((i) => i.event === 'case.overdue' && i.channel === 'email')?.enabled, false);

    const mailsBefore = smtp.mails.length;
    const unreadBefore = (await inbox(jinsha)).unreadCount;
    await send({ event: 'case.overdue', userIds: [jinshaId], caseId: 'case-3' });
    assert.equal(await runJobs(), 0, 'no mail job was queued');
    assert.equal(smtp.mails.length, mailsBefore);
    assert.equal((await inbox(jinsha)).unreadCount, unreadBefore, 'in-app turned off too');

    await send({
      event: 'case.closed',
      userIds: [jinshaId],
      caseId: 'case-4',
      title: msg('案件已办结', 'Case closed'),
    });
    assert.equal(await runJobs(), 1);
    assert.equal(smtp.mails.length, mailsBefore + 1);
    assert.equal(smtp.mails.at(-1)!.subject, '案件已办结');
    assert.equal((await inbox(jinsha)).unreadCount, unreadBefore + 1);
  });

  it('refuses an unknown event or channel in preferences', async () => {
    const bad = await jinsha.request('PUT', '/api/notifications/preferences', {
      items: [{ event: 'case.nothing', channel: 'email', enabled: true }],
    });
    assert.equal(bad.status, 400);
    const badChannel = await jinsha.request('PUT', '/api/notifications/preferences', {
      items: [{ event: 'case.closed', channel: 'sms', enabled: true }],
    });
    assert.equal(badChannel.status, 400);
  });

  it('clears the address: later mail jobs are skipped, not sent', async () => {
    assert.equal(
      (await jinsha.request('PUT', '/api/me/email', { email: 'jinsha@tongxin.test' })).status,
      200,
    );
    await send({ event: 'case.supervised', userIds: [jinshaId], caseId: 'case-5' });
    assert.equal((await jinsha.request('PUT', '/api/me/email', { email: null })).status, 200);
    const mailsBefore = smtp.mails.length;
    assert.equal(await runJobs(), 1);
    assert.equal(smtp.mails.length, mailsBefore);
    const last = await p.database.db
      .selectFrom('delivery')
      .selectAll()
      .where('case_id', '=', 'case-5')
      .executeTakeFirstOrThrow();
    assert.equal(last.status, 'skipped');
  });

  it('takes a daily digest: events wait for the 08:00 mail, urgent ones still go at once', async () => {
    assert.equal(
      (await shigang.request('PUT', '/api/me/email', { email: 'shigang@tongxin.test' })).status,
      200,
    );
    assert.equal((await shigang.request('PUT', '/api/notifications/preferences', {})).status, 400);
    assert.equal(
      (await shigang.request('PUT', '/api/notifications/preferences', { emailMode: 'weekly' })).status,
      400,
    );
    const chosen = await shigang.request('PUT', '/api/notifications/preferences', { emailMode: 'daily' });
    assert.equal(chosen.status, 200);
    assert.equal(chosen.body.emailMode, 'daily');
    assert.equal((await jinsha.request('GET', '/api/notifications/preferences')).body.emailMode, 'immediate');

    // 09:00 district time on 2026-11-27: the next digest is tomorrow at 08:00.
    const mailsBefore = smtp.mails.length;
    for (const n of [1, 2]) {
      await send({
        event: 'case.assigned',
        userIds: [shigangId],
        caseId: `case-d${n}`,
        title: msg(`新案件 TZ-D${n}`, `New case TZ-D${n}`),
      });
    }
    await send({ event: 'case.overdue', userIds: [shigangId], caseId: 'case-d3' });
    assert.equal(await runJobs(), 1, 'only the urgent event is mailed now');
    assert.equal(smtp.mails.at(-1)!.subject, '案件即将超时');
    assert.equal(
      (await inbox(shigang)).items.filter((i) => i.caseId === 'case-d1').length,
      1,
      'the inbox has it',
    );

    await p.database.db.transaction().execute((trx) => ensureDigestJob(trx, clock));
    assert.equal(await runJobs(), 0, 'the digest is not due before 08:00');
    clock = Date.UTC(2026, 10, 28, 0, 0, 1); // 08:00:01 on 2026-11-28 in the district
    assert.equal(await runJobs(), 2, 'the digest run, then its mail');
    assert.equal(smtp.mails.length, mailsBefore + 2);
    const digest = smtp.mails.at(-1)!;
    assert.deepEqual(digest.to, ['shigang@tongxin.test']);
    assert.match(digest.raw, /X-Tongxin-Event: notification\.digest/);
    assert.match(digest.text, /新案件 TZ-D1[\s\S]*新案件 TZ-D2/);
    assert.doesNotMatch(digest.text, /案件即将超时/, 'the urgent event is not listed again');

    assert.equal(await runJobs(), 0, 'nothing is waiting: the next run is tomorrow');
    const next = await p.database.db
      .selectFrom('job')
      .select(['due_at', 'status'])
      .where('kind', '=', 'notify.digest')
      .where('status', '=', 'pending')
      .execute();
    assert.deepEqual(
      next.map((j) => j.due_at),
      [Date.UTC(2026, 10, 29, 0, 0, 0)],
      'the next morning is ensured once',
    );
  });
});
