// Rows → what a client may see. Objection bodies reach staff only; the public sees answers, never who objected.
import { fromDbJson } from '../platform/db/database.js';
import type { AwardRow, ChangeRow, EvidenceRow, NoticeRow, ObjectionRow, SheetRow } from './repository.js';
import type { SourceRecords } from './sources.js';

export const presentSheet = (s: SheetRow) => ({
  id: s.id,
  year: s.year,
  orgId: s.org_id,
  orgName: s.org_name,
  townName: s.town_name,
  status: s.status,
  noticeId: s.notice_id,
  computedAt: s.computed_at,
  submittedAt: s.submitted_at,
  reviewedAt: s.reviewed_at,
  approvedAt: s.approved_at,
  updatedAt: s.updated_at,
});

export const presentEvidence = (e: EvidenceRow) => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  url: e.url,
  note: e.note,
  createdAt: e.created_at,
});

export const presentChange = (c: ChangeRow) => ({
  id: c.id,
  code: c.code,
  kind: c.kind,
  from: c.from_value,
  to: c.to_value,
  reason: c.reason,
  actorName: c.actor_name,
  at: c.at,
});

export const presentNotice = (n: NoticeRow) => ({
  id: n.id,
  year: n.year,
  title: n.title,
  startsAt: n.starts_at,
  endsAt: n.ends_at,
  status: n.status,
  closedAt: n.closed_at,
});

export const presentObjection = (o: ObjectionRow) => ({
  id: o.id,
  noticeId: o.notice_id,
  sheetId: o.sheet_id,
  lineCode: o.line_code,
  body: o.body,
  status: o.status,
  answer: o.answer,
  changedPoints: o.changed_points,
  answeredAt: o.answered_at,
  createdAt: o.created_at,
});

/** What the objector and the public see: the line, the status and the answer; not the text or who wrote it. */
export const presentPublicObjection = (o: ObjectionRow) => ({
  lineCode: o.line_code,
  status: o.status,
  answer: o.answer,
  changedPoints: o.changed_points,
  createdAt: o.created_at,
  answeredAt: o.answered_at,
});

/** Award reasons are codes ('earned', 'riseLimit', 'quota', 'basicsFailed') or 'manual:<text>'. */
export const presentAward = (a: AwardRow) => {
  const isManual = a.reason.startsWith('manual:');
  return {
    id: a.id,
    year: a.year,
    sheetId: a.sheet_id,
    orgId: a.org_id,
    orgName: a.org_name,
    level: a.level,
    previousLevel: a.previous_level,
    stars: fromDbJson<string[]>(a.stars) ?? [],
    movement: a.movement,
    reason: isManual ? 'manual' : a.reason,
    reasonText: isManual ? a.reason.slice('manual:'.length) : null,
    decidedAt: a.decided_at,
  };
};

export const recordsOf = (raw: string | null): SourceRecords | null => fromDbJson<SourceRecords>(raw);
