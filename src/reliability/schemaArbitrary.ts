// fast-check arbitraries from the JSON schemas of the OpenAPI document: values of the declared shape (so requests
// reach the handlers) and malformed ones (wrong types, missing or extra fields, oversized or hostile strings).
import fc from 'fast-check';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

/** Hostile strings: traversal, injection, control and wide characters, very long text. */
export const hostileStrings = [
  '',
  ' ',
  '../../etc/passwd',
  "' or 1=1 --",
  '"; drop table case_file; --',
  '<script>alert(1)</script>',
  '%00',
  '\u0000',
  '\uD800',
  '𠀀𠀀𠀀',
  'null',
  '-1',
  '1e309',
  'x'.repeat(5000),
  '/~',
  '~',
];

export type Resolver = (ref: string) => JsonSchema | undefined;

/** Ids the fuzz run knows exist, so requests find records as well as miss them. */
export type IdPool = readonly string[];

const DEPTH = 4;

export function validArbitrary(
  schema: JsonSchema,
  resolve: Resolver,
  ids: IdPool,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref !== undefined) {
    const target = resolve(schema.$ref);
    return target === undefined ? fc.constant(null) : validArbitrary(target, resolve, ids, depth);
  }
  if (schema.const !== undefined) {
    return fc.constant(schema.const);
  }
  if (schema.enum !== undefined) {
    return fc.constantFrom(...schema.enum);
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union !== undefined && union.length > 0) {
    return fc.oneof(...union.map((s) => validArbitrary(s, resolve, ids, depth)));
  }
  if (schema.allOf !== undefined) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf) {
      const p = part.$ref === undefined ? part : (resolve(part.$ref) ?? {});
      Object.assign(merged.properties!, p.properties ?? {});
      merged.required!.push(...(p.required ?? []));
    }
    return validArbitrary(merged, resolve, ids, depth);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema, ids);
    case 'integer': {
      const min =
        schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1000 : schema.exclusiveMinimum + 1);
      const max =
        schema.maximum ?? (schema.exclusiveMaximum === undefined ? 100000 : schema.exclusiveMaximum - 1);
      return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
    }
    case 'number': {
      const min = schema.minimum ?? -1e6;
      const max = schema.maximum ?? 1e6;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth >= DEPTH) {
        return fc.constant([]);
      }
      const item = validArbitrary(schema.items ?? {}, resolve, ids, depth + 1);
      return fc.array(item, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    }
    case 'object':
    case undefined: {
      if (schema.properties === undefined) {
        return type === 'object'
          ? fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), {
              maxKeys: 3,
            })
          : fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
      }
      if (depth >= DEPTH) {
        return fc.constant({});
      }
      const required = new Set(schema.required ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, prop] of Object.entries(schema.properties)) {
        shape[name] = validArbitrary(prop, resolve, ids, depth + 1);
      }
      return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) });
    }
    default:
      return fc.constant(null);
  }
}

function stringArbitrary(schema: JsonSchema, ids: IdPool): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, 60);
  const fit = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Infinity);
  if (schema.pattern !== undefined) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter(fit);
    } catch {
      // A pattern JavaScript cannot compile: fall through to plain text.
    }
  }
  switch (schema.format) {
    case 'date':
      return fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress().filter(fit);
    case undefined:
    default:
      break;
  }
  const fromPool = ids.filter(fit);
  const text = fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'grapheme' });
  return fromPool.length > 0 ? fc.oneof(fc.constantFrom(...fromPool), text) : text;
}

/** A value that breaks the schema: the wrong type, an extra or missing field, an oversized or hostile string. */
export function malformedArbitrary(
  schema: JsonSchema,
  resolve: Resolver,
  ids: IdPool,
): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(
    fc.constantFrom(...hostileStrings),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
    fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
    fc.array(fc.constant({ a: [[[[[[]]]]]] }), { maxLength: 3 }),
  );
  const valid = validArbitrary(schema, resolve, ids);
  const withField = fc.tuple(valid, fc.string({ maxLength: 12 }), wrong).map(([v, k, w]) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      if (keys.length > 0) {
        out[keys[k.length % keys.length]!] = w;
      } else {
        out[k] = w;
      }
      return out;
    }
    return w;
  });
  return fc.oneof(wrong, withField);
}
