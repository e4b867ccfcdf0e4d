// Service-hours certificates (志愿服务时长证明): the community proposes a certificate of a member's confirmed hours
// for a year; it stands on a public notice for 7 days, where anyone may object; once the notice has ended with no
// objection open it is issued, with a code anyone can verify on the public page.
import { randomBytes } from 'node:crypto';
import type { Scope, UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import { memberDirectory } from '../members/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { DAY_MS } from '../platform/time.js';
import { volunteerRepository, type CertificateRow } from './repository.js';

export const CERTIFICATE_NOTICE_MS = 7 * DAY_MS;

/** 10 characters without look-alikes (no 0/O, 1/I/L), grouped for reading aloud: e.g. 7KQ4-MX2P-RT. */
export function newCertificateCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]!);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** notice → (objected ⇄ notice) → issued, or withdrawn. A notice past its end with no objection may be issued. */
export type CertificateStatus = 'notice' | 'objected' | 'issued' | 'withdrawn';

export async function proposeCertificate(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  scope: Scope,
  input: { memberId: string; year: number },
): Promise<CertificateRow> {
  return database.db.transaction().execute(async (trx) => {
    const member = await memberDirectory(trx, database.dialect).findById(scope, input.memberId);
    if (member === undefined) {
      throw notFound();
    }
    const repo = volunteerRepository(trx, database.dialect);
    const existing = await repo.certificatesOf(member.id, input.year);
    if (existing.some((c) => c.status !== 'withdrawn')) {
      throw new AppError('volunteer.certificate_exists');
    }
    const minutes = (await repo.balancesOf([member.id], input.year))
      .filter((b) => b.kind === 'hours')
      .reduce((n, b) => n + b.total, 0);
    if (minutes <= 0) {
      throw new AppError('volunteer.below_bar');
    }
    const row: CertificateRow = {
      id: newId(ctx.now),
      code: newCertificateCode(),
      member_id: member.id,
      member_name: member.name,
      org_path: member.community_path ?? member.org_path,
      year: input.year,
      minutes,
      status: 'notice',
      notice_from: ctx.now,
      notice_until: ctx.now + CERTIFICATE_NOTICE_MS,
      objection: null,
      issued_at: null,
      created_by: actor.userId,
      created_at: ctx.now,
    };
    await repo.insertCertificate(row);
    await recordAudit(trx, ctx, {
      action: 'volunteer.certificatePropose',
      entityType: 'volunteerCertificate',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { year: row.year, minutes },
    });
    return row;
  });
}

/** Anyone may object while the notice runs; the objection holds the certificate until the community decides. */
export async function objectToCertificate(
  database: Database,
  ctx: RequestContext,
  code: string,
  text: string,
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, database.dialect);
    const c = await repo.certificateByCode(code.trim().toUpperCase());
    if (c === undefined || c.status !== 'notice' || ctx.now >= c.notice_until) {
      throw notFound();
    }
    await repo.updateCertificate(c.id, { status: 'objected', objection: maskPersonalText(text.trim()) });
    await recordAudit(trx, ctx, {
      action: 'volunteer.certificateObjection',
      entityType: 'volunteerCertificate',
      entityId: c.id,
      orgPath: c.org_path,
    });
  });
}

export const certificateDecisions = ['issue', 'dismissObjection', 'withdraw'] as const;
export type CertificateDecision = (typeof certificateDecisions)[number];

/** The community issues after the notice, dismisses an objection (the notice goes on), or withdraws. */
export async function decideCertificate(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  id: string,
  decision: CertificateDecision,
  note: string,
): Promise<CertificateRow> {
  return database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, database.dialect);
    const c = await repo.findCertificate(scope, id);
    if (c === undefined) {
      throw notFound();
    }
    let patch: Partial<CertificateRow>;
    if (decision === 'issue') {
      if (c.status === 'objected') {
        throw new AppError('volunteer.objection_open');
      }
      if (c.status !== 'notice') {
        throw new AppError('volunteer.certificate_decided');
      }
      if (ctx.now < c.notice_until) {
        throw new AppError('volunteer.notice_running');
      }
      patch = { status: 'issued', issued_at: ctx.now };
    } else if (decision === 'dismissObjection') {
      if (c.status !== 'objected') {
        throw new AppError('volunteer.certificate_decided');
      }
      // The notice runs its full length again from the decision, so the answer is public for as long.
      patch = { status: 'notice', notice_until: Math.max(c.notice_until, ctx.now + CERTIFICATE_NOTICE_MS) };
    } else {
      if (c.status === 'withdrawn') {
        throw new AppError('volunteer.certificate_decided');
      }
      patch = { status: 'withdrawn' };
    }
    if (note.trim() === '' && decision !== 'issue') {
      throw new AppError('request.invalid', { errors: [{ field: 'note', message: 'a reason is required' }] });
    }
    await repo.updateCertificate(c.id, patch);
    await recordAudit(trx, ctx, {
      action: `volunteer.certificate.${decision}`,
      entityType: 'volunteerCertificate',
      entityId: c.id,
      orgPath: c.org_path,
      detail: { note: maskPersonalText(note.trim()) },
    });
    return { ...c, ...patch };
  });
}
