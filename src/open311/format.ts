// Output formats of the Open311 endpoints (.json and .xml) and the spec's date-time form with the district's offset.
import { isoLocal, parseLocalDateTime } from '../platform/time.js';
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

/** ISO 8601 in district time with its offset, e.g. 2025-05-01T09:30:00+08:00. */
export const isoDateTime = isoLocal;

/** An ISO 8601 date-time a client sent; a bare date or a time without offset is read in district time. */
export const parseDateTime = parseLocalDateTime;

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
