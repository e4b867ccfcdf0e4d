// What a client sees of the alliance's joint meetings and brand projects. Texts were masked when written; the public
// showcase shows a project's partners, milestones and stages, never reviews' scores or who wrote what.
import type { UserActor } from '../access/index.js';
import { fromDbJson } from '../platform/db/database.js';
import { holds, isConvener } from './access.js';
import { partnersOf } from './brands.js';
import type { Names } from './presenter.js';
import type { BrandEventRow, BrandRow, MeetingRow } from './projectRepository.js';
import type { AllianceRow } from './repository.js';
import type { BrandEventKind, BrandStage, MeetingStatus } from './vocabulary.js';

const nameOf = (names: Names, id: string) => names.get(id)?.name ?? '';

export const meetingOrgIds = (m: MeetingRow): string[] => fromDbJson<string[]>(m.attendees) ?? [];
export const brandOrgIds = (b: BrandRow): string[] => [b.lead_org_id, ...partnersOf(b).map((p) => p.orgId)];

export function presentMeeting(m: MeetingRow, names: Names, actor: UserActor, alliance: AllianceRow) {
  const convener = isConvener(actor, alliance);
  return {
    id: m.id,
    title: m.title,
    place: m.place,
    agenda: m.agenda,
    scheduledAt: m.scheduled_at,
    status: m.status as MeetingStatus,
    minutes: m.minutes,
    heldAt: m.held_at,
    attendees: meetingOrgIds(m).map((id) => ({ orgId: id, orgName: nameOf(names, id) })),
    abilities: { hold: convener && m.status === 'planned', cancel: convener && m.status === 'planned' },
  };
}

export function presentBrandEvent(e: BrandEventRow) {
  return {
    id: e.id,
    kind: e.kind as BrandEventKind,
    title: e.title,
    note: e.note,
    score: e.score,
    stage: e.stage as BrandStage | null,
    dueAt: e.due_at,
    doneAt: e.done_at,
    at: e.at,
  };
}

export function presentBrand(b: BrandRow, names: Names, actor: UserActor, alliance: AllianceRow) {
  const convener = isConvener(actor, alliance);
  const keeper = convener || holds(actor, b.lead_path);
  const open = b.stage !== 'declined';
  return {
    id: b.id,
    title: b.title,
    summary: b.summary,
    stage: b.stage as BrandStage,
    stageAt: b.stage_at,
    leadOrgId: b.lead_org_id,
    leadName: nameOf(names, b.lead_org_id),
    partners: partnersOf(b).map((p) => ({
      orgId: p.orgId,
      orgName: nameOf(names, p.orgId),
      contribution: p.contribution,
    })),
    createdAt: b.created_at,
    abilities: {
      edit: keeper && open,
      review: convener && open && b.stage !== 'declared',
      move: convener && open && b.stage !== 'strengthening',
    },
  };
}

export function presentPublicBrand(b: BrandRow, names: Names, events: readonly BrandEventRow[]) {
  return {
    id: b.id,
    title: b.title,
    summary: b.summary,
    stage: b.stage as BrandStage,
    leadName: nameOf(names, b.lead_org_id),
    partners: partnersOf(b).map((p) => ({ orgName: nameOf(names, p.orgId), contribution: p.contribution })),
    milestones: events
      .filter((e) => e.kind === 'milestone')
      .map((e) => ({ title: e.title, dueAt: e.due_at, doneAt: e.done_at })),
  };
}
