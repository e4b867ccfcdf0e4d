// POST requests: turns the spec's parameters into a Tongxin report and files it at once as a case. The caller has
// checked the api_key and the jurisdiction; the case's tracking code is the service_request_id.
import { createHash } from 'node:crypto';
import { listCategories, submitReport, type ReportDeps, validateExtra } from '../cases/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { msg, type Message } from '../platform/i18n.js';
import type { Open311Client } from './apiKeys.js';
import { badRequest, Open311Error } from './errors.js';
import { reportableServices } from './services.js';

/** The POST parameters after parsing: form fields and JSON alike, repeated fields as arrays. */
export type RequestParams = Record<string, unknown>;

export type FiledRequest = { serviceRequestId: string; duplicates: number; isReplay: boolean };

const MAX_DESCRIPTION = 2000;

function text(params: RequestParams, name: string, max: number): string | undefined {
  const raw = params[name];
  const value: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw badRequest(msg(`${name} 必须是文字`, `${name} must be text`));
  }
  const s = String(value).trim();
  if (s.length > max) {
    throw badRequest(
      msg(`${name} 过长（最多 ${max} 字）`, `${name} is too long (at most ${max} characters)`),
    );
  }
  return s === '' ? undefined : s;
}

function coordinate(params: RequestParams, name: 'lat' | 'long', limit: number): number | undefined {
  const s = text(params, name, 40);
  if (s === undefined) {
    return undefined;
  }
  const n = Number(s);
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    throw badRequest(msg(`${name} 不是有效的坐标`, `${name} is not a valid WGS-84 coordinate`));
  }
  return n;
}

/** attribute[CODE]=v, attribute[CODE][]=v (repeated), or in JSON an object under "attribute" / "attributes". */
export function attributesOf(params: RequestParams): { values: Record<string, unknown>; errors: Message[] } {
  const values: Record<string, unknown> = {};
  const errors: Message[] = [];
  const add = (code: string, value: unknown, isList: boolean) => {
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((v) => typeof v === 'string' || typeof v === 'number')) {
      errors.push(
        msg(`attribute[${code}] 的值必须是文字或数字`, `attribute[${code}] must be text or a number`),
      );
      return;
    }
    const strings = list.map(String);
    const before = values[code];
    const merged =
      before === undefined
        ? strings
        : [...(Array.isArray(before) ? (before as unknown[]) : [before]), ...strings];
    values[code] = isList || merged.length > 1 ? merged : merged[0];
  };
  for (const [key, value] of Object.entries(params)) {
    const m = /^attribute\[([A-Za-z0-9_-]{1,50})\](\[\])?$/.exec(key);
    if (m !== null) {
      add(m[1]!, value, m[2] !== undefined);
    }
  }
  for (const name of ['attribute', 'attributes']) {
    const nested = params[name];
    if (nested !== undefined && nested !== null && typeof nested === 'object' && !Array.isArray(nested)) {
      for (const [code, value] of Object.entries(nested)) {
        add(code, value, Array.isArray(value));
      }
    }
  }
  return { values, errors };
}

function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s()-]/g, '').replace(/^(\+|00)?86/, '');
  if (!/^\d{7,12}$/.test(digits)) {
    throw badRequest(msg('phone 不是有效的电话号码', 'phone is not a valid phone number'));
  }
  return digits;
}

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

function fullName(first: string | undefined, last: string | undefined): string | undefined {
  if (first === undefined && last === undefined) {
    return undefined;
  }
  const parts = [first ?? '', last ?? ''];
  // Chinese names put the family name (last_name) first and no space between.
  const name = hasHan(parts.join('')) ? `${last ?? ''}${first ?? ''}` : parts.join(' ').trim();
  return name.slice(0, 50);
}

export async function reportRequest(
  database: Database,
  deps: ReportDeps,
  ctx: RequestContext,
  client: Open311Client,
  params: RequestParams,
  idempotencyKey: string | undefined,
): Promise<FiledRequest> {
  const serviceCode = text(params, 'service_code', 20);
  if (serviceCode === undefined) {
    throw badRequest(msg('缺少 service_code', 'service_code is required'));
  }
  const all = await listCategories(database.db);
  const category = reportableServices(all).find((c) => c.code === serviceCode);
  if (category === undefined) {
    throw new Open311Error(404, [
      msg(`没有服务 ${serviceCode}`, `No service with service_code ${serviceCode}`),
    ]);
  }

  const attributes = attributesOf(params);
  const checked = validateExtra(category.fields, attributes.values);
  const attributeErrors = [
    ...attributes.errors,
    ...checked.errors.map((e) => {
      const code = e.field.replace(/^extra\./, '');
      return msg(`attribute[${code}]：${e.message}`, `attribute[${code}]: ${e.message}`);
    }),
  ];
  if (attributeErrors.length > 0) {
    throw badRequest(...attributeErrors);
  }

  const lat = coordinate(params, 'lat', 90);
  const lng = coordinate(params, 'long', 180);
  const addressString = text(params, 'address_string', 200);
  const addressId = text(params, 'address_id', 20);
  if ((lat === undefined) !== (lng === undefined)) {
    throw badRequest(msg('lat 与 long 须同时提供', 'lat and long must be given together'));
  }
  let orgId: string | undefined;
  if (lat === undefined && addressId !== undefined) {
    const org = /^(\d{9}|\d{12})$/.test(addressId)
      ? await orgDirectory(database.db, database.dialect).findByCode(addressId)
      : undefined;
    if (org === undefined || (org.level !== 'village' && org.level !== 'town') || org.status !== 'active') {
      throw badRequest(
        msg(
          'address_id 须为本区某村（社区）12 位或镇（街道）9 位区划代码',
          'address_id must be the division code of a village (12 digits) or town (9 digits) of the district',
        ),
      );
    }
    orgId = org.id;
  } else if (lat === undefined) {
    throw badRequest(
      addressString === undefined
        ? msg('须提供位置：lat 和 long，或 address_id', 'A location is required: lat and long, or address_id')
        : msg(
            '仅凭 address_string 无法定位，请同时提供 lat/long 或 address_id（村或镇的区划代码）',
            'address_string alone cannot be placed; also give lat/long or address_id (a village or town division code)',
          ),
    );
  }

  const email = text(params, 'email', 200);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw badRequest(msg('email 格式不正确', 'email is not an email address'));
  }
  const mediaUrl = text(params, 'media_url', 500);
  if (mediaUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) {
    throw badRequest(msg('media_url 须为 http(s) 地址', 'media_url must be an http(s) URL'));
  }
  const account = text(params, 'account_id', 100) ?? text(params, 'device_id', 100);
  const phoneRaw = text(params, 'phone', 30);
  const phone = phoneRaw === undefined ? undefined : normalisePhone(phoneRaw);
  const name = fullName(text(params, 'first_name', 50), text(params, 'last_name', 50));
  const given = text(params, 'description', MAX_DESCRIPTION);
  // The media is not fetched (no server-side requests to addresses a client chooses); handlers follow the link.
  const description = [
    given ?? category.name.zh,
    mediaUrl === undefined ? undefined : `media_url: ${mediaUrl}`,
  ]
    .filter((x): x is string => x !== undefined)
    .join('\n')
    .slice(0, MAX_DESCRIPTION);

  const result = await submitReport(
    database,
    deps,
    ctx,
    null,
    {
      categoryCode: category.code,
      description,
      ...(lat === undefined || lng === undefined ? { orgId } : { lat, lng, crs: 'wgs84' as const }),
      address: addressString,
      source: 'open311',
      reporterName: name,
      reporterPhone: phone,
      isAnonymous: name === undefined,
      extra: checked.values,
      // The reporter's account at this client, never readable back: a hash scoped to the client's key.
      reporterKey:
        account === undefined
          ? undefined
          : `open311:${createHash('sha256').update(`${client.keyId}\u0000${account}`).digest('base64url')}`,
    },
    idempotencyKey === undefined ? null : { key: idempotencyKey, namespace: `open311:${client.keyId}` },
  );
  return {
    serviceRequestId: result.answer.trackingCode,
    duplicates: result.answer.duplicateCount,
    isReplay: result.isReplay,
  };
}
