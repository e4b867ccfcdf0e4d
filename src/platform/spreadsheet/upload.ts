// The HTTP side of a spreadsheet import: the uploaded file of a multipart request, the dry-run query and the report.
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;

export const ImportReportSchema = Type.Object({
  kind: Type.String(),
  dryRun: Type.Boolean(),
  committed: Type.Boolean(),
  total: Type.Integer(),
  valid: Type.Integer(),
  issueCount: Type.Integer(),
  issues: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), reason: Type.String() })),
  columns: Type.Array(Type.String()),
  preview: Type.Array(
    Type.Object({ row: Type.Integer(), values: Type.Record(Type.String(), Type.String()) }),
  ),
});

export const ImportQuery = Type.Object({
  dryRun: Type.Optional(Type.Boolean({ default: true, description: 'check only (default); false commits' })),
});

/** The one file of a multipart upload; needs @fastify/multipart registered in the caller's plugin. */
export async function uploadedFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError('request.unsupported_media_type');
  }
  const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (file === undefined) {
    throw new AppError('request.invalid', { errors: [{ field: 'file', message: 'no file' }] });
  }
  const bytes = await file.toBuffer();
  if (file.file.truncated) {
    throw new AppError('request.too_large');
  }
  return bytes;
}
