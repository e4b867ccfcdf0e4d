// Files a talent, or edits a profile: the place (a town or village in scope, a grid of it if given), the party member
// it is (through the members' door), kind, skills as normalised tags, availability, consent (with when it was given)
// and the phone (encrypted, blind-indexed, masked; filed once in the pool). Saving confirms the profile current.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import { findGridInScope } from '../grids/index.js';
import { maskPhone, memberDirectory } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { talentRepository, type ProfileRow } from './repository.js';
import { MAX_TAG_LENGTH, MAX_TAGS, normaliseTags } from './skills.js';
import type { TalentKind } from './vocabulary.js';

export type ProfileInput = {
  orgId: string;
  gridId: string | null;
  memberId: string | null;
  name: string;
  kind: TalentKind;
  skills: string[];
  summary: string;
  availability: string;
  weekdays: boolean;
  weekends: boolean;
  consent: boolean;
  /** Null: no phone. On an edit, undefined keeps the phone on file. */
  phone?: string | null;
};

export const invalid = (field: string, zh: string, en: string): AppError =>
  new AppError('talent.invalid', { detail: msg(zh, en), errors: [{ field, message: en }] });

const PLACE_LEVELS = ['town', 'village'];

export async function saveProfile(
  trx: Kysely<DB>,
  dialect: Dialect,
  cipher: FieldCipher,
  ctx: RequestContext,
  scope: Scope,
  input: ProfileInput,
  existingId: string | null,
): Promise<string> {
  const repo = talentRepository(trx);
  const existing = existingId === null ? null : await repo.findById(scope, existingId);
  if (existing === undefined) {
    throw notFound();
  }
  const name = maskPersonalText(input.name.trim());
  if (name === '') {
    throw invalid('name', '请填写姓名', 'The talent needs a name');
  }
  const tags = normaliseTags(input.skills);
  if (tags.length === 0) {
    throw invalid('skills', '请至少填写一项技能', 'Give at least one skill');
  }
  // Tags are indexed and shown to everyone who searches: a number typed into one is refused, not stored.
  if (tags.some((t) => maskPersonalText(t) !== t)) {
    throw invalid('skills', '技能中不能填写手机号或身份证号', 'A skill cannot hold a phone or ID number');
  }
  if (tags.length > MAX_TAGS || tags.some((t) => t.length > MAX_TAG_LENGTH)) {
    throw invalid(
      'skills',
      `技能最多 ${MAX_TAGS} 项，每项不超过 ${MAX_TAG_LENGTH} 个字`,
      `At most ${MAX_TAGS} skills of at most ${MAX_TAG_LENGTH} characters`,
    );
  }
  const org = await orgDirectory(trx, dialect).findById(scope, input.orgId);
  if (org === undefined) {
    throw invalid('orgId', '所在村（社区）或镇（街道）不在您的范围内', 'The place is not in your scope');
  }
  if (!PLACE_LEVELS.includes(org.level)) {
    throw invalid('orgId', '所在地须为村（社区）或镇（街道）', 'The place must be a village or a town');
  }
  if (input.gridId !== null) {
    const grid = await findGridInScope(trx, scope, input.gridId);
    if (grid === null || !grid.orgPath.startsWith(org.path)) {
      throw invalid('gridId', '网格须属于所在村（社区）', 'The grid must belong to the place');
    }
  }
  if (input.memberId !== null) {
    const member = await memberDirectory(trx, dialect).findById(scope, input.memberId);
    if (member === undefined) {
      throw invalid('memberId', '找不到该党员', 'No such party member in your scope');
    }
    const holder = await repo.idOfMember(member.id);
    if (holder !== undefined && holder !== existingId) {
      throw new AppError('talent.duplicate', {
        detail: msg('该党员已在人才库中', 'This party member is already in the pool'),
        errors: [{ field: 'memberId', message: 'already filed' }],
      });
    }
  }
  let phone: Pick<ProfileRow, 'phone_enc' | 'phone_idx' | 'phone_masked'> | null = null;
  if (input.phone !== undefined) {
    phone = { phone_enc: null, phone_idx: null, phone_masked: null };
    if (input.phone !== null) {
      const digits = input.phone.trim();
      if (!/^1\d{10}$/.test(digits)) {
        throw invalid('phone', '手机号须为 11 位数字', 'The phone must be 11 digits');
      }
      const idx = cipher.blindIndex(digits);
      const holder = await repo.idOfPhone(idx);
      if (holder !== undefined && holder !== existingId) {
        throw new AppError('talent.duplicate', {
          detail: msg(
            '人才库中已有使用该手机号的人才',
            'A talent with this phone number is already in the pool',
          ),
          errors: [{ field: 'phone', message: 'already filed' }],
        });
      }
      phone = { phone_enc: cipher.encrypt(digits), phone_idx: idx, phone_masked: maskPhone(digits) };
    }
  }
  const fields = {
    org_id: org.id,
    org_path: org.path,
    grid_id: input.gridId,
    member_id: input.memberId,
    name,
    kind: input.kind,
    skills: JSON.stringify(tags),
    summary: maskPersonalText(input.summary.trim()),
    availability: maskPersonalText(input.availability.trim()),
    weekdays: input.weekdays ? 1 : 0,
    weekends: input.weekends ? 1 : 0,
    consent: input.consent ? 1 : 0,
    consent_at: input.consent ? (existing?.consent === 1 ? existing.consent_at : ctx.now) : null,
    confirmed_at: ctx.now,
    updated_at: ctx.now,
  };
  if (existing === null) {
    const row: ProfileRow = {
      id: newId(ctx.now),
      ...fields,
      phone_enc: phone?.phone_enc ?? null,
      phone_idx: phone?.phone_idx ?? null,
      phone_masked: phone?.phone_masked ?? null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      created_at: ctx.now,
    };
    await repo.insertProfile(row, tags);
    await recordAudit(trx, ctx, {
      action: 'talent.create',
      entityType: 'talent',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { kind: row.kind, consent: input.consent },
    });
    return row.id;
  }
  await repo.updateProfile(existing.id, { ...fields, ...(phone ?? {}) });
  await repo.replaceTags(existing.id, org.path, tags);
  if (org.path !== existing.org_path) {
    await repo.moveAssignments(existing.id, org.path);
  }
  await recordAudit(trx, ctx, {
    action: 'talent.update',
    entityType: 'talent',
    entityId: existing.id,
    orgPath: org.path,
    detail: {
      kind: input.kind,
      consent: input.consent,
      phoneChanged: phone !== null,
      ...(org.path === existing.org_path ? {} : { movedFrom: existing.org_id }),
    },
  });
  return existing.id;
}
