import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { makeIdNumber } from '../members/index.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { checkOrgInvariants } from './invariants.js';
import { orgRepository } from './repository.js';

type Report = {
  committed: boolean;
  total: number;
  valid: number;
  issueCount: number;
  issues: { row: number; column: string; reason: string }[];
  preview: { row: number; values: Record<string, string> }[];
};

const MEMBER_HEADER =
  '姓名,性别,民族,学历,身份证号,手机号,入党日期,党员状态,所在支部代码,党小组代码,报到社区代码';

describe('importing organisations and members from spreadsheets', () => {
  let p: TestPlatform;
  let admin: Session;

  before(async () => {
    p = await startTestPlatform();
    admin = await loginAs(p.app, 'admin');
  });
  after(async () => {
    await p.close();
  });

  const upload = async (kind: 'orgs' | 'members', name: string, bytes: Buffer, dryRun: boolean) => {
    const boundary = '----tx-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/imports/${kind}?dryRun=${String(dryRun)}`,
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: body,
    });
    const json = JSON.parse(res.payload) as Record<string, unknown>;
    return { status: res.statusCode, body: json, report: (json.report ?? json) as Report };
  };

  /** Everything an import could change: row counts, roll-ups and the audit log. */
  const snapshot = async () => {
    const db = p.database.db;
    const count = async (table: 'org' | 'member' | 'member_transfer' | 'org_rollup' | 'audit_log') =>
      (await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const rollups = await db
      .selectFrom('org_rollup')
      .select(['org_id', 'metric', 'value'])
      .orderBy('org_id')
      .orderBy('metric')
      .execute();
    return {
      org: await count('org'),
      member: await count('member'),
      transfer: await count('member_transfer'),
      audit: (await db.selectFrom('audit_log').select('action').where('action', 'like', '%.import').execute())
        .length,
      rollups: JSON.stringify(rollups),
    };
  };

  const orgCsv = [
    '组织名称,层级,类型,组织代码,上级组织代码,成立日期',
    '东市社区第一党支部,二级党支部,党支部,DS-01,320612001001,1998-07-01',
    '东市社区第二党支部,二级党支部,网格党支部,DS-02,320612001001,',
    '第一党小组,党小组,党小组,DS-01-01,DS-01,2001/7/1',
    '第二党小组,党小组,楼栋党小组,DS-02-01,DS-02,',
  ].join('\r\n');

  it('imports organisations: dry run changes nothing, commit builds the subtree with roll-ups', async () => {
    const before = await snapshot();
    const dry = await upload('orgs', 'orgs.csv', Buffer.from(`\uFEFF${orgCsv}`), true);
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal(dry.report.issueCount, 0, JSON.stringify(dry.report.issues));
    assert.equal(dry.report.total, 4);
    assert.equal(dry.report.preview[0]!.values['组织名称'], '东市社区第一党支部');
    assert.deepEqual(await snapshot(), before);
    const done = await upload('orgs', 'orgs.csv', Buffer.from(orgCsv), false);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.report.committed, true);
    const repo = orgRepository(p.database.db, p.database.dialect);
    const group = (await repo.findByCode('DS-01-01'))!;
    assert.equal(group.founded_on, '2001-07-01');
    const village = (await repo.findByCode('320612001001'))!;
    assert.ok(group.path.startsWith(village.path));
    const counts = await repo.rollup(village.id);
    assert.equal(counts['org.branch'], 2);
    assert.equal(counts['org.group'], 2);
    assert.deepEqual(await checkOrgInvariants(p.database.db), []);
  });

  it('imports members from a GBK CSV as Excel saves it, masked in the preview', async () => {
    const id = makeIdNumber('320683', '1970-05-20', 31);
    const csv = [
      MEMBER_HEADER,
      `顾建华,男,汉族,大学本科,${id},10000001111,1995-07-01,正式党员,DS-01,DS-01-01,`,
    ].join('\r\n');
    const gbk = iconv.encode(csv, 'gbk');
    assert.throws(
      () => new TextDecoder('utf-8', { fatal: true }).decode(gbk),
      'the file really is not UTF-8',
    );
    const dry = await upload('members', '党员.csv', gbk, true);
    assert.equal(dry.report.issueCount, 0, JSON.stringify(dry.report.issues));
    assert.equal(dry.report.preview[0]!.values['姓名'], '顾建华');
    assert.equal(dry.report.preview[0]!.values['身份证号'], `320683********${id.slice(-4)}`);
    assert.ok(!JSON.stringify(dry.body).includes(id));
    const done = await upload('members', '党员.csv', gbk, false);
    assert.equal(done.report.committed, true, JSON.stringify(done.body));
    const list = await admin.request('GET', `/api/members?name=${encodeURIComponent('顾建华')}`);
    assert.equal((list.body.items as unknown[]).length, 1);
  });

  it('refuses broken files with a row-level report and changes nothing', async () => {
    const valid = (seq: number) => makeIdNumber('320612', '1985-01-01', seq);
    const existing = makeIdNumber('320683', '1970-05-20', 31);
    const broken = `${valid(1).slice(0, 17)}${valid(1)[17] === '0' ? '1' : '0'}`;
    const cases: {
      name: string;
      kind: 'orgs' | 'members';
      bytes: Buffer;
      expect: { row: number; column: string }[];
    }[] = [
      {
        name: 'wrong and missing columns',
        kind: 'members',
        bytes: Buffer.from(
          '姓名,性别,民族,学历,证件号码,入党日期,党员状态,所在支部代码\n张三,男,汉族,高中,1,2000-01-01,正式党员,DS-01',
        ),
        expect: [
          { row: 1, column: '证件号码' },
          { row: 1, column: '身份证号' },
        ],
      },
      {
        name: 'broken encoding',
        kind: 'members',
        bytes: Buffer.concat([
          iconv.encode(MEMBER_HEADER, 'gbk'),
          Buffer.from([0x0a, 0xff, 0xfe, 0x81, 0x20, 0xc8]),
        ]),
        expect: [{ row: 1, column: '' }],
      },
      {
        name: 'invalid and duplicate ID numbers, unknown branch',
        kind: 'members',
        bytes: Buffer.from(
          [
            MEMBER_HEADER,
            `甲,,汉族,高中,${valid(3)},,2000-01-01,正式党员,DS-01,,`,
            `乙,,汉族,高中,${broken},,2000-01-01,正式党员,DS-01,,`,
            `丙,,汉族,高中,${valid(3)},,2000-01-01,预备党员,DS-01,,`,
            `丁,,汉族,高中,${existing},,2000-01-01,正式党员,DS-01,,`,
            `戊,,汉族,高中,${valid(5)},,2000-01-01,正式党员,NO-SUCH,,`,
            `己,,汉族,博士后,${valid(7)},123,2000-13-01,党员,DS-01,DS-02-01,`,
          ].join('\n'),
        ),
        expect: [
          { row: 3, column: '身份证号' },
          { row: 4, column: '身份证号' },
          { row: 5, column: '身份证号' },
          { row: 6, column: '所在支部代码' },
          { row: 7, column: '学历' },
          { row: 7, column: '手机号' },
          { row: 7, column: '入党日期' },
          { row: 7, column: '党员状态' },
          { row: 7, column: '党小组代码' },
        ],
      },
      {
        name: 'unknown parents, wrong levels, cycles, taken codes',
        kind: 'orgs',
        bytes: Buffer.from(
          [
            '组织名称,层级,类型,组织代码,上级组织代码',
            '甲支部,二级党支部,党支部,X-1,320612001001',
            '乙小组,党小组,党小组,X-2,NOPE',
            '丙小组,党小组,党小组,X-3,X-4',
            '丁小组,党小组,党小组,X-4,X-3',
            '戊镇,镇（街道）,镇,X-5,320612001001',
            '己支部,二级党支部,党支部,DS-01,320612001001',
          ].join('\n'),
        ),
        expect: [
          { row: 3, column: '上级组织代码' },
          // The level order itself has no cycles, so a loop in the file always shows as a level error too.
          { row: 4, column: '*' },
          { row: 5, column: '*' },
          { row: 6, column: '层级' },
          { row: 7, column: '组织代码' },
          { row: 3, column: '上级组织代码' },
        ],
      },
    ];
    for (const c of cases) {
      const before = await snapshot();
      const dry = await upload(c.kind, 'bad.csv', c.bytes, true);
      assert.equal(dry.status, 200, c.name);
      assert.equal(dry.report.committed, false);
      const got = dry.report.issues.map((i) => ({ row: i.row, column: i.column }));
      for (const e of c.expect) {
        assert.ok(
          got.some((g) => g.row === e.row && (e.column === '*' || g.column === e.column)),
          `${c.name}: ${JSON.stringify(e)} in ${JSON.stringify(dry.report.issues)}`,
        );
      }
      assert.ok(dry.report.issues.every((i) => i.reason.length > 0));
      const commit = await upload(c.kind, 'bad.csv', c.bytes, false);
      assert.equal(commit.status, 422, c.name);
      assert.equal(commit.body.code, 'import.invalid_file');
      assert.deepEqual(await snapshot(), before, `${c.name} changed nothing`);
    }
  });

  it('imports a generated 50,000-row .xlsx in one go', { timeout: 300_000 }, async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = book.addWorksheet('党员');
    sheet.addRow(MEMBER_HEADER.split(',')).commit();
    const rows = 50_000;
    for (let i = 0; i < rows; i++) {
      const birth = `19${String(50 + (i % 50))}-0${1 + (i % 9)}-1${i % 9}`;
      const id = makeIdNumber(i % 2 === 0 ? '320612' : '320683', birth, Math.floor(i / 450) % 1000);
      sheet
        .addRow([
          `党员${i}`,
          '',
          '汉族',
          '高中',
          id,
          `100${String(i).padStart(8, '0')}`,
          new Date(Date.UTC(2000, 0, 1 + (i % 3000))),
          i % 10 === 0 ? '预备党员' : '正式党员',
          i % 2 === 0 ? 'DS-01' : 'DS-02',
          i % 2 === 0 ? 'DS-01-01' : '',
          '',
        ])
        .commit();
    }
    sheet.commit();
    await book.commit();
    const bytes = Buffer.concat(chunks);
    const started = Date.now();
    const done = await upload('members', 'big.xlsx', bytes, false);
    assert.equal(done.status, 200, JSON.stringify(done.report.issues.slice(0, 5)));
    assert.equal(done.report.total, rows);
    assert.equal(done.report.committed, true);
    console.log(`50,000-row import: ${Date.now() - started} ms on ${p.database.dialect}`);
    const repo = orgRepository(p.database.db, p.database.dialect);
    const village = (await repo.findByCode('320612001001'))!;
    assert.equal((await repo.rollup(village.id)).member, rows + 1);
    assert.deepEqual(await checkOrgInvariants(p.database.db), []);
  });

  it('exports a subtree to .xlsx with numbers masked, only with a reason, audited', async () => {
    const repo = orgRepository(p.database.db, p.database.dialect);
    const village = (await repo.findByCode('320612001001'))!;
    const noReason = await admin.request('GET', `/api/orgs/${village.id}/export?reason=`);
    assert.equal(noReason.status, 422);
    const town = await loginAs(p.app, 'jinsha');
    assert.equal((await town.request('GET', `/api/orgs/${village.id}/export?reason=x1`)).status, 403);
    const res = await p.app.inject({
      method: 'GET',
      url: `/api/orgs/${village.id}/export?reason=${encodeURIComponent('年度党员统计')}`,
      headers: { cookie: admin.cookie },
    });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const people = book.getWorksheet('党员')!;
    assert.equal(people.rowCount, 50_000 + 2);
    const ids: string[] = [];
    people.eachRow((row, n) => {
      if (n > 1) {
        ids.push(row.getCell(5).text);
      }
    });
    assert.ok(ids.every((id) => /^\d{6}\*{8}[\dX]{4}$/.test(id)));
    assert.equal(book.getWorksheet('组织')!.rowCount, 1 + 5);
    const audit = await p.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member.export')
      .execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]!.detail ?? '', /年度党员统计/);
  });
});
