// Conformance of the Open311 GeoReport v2 API: every endpoint in both formats against the spec's schemas and XML
// structure, round trips, every error case, and that no reporter's personal data leaves.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TSchema } from '@fastify/type-provider-typebox';
import sharp from 'sharp';
import { defaultCatalogue, findCaseByTracking } from '../cases/index.js';
import { rect } from '../grids/testing.js';
import { orgDirectory } from '../orgs/index.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import {
  DiscoverySchema,
  DiscoveryXml,
  ErrorListSchema,
  ErrorsXml,
  ExtendedRequestListSchema,
  ExtendedRequestsXml,
  PostResponseSchema,
  PostResponseXml,
  RequestListSchema,
  RequestsXml,
  schemaProblems,
  ServiceDefinitionSchema,
  ServiceDefinitionXml,
  ServiceListSchema,
  ServicesXml,
  TokenResponseSchema,
  TokenXml,
} from './conformance.js';
import { checkXml, childText, parseXml, type XmlNode, type XmlShape } from './xmlTree.js';

const V2 = '/open311/v2';
const VILLAGE = '320612001001'; // 东市社区, in 金沙街道
const TOWN = '320612001';
const leaves = defaultCatalogue.filter((c) => c.depth === 3);
const plain = leaves.find((c) => c.fields.length === 0)!;
const withList = leaves.find((c) => c.fields.some((f) => f.type === 'multivaluelist'))!;
const withSingle = leaves.find((c) => c.fields.some((f) => f.type === 'singlevaluelist'))!;
const withNumber = leaves.find((c) => c.fields.some((f) => f.type === 'number'))!;
const petition = leaves.find((c) => c.net === 'petitionStability')!;
const listField = withList.fields.find((f) => f.type === 'multivaluelist')!;
const singleField = withSingle.fields.find((f) => f.type === 'singlevaluelist')!;
const numberField = withNumber.fields.find((f) => f.type === 'number')!;

type Raw = { status: number; type: string; text: string; headers: Record<string, unknown> };

describe('Open311 GeoReport v2', () => {
  let p: TestPlatform;
  let admin: Session;
  let apiKey: string;
  let otherKey: string;

  const raw = async (
    method: 'GET' | 'POST',
    url: string,
    payload?: string | Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Raw> => {
    const res = await p.app.inject({
      method,
      url,
      headers: {
        ...(typeof payload === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload }),
    });
    return {
      status: res.statusCode,
      type: String(res.headers['content-type']),
      text: res.payload,
      headers: res.headers,
    };
  };

  const json = (r: Raw): unknown => {
    assert.equal(r.type, 'application/json; charset=utf-8', r.text);
    return JSON.parse(r.text) as unknown;
  };

  const xml = (r: Raw, rootName: string, shape: XmlShape): XmlNode => {
    assert.equal(r.type, 'text/xml; charset=utf-8', r.text);
    const doc = parseXml(r.text);
    assert.match(doc.declaration, /encoding="utf-8"/i);
    assert.equal(doc.root.name, rootName);
    assert.deepEqual(checkXml(doc.root, shape), [], r.text);
    return doc.root;
  };

  const conforms = (schema: TSchema, value: unknown) => {
    assert.deepEqual(schemaProblems(schema, value), [], JSON.stringify(value));
  };

  /** Both formats of one GET: checked against the schema and the XML shape; answers the JSON. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON shape it then reads
  const getBoth = async <T = unknown>(
    path: string,
    query: string,
    schema: TSchema,
    root: string,
    shape: XmlShape,
  ): Promise<{ body: T; xml: XmlNode }> => {
    const j = await raw('GET', `${V2}/${path}.json${query}`);
    assert.equal(j.status, 200, j.text);
    const body = json(j);
    conforms(schema, body);
    const x = await raw('GET', `${V2}/${path}.xml${query}`);
    assert.equal(x.status, 200, x.text);
    return { body: body as T, xml: xml(x, root, shape) };
  };

  const expectError = async (r: Raw, status: number, format: 'json' | 'xml' = 'json') => {
    assert.equal(r.status, status, r.text);
    if (format === 'json') {
      const body = json(r);
      conforms(ErrorListSchema, body);
      assert.equal((body as { code: string }[])[0]!.code, String(status));
      return (body as { description: string }[]).map((e) => e.description).join(' | ');
    }
    const root = xml(r, 'errors', ErrorsXml);
    assert.equal(childText(root.children[0]!, 'code'), String(status));
    return root.children.map((e) => childText(e, 'description') ?? '').join(' | ');
  };

  const form = (fields: Record<string, string | string[]>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      for (const one of Array.isArray(v) ? v : [v]) {
        q.append(k, one);
      }
    }
    return q.toString();
  };

  const post = (fields: Record<string, string | string[]>, format: 'json' | 'xml' = 'json', key = apiKey) =>
    raw('POST', `${V2}/requests.${format}`, form({ api_key: key, ...fields }), { 'accept-language': 'en' });

  const file = async (fields: Record<string, string | string[]>): Promise<string> => {
    const r = await post({
      service_code: plain.code,
      address_id: VILLAGE,
      description: '路边有垃圾堆放',
      ...fields,
    });
    assert.equal(r.status, 200, r.text);
    const body = json(r) as { service_request_id: string }[];
    conforms(PostResponseSchema, body);
    return body[0]!.service_request_id;
  };

  const issueKey = async (name: string, kind: 'open311' | 'user' = 'open311') => {
    const r = await admin.request('POST', '/api/admin/tokens', { name, kind });
    assert.equal(r.status, 201);
    return r.body as { id: string; token: string };
  };

  before(async () => {
    p = await startTestPlatform();
    admin = await loginAs(p.app, 'admin');
    apiKey = (await issueKey('city app')).token;
    otherKey = (await issueKey('aggregator')).token;
  });
  after(async () => {
    await p.close();
  });

  it('discovery names the v2 endpoint and both formats', async () => {
    const { body, xml: root } = await getBoth<{ endpoints: { url: string; formats: string[] }[] }>(
      'discovery',
      '',
      DiscoverySchema,
      'discovery',
      DiscoveryXml,
    );
    assert.equal(body.endpoints[0]!.url, `http://localhost:80${V2}`);
    assert.deepEqual(body.endpoints[0]!.formats.sort(), ['application/json', 'text/xml']);
    assert.equal(root.children.find((c) => c.name === 'endpoints')!.children.length, 1);
  });

  it('services are the active leaf categories, grouped by their top-level category', async () => {
    const { body, xml: root } = await getBoth<
      { service_code: string; group: string; metadata: boolean; keywords: string }[]
    >('services', '?jurisdiction_id=320612', ServiceListSchema, 'services', ServicesXml);
    assert.deepEqual(body.map((s) => s.service_code).sort(), leaves.map((c) => c.code).sort());
    assert.equal(root.children.length, body.length);
    for (const s of body) {
      const def = leaves.find((c) => c.code === s.service_code)!;
      assert.equal(s.metadata, def.fields.length > 0, s.service_code);
      const top = defaultCatalogue.find((c) => c.code === def.code.slice(0, 2))!;
      assert.equal(s.group, top.name.zh);
      assert.equal(s.keywords, def.keywords.join(','));
    }
    const en = await raw('GET', `${V2}/services.json`, undefined, { 'accept-language': 'en' });
    const first = (json(en) as { service_code: string; service_name: string }[]).find(
      (s) => s.service_code === plain.code,
    )!;
    assert.equal(first.service_name, plain.name.en);
  });

  it('a service definition lists the extra fields as attributes with the six datatypes', async () => {
    for (const c of [withList, withSingle, withNumber, plain]) {
      const { body } = await getBoth<{
        service_code: string;
        attributes: {
          code: string;
          datatype: string;
          required: boolean;
          order: number;
          values?: { key: string }[];
        }[];
      }>(`services/${c.code}`, '', ServiceDefinitionSchema, 'service_definition', ServiceDefinitionXml);
      assert.equal(body.service_code, c.code);
      assert.deepEqual(
        body.attributes.map((a) => [a.code, a.datatype, a.required, a.order]),
        c.fields.map((f, i) => [f.code, f.type, f.required, i + 1]),
      );
      for (const a of body.attributes) {
        const f = c.fields.find((x) => x.code === a.code)!;
        assert.deepEqual(
          a.values?.map((v) => v.key),
          f.type === 'singlevaluelist' || f.type === 'multivaluelist'
            ? f.values!.map((v) => v.key)
            : undefined,
        );
      }
    }
  });

  it('POST (form-encoded, in XML) then GET by id, by token and in the list, both formats', async () => {
    const r = await post(
      {
        service_code: withList.code,
        address_id: VILLAGE,
        address_string: '金沙街道东市路 12 号',
        description: '楼道里堆满杂物 & <易燃>',
        [`attribute[${listField.code}][]`]: [listField.values![0]!.key, listField.values![1]!.key],
        account_id: 'acct-42',
      },
      'xml',
    );
    assert.equal(r.status, 200, r.text);
    const root = xml(r, 'service_requests', PostResponseXml);
    const id = childText(root.children[0]!, 'service_request_id')!;
    assert.match(id, /^TZ\d{6}[2-9A-Z]{10}$/);
    assert.equal(childText(root.children[0]!, 'account_id'), 'acct-42');

    const one = await getBoth<Record<string, unknown>[]>(
      `requests/${id}`,
      '?jurisdiction_id=320612',
      RequestListSchema,
      'service_requests',
      RequestsXml,
    );
    assert.equal(one.body.length, 1);
    const got = one.body[0]!;
    assert.equal(got.service_request_id, id);
    assert.equal(got.status, 'open');
    assert.equal(got.service_code, withList.code);
    assert.equal(got.service_name, withList.name.zh);
    assert.equal(got.description, '楼道里堆满杂物 & <易燃>');
    assert.equal(got.address, '金沙街道东市路 12 号');
    assert.equal(got.address_id, VILLAGE);
    assert.equal(got.zipcode, '226300');
    assert.match(String(got.requested_datetime), /\+08:00$/);
    assert.equal(childText(one.xml.children[0]!, 'description'), '楼道里堆满杂物 & <易燃>');

    const token = await getBoth<{ service_request_id: string; token: string }[]>(
      `tokens/${id}`,
      '',
      TokenResponseSchema,
      'service_requests',
      TokenXml,
    );
    assert.deepEqual(token.body, [{ service_request_id: id, token: id }]);
    const viaToken = await raw('GET', `${V2}/requests/${token.body[0]!.service_request_id}.json`);
    assert.equal((json(viaToken) as { service_request_id: string }[])[0]!.service_request_id, id);

    const list = await getBoth<{ service_request_id: string }[]>(
      'requests',
      `?service_code=${withList.code}`,
      RequestListSchema,
      'service_requests',
      RequestsXml,
    );
    assert.deepEqual(
      list.body.map((x) => x.service_request_id),
      [id],
    );
    const stored = await findCaseByTracking(p.database.db, p.database.dialect, id);
    assert.equal(stored?.source, 'open311');
    assert.deepEqual(JSON.parse(stored?.extra ?? 'null'), {
      [listField.code]: [listField.values![0]!.key, listField.values![1]!.key],
    });
  });

  it('POST as JSON with attributes as an object, located by a town code', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: {
        api_key: apiKey,
        jurisdiction_id: '320612',
        service_code: withSingle.code,
        address_id: TOWN,
        description: '墙体开裂',
        attribute: { [singleField.code]: singleField.values![1]!.key },
      },
    });
    assert.equal(res.statusCode, 200, res.payload);
    const body = JSON.parse(res.payload) as { service_request_id: string }[];
    conforms(PostResponseSchema, body);
    const got = json(await raw('GET', `${V2}/requests/${body[0]!.service_request_id}.json`)) as {
      address_id: string;
      address: string;
    }[];
    assert.equal(got[0]!.address_id, TOWN);
    assert.equal(got[0]!.address, '金沙街道');
  });

  it('lat/long are located to a grid and returned', async () => {
    const jinsha = await loginAs(p.app, 'jinsha');
    const village = (await orgDirectory(p.database.db, p.database.dialect).findByCode(VILLAGE))!;
    const grid = await jinsha.request('POST', '/api/grids', {
      villageId: village.id,
      type: 'basic',
      nets: ['partyBuilding', 'environment', 'illegalConstruction', 'petitionStability', 'workSafety'],
      geometry: rect(121.0, 32.0, 121.01, 32.01),
    });
    assert.equal(grid.status, 200, JSON.stringify(grid.body));
    const r = await post({ service_code: plain.code, lat: '32.005', long: '121.005', description: '垃圾' });
    assert.equal(r.status, 200, r.text);
    const id = (json(r) as { service_request_id: string }[])[0]!.service_request_id;
    const ext = await getBoth<
      { lat: number; long: number; extended_attributes: { grid?: { code: string } } }[]
    >(
      `requests/${id}`,
      '?extensions=true',
      ExtendedRequestListSchema,
      'service_requests',
      ExtendedRequestsXml,
    );
    assert.equal(ext.body[0]!.lat, 32.005);
    assert.equal(ext.body[0]!.long, 121.005);
    assert.equal(ext.body[0]!.extended_attributes.grid?.code, (grid.body.item as { code: string }).code);
    const outside = await post({ service_code: plain.code, lat: '31.0', long: '120.0', description: '垃圾' });
    assert.match(await expectError(outside, 400), /grid/);
  });

  it('every error answers the spec list with 400, 403 or 404, in both formats', async () => {
    const base = { service_code: plain.code, address_id: VILLAGE, description: '垃圾' };
    await expectError(await raw('POST', `${V2}/requests.json`, form(base)), 403);
    await expectError(await raw('POST', `${V2}/requests.xml`, form(base)), 403, 'xml');
    await expectError(await post(base, 'json', 'tx_nope_not-a-real-key'), 403);
    const userToken = (await issueKey('a person', 'user')).token;
    await expectError(await post(base, 'json', userToken), 403);
    const revoked = await issueKey('gone');
    assert.equal((await admin.request('DELETE', `/api/admin/tokens/${revoked.id}`)).status, 204);
    await expectError(await post(base, 'xml', revoked.token), 403, 'xml');
    await expectError(await raw('GET', `${V2}/services.json?api_key=wrong-key-123`), 403);

    assert.match(await expectError(await post({ ...base, jurisdiction_id: '320611' }), 400), /320612/);
    await expectError(await raw('GET', `${V2}/services.xml?jurisdiction_id=110000`), 400, 'xml');
    await expectError(await raw('GET', `${V2}/requests.json?jurisdiction_id=x`), 400);

    await expectError(await raw('GET', `${V2}/services/999999.json`), 404);
    await expectError(await raw('GET', `${V2}/services/999999.xml`), 404, 'xml');
    await expectError(await post({ ...base, service_code: '999999' }), 404);
    await expectError(await raw('GET', `${V2}/requests/TZ250101ABCDEFGHJK.json`), 404);
    await expectError(await raw('GET', `${V2}/requests/not-an-id.xml`), 404, 'xml');
    await expectError(await raw('GET', `${V2}/tokens/TZ250101ABCDEFGHJK.json`), 404);
    await expectError(await raw('GET', `${V2}/services.csv`), 404, 'xml');
    await expectError(await raw('GET', `${V2}/nothing-here.json`), 404);

    const noPlace = { service_code: plain.code, description: '垃圾' };
    assert.match(await expectError(await post(noPlace), 400), /location/);
    assert.match(await expectError(await post({ ...noPlace, address_string: '东市路' }), 400), /address_id/);
    await expectError(await post({ ...noPlace, address_id: '320612999999' }), 400);
    await expectError(await post({ ...noPlace, address_id: '东市社区' }), 400);
    await expectError(await post({ ...noPlace, lat: '32.0' }), 400);
    await expectError(await post({ ...noPlace, lat: 'north', long: '121' }), 400);
    await expectError(await post({ ...base, service_code: '' }), 400);

    const bad = async (fields: Record<string, string | string[]>, pattern: RegExp) =>
      assert.match(await expectError(await post(fields), 400), pattern);
    await bad(
      { ...base, service_code: withSingle.code, [`attribute[${singleField.code}]`]: 'nonsense' },
      /attribute/,
    );
    await bad(
      { ...base, service_code: withNumber.code, [`attribute[${numberField.code}]`]: 'many' },
      /number/,
    );
    await bad(
      { ...base, service_code: withList.code, [`attribute[${listField.code}][]`]: ['fire', 'bogus'] },
      /attribute/,
    );
    await bad({ ...base, 'attribute[unknown]': 'x' }, /unknown/);
    await bad({ ...base, phone: 'call me' }, /phone/);
    await bad({ ...base, email: 'not-an-email' }, /email/);
    await bad({ ...base, media_url: 'javascript:alert(1)' }, /media_url/);

    await expectError(await raw('GET', `${V2}/requests.json?status=pending`), 400);
    await expectError(await raw('GET', `${V2}/requests.xml?start_date=yesterday`), 400, 'xml');
    await expectError(await raw('GET', `${V2}/requests.json?extensions=true&page_size=5000`), 400);
  });

  it('status, status_notes and the agency follow the workflow; closed covers voided', async () => {
    const id = await file({});
    const c = (await findCaseByTracking(p.database.db, p.database.dialect, id))!;
    const jinsha = await loginAs(p.app, 'jinsha');
    const voided = await jinsha.request('POST', `/api/cases/${c.id}/actions`, {
      action: 'void',
      comment: '经核实已清理，联系人 13912345678',
      isPublic: true,
    });
    assert.equal(voided.status, 200, JSON.stringify(voided.body));
    const got = (
      json(await raw('GET', `${V2}/requests/${id}.json?extensions=true`)) as {
        status: string;
        status_notes: string;
        extended_attributes: { state: string; steps: { action: string }[]; village: { code: string } };
      }[]
    )[0]!;
    assert.equal(got.status, 'closed');
    assert.equal(got.status_notes, '经核实已清理，联系人 139****5678');
    assert.equal(got.extended_attributes.state, 'voided');
    assert.deepEqual(
      got.extended_attributes.steps.map((s) => s.action),
      ['report', 'void'],
    );
    assert.equal(got.extended_attributes.village.code, VILLAGE);
    const closed = json(await raw('GET', `${V2}/requests.json?status=closed`)) as {
      service_request_id: string;
    }[];
    assert.ok(closed.some((x) => x.service_request_id === id));
    const open = json(await raw('GET', `${V2}/requests.json?status=open`)) as {
      service_request_id: string;
    }[];
    assert.ok(!open.some((x) => x.service_request_id === id));
    assert.ok(open.length > 0);
  });

  it('GET requests: id lists override filters, the default window is 90 days, paging and updated_* are extensions', async () => {
    const a = await file({ description: '旧的诉求' });
    const b = await file({ description: '新的诉求' });
    const now = Date.now();
    await p.database.db
      .updateTable('case_file')
      .set({ reported_at: now - 100 * 86_400_000, updated_at: now - 100 * 86_400_000 })
      .where('tracking_code', '=', a)
      .execute();
    const ids = (r: Raw) => (json(r) as { service_request_id: string }[]).map((x) => x.service_request_id);
    const recent = ids(await raw('GET', `${V2}/requests.json`));
    assert.ok(recent.includes(b));
    assert.ok(!recent.includes(a));
    const old = new Date(now - 120 * 86_400_000).toISOString();
    const windowed = ids(
      await raw(
        'GET',
        `${V2}/requests.json?start_date=${encodeURIComponent(old)}&end_date=${encodeURIComponent(new Date(now - 50 * 86_400_000).toISOString())}`,
      ),
    );
    assert.deepEqual(windowed, [a]);
    assert.deepEqual(
      ids(await raw('GET', `${V2}/requests.json?service_request_id=${a},${b}&status=closed`)).sort(),
      [a, b].sort(),
    );

    const all = ids(await raw('GET', `${V2}/requests.json?extensions=true`));
    const page1 = ids(await raw('GET', `${V2}/requests.json?extensions=true&page_size=2&page=1`));
    const page2 = ids(await raw('GET', `${V2}/requests.json?extensions=true&page_size=2&page=2`));
    assert.deepEqual([...page1, ...page2], all.slice(0, 4));
    // Without extensions, paging parameters are ignored.
    assert.deepEqual(ids(await raw('GET', `${V2}/requests.json?page_size=2`)), recent);
    const since = encodeURIComponent(new Date(now - 1000).toISOString());
    const updated = ids(await raw('GET', `${V2}/requests.json?extensions=true&updated_after=${since}`));
    assert.ok(updated.includes(b));
    assert.ok(updated.every((x) => recent.includes(x)));
    assert.deepEqual(
      ids(
        await raw(
          'GET',
          `${V2}/requests.json?extensions=true&updated_before=${since}&service_code=${plain.code}`,
        ),
      ).filter((x) => x === b),
      [],
    );
    const extended = json(await raw('GET', `${V2}/requests.json?extensions=true`));
    conforms(ExtendedRequestListSchema, extended);
    xml(await raw('GET', `${V2}/requests.xml?extensions=true`), 'service_requests', ExtendedRequestsXml);
  });

  it('petitions are not listed, but stay readable by their id', async () => {
    const id = await file({ service_code: petition.code, description: '邻里纠纷' });
    const listed = json(await raw('GET', `${V2}/requests.json`)) as { service_request_id: string }[];
    assert.ok(!listed.some((x) => x.service_request_id === id));
    assert.equal((json(await raw('GET', `${V2}/requests/${id}.json`)) as unknown[]).length, 1);
  });

  it('no personal data of the reporter leaves through any endpoint', async () => {
    const secrets = ['张', '三丰', '13800138000', 'zhang@example.com', 'device-xyz-777', 'acct-secret-9'];
    const id = await file({
      first_name: '三丰',
      last_name: '张',
      phone: '+86 138 0013 8000',
      email: 'zhang@example.com',
      device_id: 'device-xyz-777',
      account_id: 'acct-secret-9',
      description: '门口垃圾没人清，我的电话 13800138000，身份证 320612199001011234',
    });
    const stored = (await findCaseByTracking(p.database.db, p.database.dialect, id))!;
    assert.notEqual(stored.reporter_phone_enc, null);
    assert.equal(stored.reporter_phone_masked, '138****8000');
    const urls = [`requests/${id}`, `requests/${id}`, 'requests', `tokens/${id}`].flatMap((u) => [
      `${V2}/${u}.json`,
      `${V2}/${u}.xml`,
      `${V2}/${u}.json?extensions=true`,
      `${V2}/${u}.xml?extensions=true`,
    ]);
    for (const url of urls) {
      const r = await raw('GET', url);
      assert.equal(r.status, 200, url);
      for (const s of secrets) {
        assert.ok(!r.text.includes(s), `${url} leaks ${s}`);
      }
      assert.ok(!r.text.includes('320612199001011234'), `${url} leaks an ID number`);
    }
    const got = (json(await raw('GET', `${V2}/requests/${id}.json`)) as { description: string }[])[0]!;
    assert.equal(got.description, '门口垃圾没人清，我的电话 138****8000，身份证 320***********1234');
  });

  it('a reporter photo is served at an absolute media_url', async () => {
    const jinsha = await loginAs(p.app, 'jinsha');
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .png()
      .toBuffer();
    const village = (await orgDirectory(p.database.db, p.database.dialect).findByCode(VILLAGE))!;
    const made = await jinsha.request('POST', '/api/cases', {
      categoryCode: plain.code,
      description: '热线来电：垃圾',
      orgId: village.id,
      source: 'hotline',
      photos: [{ data: png.toString('base64') }],
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const code = ((made.body.item ?? made.body) as { trackingCode: string }).trackingCode;
    const got = (json(await raw('GET', `${V2}/requests/${code}.json`)) as { media_url: string }[])[0]!;
    const url = new URL(got.media_url);
    assert.equal(url.origin, 'http://localhost');
    const image = await raw('GET', url.pathname);
    assert.equal(image.status, 200);
    assert.equal(image.type, 'image/jpeg');
  });

  it('an Idempotency-Key makes a retried POST answer the same request', async () => {
    const fields = form({
      api_key: apiKey,
      service_code: plain.code,
      address_id: VILLAGE,
      description: '重试',
    });
    const headers = { 'idempotency-key': 'retry-0001-abcdef' };
    const first = await raw('POST', `${V2}/requests.json`, fields, headers);
    const second = await raw('POST', `${V2}/requests.json`, fields, headers);
    assert.equal(first.status, 200);
    assert.deepEqual(
      (json(second) as { service_request_id: string }[])[0]!.service_request_id,
      (json(first) as { service_request_id: string }[])[0]!.service_request_id,
    );
  });

  it('rate limits per api_key with 429 and Retry-After, in the spec error shape', async () => {
    const limited = (await issueKey('chatty')).token;
    let last: Raw | undefined;
    for (let i = 0; i < 61; i += 1) {
      last = await post({ description: 'x' }, 'json', limited);
    }
    await expectError(last!, 429);
    assert.ok(Number(last!.headers['retry-after']) > 0);
    const elsewhere = await post(
      { service_code: plain.code, address_id: VILLAGE, description: '另一个客户端' },
      'json',
      otherKey,
    );
    assert.equal(elsewhere.status, 200, elsewhere.text);
  });
});
