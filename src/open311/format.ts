// Output formats of the Open311 endpoints (.json and .xml) and the spec's date-time form with the district's offset.
import type { FastifyReply } from 'fastify';
import { toXmlDocument, type XmlValue } from './xml.js';

export const formats = ['json', 'xml'] as const;
export type Format = (typeof formats)[number];

export const isFormat = (s: string): s is Format => (formats as readonly string[]).includes(s);

/** The format a path asks for by its extension; XML (the spec's required format) when it names none we know. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.json') ? 'json' : 'xml';
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** ISO 8601 in Asia/Shanghai with its offset, e.g. 2025-05-01T09:30:00+08:00 (China keeps no daylight saving). */
export function isoDateTime(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** An ISO 8601 date-time a client sent; a bare date or a time without offset is read in Asia/Shanghai. */
export function parseDateTime(text: string): number | null {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) {
    return null;
  }
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(s) && s.length > 10;
  const normalised = s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(
    hasOffset ? normalised : `${normalised.length === 10 ? `${normalised}T00:00:00` : normalised}+08:00`,
  );
  return Number.isNaN(ms) ? null : ms;
}

export function sendFormatted(
  reply: FastifyReply,
  format: Format,
  status: number,
  xmlRoot: string,
  value: XmlValue,
): FastifyReply {
  switch (format) {
    case 'json':
      return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
    case 'xml':
      return reply.code(status).type('text/xml; charset=utf-8').send(toXmlDocument(xmlRoot, value));
  }
}
