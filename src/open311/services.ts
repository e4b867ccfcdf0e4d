// The catalogue as Open311 services: every active leaf category is a service; its extra fields are the attributes.
import type { Category, ExtraField, FieldType } from '../cases/index.js';
import { msg, pick, type Locale, type Message } from '../platform/i18n.js';

export type ServiceItem = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
};

export type AttributeValue = { key: string; name: string };

export type ServiceAttribute = {
  variable: boolean;
  code: string;
  datatype: FieldType;
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: AttributeValue[];
};

export type ServiceDefinition = { service_code: string; attributes: ServiceAttribute[] };

const nameOf = (c: Category, locale: Locale): string => (locale === 'en' ? c.name.en : c.name.zh);

/** Leaves a client may report into: active, at depth 3, under active parents. */
export function reportableServices(all: readonly Category[]): Category[] {
  const byCode = new Map(all.map((c) => [c.code, c]));
  return all.filter((c) => {
    if (c.depth !== 3 || !c.active) {
      return false;
    }
    const small = c.parentCode === null ? undefined : byCode.get(c.parentCode);
    const big = small?.parentCode === null || small === undefined ? undefined : byCode.get(small.parentCode);
    return small?.active === true && big?.active === true;
  });
}

export function presentService(c: Category, all: readonly Category[], locale: Locale): ServiceItem {
  const byCode = new Map(all.map((x) => [x.code, x]));
  const small = c.parentCode === null ? undefined : byCode.get(c.parentCode);
  const big = small?.parentCode === null || small === undefined ? undefined : byCode.get(small.parentCode);
  const path = [big, small, c].filter((x): x is Category => x !== undefined).map((x) => nameOf(x, locale));
  return {
    service_code: c.code,
    service_name: nameOf(c, locale),
    description: path.join(' / '),
    metadata: c.fields.length > 0,
    // Every report becomes a case at once, so a request id is known when the POST answers.
    type: 'realtime',
    keywords: c.keywords.join(','),
    group: big === undefined ? '' : nameOf(big, locale),
  };
}

const datatypeDescriptions: Record<FieldType, Message> = {
  string: msg('一行文字，最多 200 字', 'One line of text, at most 200 characters'),
  number: msg('数字，如 12.5', 'A number, e.g. 12.5'),
  datetime: msg(
    'ISO 8601 日期时间，带时区，如 2025-05-01T09:30:00+08:00',
    'An ISO 8601 date-time with offset, e.g. 2025-05-01T09:30:00+08:00',
  ),
  text: msg('多行文字，最多 2000 字', 'Free text, at most 2000 characters'),
  singlevaluelist: msg('从 values 中选一个 key', 'One key from values'),
  multivaluelist: msg(
    '从 values 中选一个或多个 key（attribute[代码][]）',
    'One or more keys from values (attribute[CODE][])',
  ),
};

function presentAttribute(f: ExtraField, index: number, locale: Locale): ServiceAttribute {
  const isList = f.type === 'singlevaluelist' || f.type === 'multivaluelist';
  return {
    variable: true,
    code: f.code,
    datatype: f.type,
    required: f.required,
    datatype_description: pick(datatypeDescriptions[f.type], locale),
    order: index + 1,
    description: locale === 'en' ? f.name.en : f.name.zh,
    ...(isList
      ? {
          values: (f.values ?? []).map((v) => ({
            key: v.key,
            name: locale === 'en' ? v.name.en : v.name.zh,
          })),
        }
      : {}),
  };
}

export function presentDefinition(c: Category, locale: Locale): ServiceDefinition {
  return { service_code: c.code, attributes: c.fields.map((f, i) => presentAttribute(f, i, locale)) };
}
