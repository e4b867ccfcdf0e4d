// Computes the year's score sheets of the people in charge and ranks them within their peer groups: every village's
// secretary (ranked in the district and in the town), each town's leader in charge of each platform (ranked among
// the towns' leaders of that platform, measured on the platform office's cases) and each district department's
// head. Figures come from the same sources as the star sheets, the village's own star sheet included. The sources
// run outside any transaction, a subject at a time with a turn for other requests between; the year's rows are
// replaced in one transaction. The caller holds assessment.approve (the organisation department).
import { recordAudit } from '../audit/index.js';
import { platformOfficeCode, platforms, townLeaderOf } from '../cases/index.js';
import { yieldTurn } from '../command/index.js';
import { maskedMemberNames, memberDirectory } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import { toDbJson } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { DISTRICT_SCOPE, isComputedLine, periodOf, statesOf, treeOf, type AssessmentDeps } from './deps.js';
import { defaultLeaderSchemes, rankWithin, scoreLeader } from './leaders.js';
import { assessmentRepository } from './repository.js';
import { scoreSheet } from './scoring.js';
import { findSource, sourceContext, type SourceOrg } from './sources.js';
import type { AssessmentLeaderScoreTable } from './tables.js';
import { STAR_SHEET_SOURCE, type LeaderPost, type LeaderScheme, type TreeDefinition } from './tree.js';

type Subject = {
  post: LeaderPost;
  unit: SourceOrg;
  town: { id: string; name: string } | null;
  peerGroup: string;
  platform: string | null;
  person: { kind: 'member' | 'account'; id: string; name: string } | null;
};

/** Who is assessed this year, from the org tree, the members' posts and the cases' town leaders. */
async function subjectsOf(deps: AssessmentDeps): Promise<Subject[]> {
  const { db, dialect } = deps.database;
  const orgs = orgDirectory(db, dialect);
  const members = memberDirectory(db, dialect);
  const root = await orgs.findRoot();
  if (root === undefined) {
    return [];
  }
  const towns = new Map((await orgs.activeAtLevel('town')).map((t) => [t.id, t]));
  const townOf = (parentId: string | null) => {
    const t = parentId === null ? undefined : towns.get(parentId);
    return t === undefined ? null : { id: t.id, name: t.name };
  };
  const unitOf = (o: { id: string; path: string; name: string; level: string }): SourceOrg => ({
    id: o.id,
    path: o.path,
    name: o.name,
    level: o.level,
  });
  // A secretary's post in the org tree names the member; names are shown masked, as everywhere outside members.
  const secretaries = new Map<string, string>();
  const secretaryOf = async (orgId: string) => {
    const id = (await members.officersOf(orgId)).find((p) => p.role === 'secretary')?.id;
    if (id !== undefined) {
      secretaries.set(orgId, id);
    }
  };
  const villages = await orgs.activeAtLevel('village');
  const departments = await orgs.activeAtLevel('department');
  for (const o of [...villages, ...departments]) {
    await secretaryOf(o.id);
  }
  const names = await maskedMemberNames({ db, dialect, scope: DISTRICT_SCOPE }, [...secretaries.values()]);
  const memberOf = (orgId: string): Subject['person'] => {
    const id = secretaries.get(orgId);
    return id === undefined ? null : { kind: 'member', id, name: names.get(id) ?? '' };
  };

  const out: Subject[] = villages.map((v) => ({
    post: 'villageSecretary',
    unit: unitOf(v),
    town: townOf(v.parent_id),
    peerGroup: 'villageSecretary',
    platform: null,
    person: memberOf(v.id),
  }));
  const districtId = root.id;
  for (const d of departments) {
    if (d.parent_id === districtId) {
      out.push({
        post: 'departmentHead',
        unit: unitOf(d),
        town: null,
        peerGroup: 'departmentHead',
        platform: null,
        person: memberOf(d.id),
      });
      continue;
    }
    const t = d.parent_id === null ? undefined : towns.get(d.parent_id);
    const platform = platforms.find(
      (p) => t !== undefined && d.code === platformOfficeCode(t.code ?? t.id, p),
    );
    if (t === undefined || platform === undefined) {
      continue;
    }
    const town = { id: t.id, name: t.name };
    const leader = await townLeaderOf(db, dialect, { town_id: town.id, district_id: districtId, platform });
    out.push({
      post: 'townLeader',
      unit: unitOf(d),
      town,
      peerGroup: `townLeader:${platform}`,
      platform,
      person: leader === undefined ? null : { kind: 'account', id: leader.id, name: leader.displayName },
    });
  }
  return out;
}

/** The village's star sheet as one figure: its stars' scores over their full marks (0–1); null without a sheet. */
async function starSheetFigure(deps: AssessmentDeps, tree: TreeDefinition, year: number, orgId: string) {
  const repo = assessmentRepository(deps.database.db);
  const sheet = await repo.sheetOfOrg(DISTRICT_SCOPE, year, orgId);
  if (sheet === undefined) {
    return null;
  }
  const score = scoreSheet(tree, statesOf(await repo.linesOf(sheet.id)), isComputedLine);
  const full = tree.stars.reduce((n, s) => n + s.fullMarks, 0);
  return full === 0 ? null : Math.round((score.total / full) * 10_000) / 10_000;
}

export async function rankLeaders(
  deps: AssessmentDeps,
  ctx: RequestContext,
  year: number,
): Promise<{ year: number; sheets: number; ranked: number }> {
  const repo = assessmentRepository(deps.database.db);
  const cycle = await repo.findCycle(year);
  if (cycle === undefined) {
    throw notFound();
  }
  const tree = await treeOf(repo, cycle.tree_id);
  const schemes = new Map<string, LeaderScheme>(
    (tree.leaders ?? defaultLeaderSchemes()).map((s) => [s.post, s]),
  );
  const period = periodOf(year, ctx.now);
  const sources = sourceContext(deps.database, ctx.now);
  const scored: { subject: Subject; score: ReturnType<typeof scoreLeader> }[] = [];
  for (const subject of await subjectsOf(deps)) {
    const scheme = schemes.get(subject.post);
    if (scheme === undefined) {
      continue;
    }
    const figures = new Map<string, number | null>();
    for (const line of scheme.lines) {
      if (line.source === STAR_SHEET_SOURCE) {
        figures.set(line.code, await starSheetFigure(deps, tree, year, subject.unit.id));
        continue;
      }
      const source = findSource(line.source);
      const f = source === undefined ? null : (await source.compute(sources, subject.unit, period)).value;
      figures.set(line.code, f === null ? null : Math.round(f * 10_000) / 10_000);
    }
    scored.push({ subject, score: scoreLeader(scheme, figures) });
    await yieldTurn();
  }
  const peers = rankWithin(
    scored,
    (s) => s.subject.peerGroup,
    (s) => s.score.total,
  );
  const inTown = rankWithin(
    scored.filter((s) => s.subject.post === 'villageSecretary'),
    (s) => s.subject.town?.id ?? '',
    (s) => s.score.total,
  );
  const rows: AssessmentLeaderScoreTable[] = scored.map((s) => ({
    year,
    post: s.subject.post,
    unit_id: s.subject.unit.id,
    unit_path: s.subject.unit.path,
    unit_name: s.subject.unit.name,
    town_id: s.subject.town?.id ?? null,
    town_name: s.subject.town?.name ?? null,
    peer_group: s.subject.peerGroup,
    platform: s.subject.platform,
    person_kind: s.subject.person?.kind ?? null,
    person_id: s.subject.person?.id ?? null,
    person_name: s.subject.person?.name ?? null,
    lines: toDbJson(s.score.lines) ?? '[]',
    total: s.score.total,
    coverage: s.score.coverage,
    peer_rank: peers.get(s)!.rank,
    peer_size: peers.get(s)!.size,
    town_rank: inTown.get(s)?.rank ?? null,
    computed_at: ctx.now,
  }));
  await deps.database.db.transaction().execute(async (trx) => {
    await assessmentRepository(trx).replaceLeaderScores(year, rows);
    await recordAudit(trx, ctx, {
      action: 'assessment.leaders.compute',
      entityType: 'assessmentCycle',
      entityId: String(year),
      orgPath: null,
      detail: { year, sheets: rows.length },
    });
  });
  return { year, sheets: rows.length, ranked: rows.filter((r) => r.peer_rank !== null).length };
}
