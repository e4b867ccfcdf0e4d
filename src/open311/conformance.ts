// The conformance yardstick for the tests, written from the GeoReport v2 and Service Discovery specifications:
// JSON Schemas of every response and the XML structure of every document.
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { Value } from 'typebox/value';
import type { XmlShape } from './xmlTree.js';

/** ISO 8601 with an explicit offset (the spec requires the zone). */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DateTime = Type.String({ pattern: DATE_TIME.source });
const Strict = { additionalProperties: false };
const Datatype = Type.Union(
  ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'].map((d) => Type.Literal(d)),
);

export const DiscoverySchema = Type.Object(
  {
    changeset: DateTime,
    contact: Type.String(),
    key_service: Type.String(),
    endpoints: Type.Array(
      Type.Object(
        {
          specification: Type.String({ pattern: '^http' }),
          url: Type.String({ pattern: '^https?://' }),
          changeset: DateTime,
          type: Type.Union([Type.Literal('production'), Type.Literal('test')]),
          formats: Type.Array(Type.Union([Type.Literal('text/xml'), Type.Literal('application/json')]), {
            minItems: 1,
          }),
        },
        Strict,
      ),
      { minItems: 1 },
    ),
  },
  Strict,
);

export const ServiceListSchema = Type.Array(
  Type.Object(
    {
      service_code: Type.String({ minLength: 1 }),
      service_name: Type.String({ minLength: 1 }),
      description: Type.String(),
      metadata: Type.Boolean(),
      type: Type.Union([Type.Literal('realtime'), Type.Literal('batch'), Type.Literal('blackbox')]),
      keywords: Type.String(),
      group: Type.String(),
    },
    Strict,
  ),
);

export const ServiceDefinitionSchema = Type.Object(
  {
    service_code: Type.String({ minLength: 1 }),
    attributes: Type.Array(
      Type.Object(
        {
          variable: Type.Boolean(),
          code: Type.String({ minLength: 1 }),
          datatype: Datatype,
          required: Type.Boolean(),
          datatype_description: Type.String(),
          order: Type.Integer({ minimum: 1 }),
          description: Type.String(),
          values: Type.Optional(
            Type.Array(Type.Object({ key: Type.String({ minLength: 1 }), name: Type.String() }, Strict), {
              minItems: 1,
            }),
          ),
        },
        Strict,
      ),
    ),
  },
  Strict,
);

export const PostResponseSchema = Type.Array(
  Type.Object(
    {
      service_request_id: Type.Optional(Type.String({ minLength: 1 })),
      token: Type.Optional(Type.String({ minLength: 1 })),
      service_notice: Type.Optional(Type.String()),
      account_id: Type.Optional(Type.String()),
    },
    Strict,
  ),
  { minItems: 1, maxItems: 1 },
);

const requestFields = {
  service_request_id: Type.String({ minLength: 1 }),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  status_notes: Type.Optional(Type.String()),
  service_name: Type.Optional(Type.String()),
  service_code: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  agency_responsible: Type.Optional(Type.String()),
  service_notice: Type.Optional(Type.String()),
  requested_datetime: DateTime,
  updated_datetime: Type.Optional(DateTime),
  expected_datetime: Type.Optional(DateTime),
  address: Type.Optional(Type.String()),
  address_id: Type.Optional(Type.String()),
  zipcode: Type.Optional(Type.String()),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  long: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  media_url: Type.Optional(Type.String({ pattern: '^https?://' })),
};

export const RequestListSchema = Type.Array(Type.Object(requestFields, Strict));

const Place = Type.Object({ code: Type.Optional(Type.String()), name: Type.String() }, Strict);
export const ExtendedRequestListSchema = Type.Array(
  Type.Object(
    {
      ...requestFields,
      extended_attributes: Type.Object(
        {
          state: Type.String(),
          traffic_light: Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]),
          grid: Type.Optional(Place),
          village: Type.Optional(Place),
          town: Type.Optional(Place),
          steps: Type.Array(
            Type.Object(
              {
                datetime: DateTime,
                action: Type.String(),
                state: Type.String(),
                reply: Type.Optional(Type.String()),
              },
              Strict,
            ),
          ),
        },
        Strict,
      ),
    },
    Strict,
  ),
);

export const TokenResponseSchema = Type.Array(
  Type.Object(
    { service_request_id: Type.String({ minLength: 1 }), token: Type.String({ minLength: 1 }) },
    Strict,
  ),
);

export const ErrorListSchema = Type.Array(
  Type.Object(
    { code: Type.String({ pattern: '^[0-9]{3}$' }), description: Type.String({ minLength: 1 }) },
    Strict,
  ),
  { minItems: 1 },
);

/** Every way the value fails the schema; empty when it conforms. */
export function schemaProblems(schema: TSchema, value: unknown): string[] {
  return Value.Check(schema, value)
    ? []
    : [...Value.Errors(schema, value)].map((e) => `${e.instancePath} ${e.message}`);
}

const leaf = (pattern?: RegExp): XmlShape => ({
  kind: 'leaf',
  ...(pattern === undefined ? {} : { pattern }),
});
const req = (shape: XmlShape) => ({ shape, isRequired: true });
const opt = (shape: XmlShape) => ({ shape });
const many = (shape: XmlShape) => ({ shape, isRepeated: true });
const BOOL = /^(true|false)$/;
const DT = DATE_TIME;
const NUM = /^-?\d+(\.\d+)?$/;

export const DiscoveryXml: XmlShape = {
  kind: 'element',
  children: {
    changeset: req(leaf(DT)),
    contact: req(leaf()),
    key_service: req(leaf()),
    endpoints: req({
      kind: 'element',
      children: {
        endpoint: {
          isRequired: true,
          isRepeated: true,
          shape: {
            kind: 'element',
            children: {
              specification: req(leaf()),
              url: req(leaf(/^https?:\/\//)),
              changeset: req(leaf(DT)),
              type: req(leaf(/^(production|test)$/)),
              formats: req({
                kind: 'element',
                children: { format: many(leaf(/^(text\/xml|application\/json)$/)) },
              }),
            },
          },
        },
      },
    }),
  },
};

export const ServicesXml: XmlShape = {
  kind: 'element',
  children: {
    service: many({
      kind: 'element',
      children: {
        service_code: req(leaf()),
        service_name: req(leaf()),
        description: opt(leaf()),
        metadata: req(leaf(BOOL)),
        type: req(leaf(/^(realtime|batch|blackbox)$/)),
        keywords: opt(leaf()),
        group: opt(leaf()),
      },
    }),
  },
};

export const ServiceDefinitionXml: XmlShape = {
  kind: 'element',
  children: {
    service_code: req(leaf()),
    attributes: req({
      kind: 'element',
      children: {
        attribute: many({
          kind: 'element',
          children: {
            variable: req(leaf(BOOL)),
            code: req(leaf()),
            datatype: req(leaf(/^(string|number|datetime|text|singlevaluelist|multivaluelist)$/)),
            required: req(leaf(BOOL)),
            datatype_description: opt(leaf()),
            order: req(leaf(/^\d+$/)),
            description: req(leaf()),
            values: opt({
              kind: 'element',
              children: {
                value: many({ kind: 'element', children: { key: req(leaf()), name: req(leaf()) } }),
              },
            }),
          },
        }),
      },
    }),
  },
};

export const PostResponseXml: XmlShape = {
  kind: 'element',
  children: {
    request: req({
      kind: 'element',
      children: {
        service_request_id: opt(leaf()),
        token: opt(leaf()),
        service_notice: opt(leaf()),
        account_id: opt(leaf()),
      },
    }),
  },
};

const placeXml: XmlShape = { kind: 'element', children: { code: opt(leaf()), name: req(leaf()) } };

const requestXmlChildren = {
  service_request_id: req(leaf()),
  status: req(leaf(/^(open|closed)$/)),
  status_notes: opt(leaf()),
  service_name: opt(leaf()),
  service_code: opt(leaf()),
  description: opt(leaf()),
  agency_responsible: opt(leaf()),
  service_notice: opt(leaf()),
  requested_datetime: req(leaf(DT)),
  updated_datetime: opt(leaf(DT)),
  expected_datetime: opt(leaf(DT)),
  address: opt(leaf()),
  address_id: opt(leaf()),
  zipcode: opt(leaf()),
  lat: opt(leaf(NUM)),
  long: opt(leaf(NUM)),
  media_url: opt(leaf(/^https?:\/\//)),
};

export const RequestsXml: XmlShape = {
  kind: 'element',
  children: { request: many({ kind: 'element', children: requestXmlChildren }) },
};

export const ExtendedRequestsXml: XmlShape = {
  kind: 'element',
  children: {
    request: many({
      kind: 'element',
      children: {
        ...requestXmlChildren,
        extended_attributes: req({
          kind: 'element',
          children: {
            state: req(leaf()),
            traffic_light: req(leaf(/^(green|yellow|red)$/)),
            grid: opt(placeXml),
            village: opt(placeXml),
            town: opt(placeXml),
            steps: req({
              kind: 'element',
              children: {
                step: many({
                  kind: 'element',
                  children: {
                    datetime: req(leaf(DT)),
                    action: req(leaf()),
                    state: req(leaf()),
                    reply: opt(leaf()),
                  },
                }),
              },
            }),
          },
        }),
      },
    }),
  },
};

export const TokenXml: XmlShape = {
  kind: 'element',
  children: {
    request: many({ kind: 'element', children: { service_request_id: req(leaf()), token: req(leaf()) } }),
  },
};

export const ErrorsXml: XmlShape = {
  kind: 'element',
  children: {
    error: {
      isRequired: true,
      isRepeated: true,
      shape: { kind: 'element', children: { code: req(leaf(/^\d{3}$/)), description: req(leaf()) } },
    },
  },
};
