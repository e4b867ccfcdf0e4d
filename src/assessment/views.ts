// The read views: a year's tree with its computed share, a sheet with every line side by side (self-score, computed
// figure and its records, evidence, adjustment and reason) and its score, a year's sheets ranked, and the public notice.
import type { Scope, UserActor } from '../access/index.js';
import { roleMay } from '../access/index.js';
import type { Database } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { defaultTree } from './defaultTree.js';
import { DISTRICT_SCOPE, isComputedLine, sheetOrThrow, statesOf, treeOf } from './deps.js';
import {
  presentAward,
  presentChange,
  presentEvidence,
  presentNotice,
  presentObjection,
  presentPublicObjection,
  presentSheet,
  recordsOf,
} from './presenter.js';
import { assessmentRepository, type SheetRow, type TreeRow } from './repository.js';
import { computedShare, scoreSheet } from './scoring.js';
import { findSource, registeredSources } from './sources.js';
import { linesOf, type TreeDefinition } from './tree.js';
import { EDITABLE_BY_VILLAGE } from './refreshFigures.js';

export function treeView(row: TreeRow | undefined, year: number) {
  const tree: TreeDefinition =
    row === undefined ? defaultTree(year) : (JSON.parse(row.body) as TreeDefinition);
  return {
    id: row?.id ?? null,
    year,
    version: row?.version ?? 0,
    isSaved: row !== undefined,
    frozenAt: row?.frozen_at ?? null,
    tree,
    lines: linesOf(tree).map((r) => ({
      code: r.line.code,
      kind: r.kind,
      star: r.star?.code ?? null,
      source: r.line.source ?? null,
      isComputed: isComputedLine(r.line),
    })),
    computedShare: computedShare(tree, isComputedLine),
  };
}

export const sourcesView = () =>
  registeredSources().map((s) => ({ code: s.code, module: s.module, name: s.name, unit: s.unit }));

/** What the caller may do with the sheet now; the console shows exactly these and derives nothing. */
function abilitiesFor(actor: UserActor, sheet: SheetRow) {
  const role = actor.active.role;
  return {
    canSelfAssess: roleMay(role, 'assessment.self') && EDITABLE_BY_VILLAGE.includes(sheet.status),
    canReview: roleMay(role, 'assessment.review') && sheet.status === 'submitted',
    canReturn: roleMay(role, 'assessment.review') && ['submitted', 'reviewed'].includes(sheet.status),
    canApprove: roleMay(role, 'assessment.approve') && sheet.status === 'reviewed',
  };
}

export async function sheetView(database: Database, actor: UserActor, scope: Scope, id: string) {
  const repo = assessmentRepository(database.db);
  const sheet = await sheetOrThrow(repo, scope, id);
  const tree = await treeOf(repo, sheet.tree_id);
  const lineRows = await repo.linesOf(sheet.id);
  const byCode = new Map(lineRows.map((l) => [l.code, l]));
  const score = scoreSheet(tree, statesOf(lineRows), isComputedLine);
  const scored = new Map(score.lines.map((l) => [l.code, l]));
  const evidenceIds = [...new Set(lineRows.flatMap((l) => JSON.parse(l.evidence_ids) as string[]))];
  const evidence = new Map((await repo.evidenceByIds(evidenceIds)).map((e) => [e.id, presentEvidence(e)]));
  const [changes, objections, awards] = await Promise.all([
    repo.changesOf(sheet.id),
    repo.objectionsOf(scope, { sheetId: sheet.id, limit: 200 }),
    repo.awardsOfSheets([sheet.id]),
  ]);
  return {
    item: presentSheet(sheet),
    tree: {
      name: tree.name,
      threshold: tree.threshold,
      stars: tree.stars.map((s) => ({ code: s.code, name: s.name })),
    },
    lines: linesOf(tree).map((r) => {
      const l = byCode.get(r.line.code);
      const s = scored.get(r.line.code);
      return {
        code: r.line.code,
        kind: r.kind,
        star: r.star?.code ?? null,
        name: r.line.name,
        maxPoints: s?.maxPoints ?? r.line.points,
        rule: r.line.rule,
        evidenceRule: r.line.evidence ?? null,
        source: r.line.source ?? null,
        sourceName: r.line.source === undefined ? null : (findSource(r.line.source)?.name ?? null),
        isComputed: s?.isComputed ?? false,
        figure: l?.figure ?? null,
        figurePoints: s?.figurePoints ?? null,
        records: recordsOf(l?.records ?? null),
        selfPoints: l?.self_points ?? null,
        selfNote: l?.self_note ?? null,
        adjustedPoints: l?.adjusted_points ?? null,
        adjustedReason: l?.adjusted_reason ?? null,
        adjustedAt: l?.adjusted_at ?? null,
        points: s?.points ?? 0,
        evidence: (JSON.parse(l?.evidence_ids ?? '[]') as string[]).flatMap((eid) => {
          const e = evidence.get(eid);
          return e === undefined ? [] : [e];
        }),
      };
    }),
    score: {
      basics: score.basics,
      basicsPassed: score.basicsPassed,
      stars: score.stars,
      earned: score.earned,
      total: score.total,
    },
    changes: changes.map(presentChange),
    objections: objections.map(presentObjection),
    award: awards[0] === undefined ? null : presentAward(awards[0]),
    abilities: abilitiesFor(actor, sheet),
  };
}

/** A year's sheets in scope, each with its star scores, ranked by total (the town review list and the rankings). */
export async function sheetsView(database: Database, scope: Scope, year: number, status: string | null) {
  const repo = assessmentRepository(database.db);
  const cycle = await repo.findCycle(year);
  if (cycle === undefined) {
    throw notFound();
  }
  const tree = await treeOf(repo, cycle.tree_id);
  const sheets = await repo.listSheets(scope, year, status);
  const lines = await repo.linesOfSheets(sheets.map((s) => s.id));
  const linesBySheet = new Map<string, typeof lines>();
  for (const l of lines) {
    linesBySheet.set(l.sheet_id, [...(linesBySheet.get(l.sheet_id) ?? []), l]);
  }
  const awards = new Map((await repo.awardsOf(scope, year)).map((a) => [a.sheet_id, presentAward(a)]));
  const previous = await repo.previousLevels(
    sheets.map((s) => s.org_id),
    year,
  );
  const rows = sheets.map((s) => {
    const score = scoreSheet(tree, statesOf(linesBySheet.get(s.id) ?? []), isComputedLine);
    return {
      ...presentSheet(s),
      stars: score.stars.map((x) => ({ code: x.code, score: x.score, isEarned: x.isEarned })),
      basicsPassed: score.basicsPassed,
      earned: score.earned.length,
      total: score.total,
      previousLevel: previous.get(s.org_id) ?? 0,
      award: awards.get(s.id) ?? null,
    };
  });
  rows.sort((a, b) => b.total - a.total || a.orgName.localeCompare(b.orgName));
  return {
    year,
    status: cycle.status,
    stars: tree.stars.map((s) => ({ code: s.code, name: s.name })),
    counts: await repo.statusCounts(scope, year),
    items: rows.map((r, i) => ({ rank: i + 1, ...r })),
  };
}

export async function cyclesView(database: Database, scope: Scope) {
  const repo = assessmentRepository(database.db);
  const cycles = await repo.cycles();
  return {
    items: await Promise.all(
      cycles.map(async (c) => ({
        year: c.year,
        status: c.status,
        treeId: c.tree_id,
        openedAt: c.opened_at,
        counts: await repo.statusCounts(scope, c.year),
        notices: (await repo.notices(c.year)).map(presentNotice),
      })),
    ),
  };
}

export async function publicNoticesView(database: Database) {
  const repo = assessmentRepository(database.db);
  return { items: (await repo.notices(null)).map(presentNotice) };
}

/** The public notice: every village in it with its star scores and level; only sheets placed in the notice. */
export async function publicNoticeView(database: Database, id: string) {
  const repo = assessmentRepository(database.db);
  const notice = await repo.findNotice(id);
  if (notice === undefined) {
    throw notFound();
  }
  const cycle = await repo.findCycle(notice.year);
  if (cycle === undefined) {
    throw notFound();
  }
  const tree = await treeOf(repo, cycle.tree_id);
  const sheets = await repo.sheetsOfNotice(notice.id);
  const lines = await repo.linesOfSheets(sheets.map((s) => s.id));
  const awards = new Map((await repo.awardsOfSheets(sheets.map((s) => s.id))).map((a) => [a.sheet_id, a]));
  const objections = await repo.objectionsOfNotice(notice.id);
  const previous = await repo.previousLevels(
    sheets.map((s) => s.org_id),
    notice.year,
  );
  return {
    item: presentNotice(notice),
    stars: tree.stars.map((s) => ({ code: s.code, name: s.name })),
    lines: linesOf(tree).map((r) => ({ code: r.line.code, star: r.star?.code ?? null, name: r.line.name })),
    threshold: tree.threshold,
    villages: sheets.map((s) => {
      const score = scoreSheet(tree, statesOf(lines.filter((l) => l.sheet_id === s.id)), isComputedLine);
      const award = awards.get(s.id);
      return {
        sheetId: s.id,
        orgName: s.org_name,
        townName: s.town_name,
        basicsPassed: score.basicsPassed,
        stars: score.stars.map((x) => ({ code: x.code, score: x.score, isEarned: x.isEarned })),
        total: score.total,
        previousLevel: previous.get(s.org_id) ?? 0,
        level: award?.level ?? null,
        movement: award?.movement ?? null,
        objections: objections.filter((o) => o.sheet_id === s.id).map(presentPublicObjection),
      };
    }),
  };
}

export async function publicObjectionView(database: Database, code: string) {
  const repo = assessmentRepository(database.db);
  const o = await repo.findObjectionByCode(code);
  if (o === undefined) {
    throw notFound();
  }
  const sheet = await repo.findSheet(DISTRICT_SCOPE, o.sheet_id);
  return { item: { ...presentPublicObjection(o), orgName: sheet?.org_name ?? '' } };
}
