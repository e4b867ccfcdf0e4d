// The demo stage 'assessment': last year's cycle completed (self-assessment, town review with a few adjustments,
// district approval, a notice with objections — one of which changed a score — and stars awarded), and this year's
// cycle in progress (some villages submitted, reviewed or approved; the demo community still self-assessing).
// Figures come from the real sources; the village and town steps are written in bulk so the stage takes seconds.
import { seededRandom } from '../platform/random.js';
import pino from 'pino';
import { seedingActorAt } from '../identity/index.js';
import type { UserActor } from '../access/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { toDbJson } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { DAY_MS, localYear } from '../platform/time.js';
import { answerObjection } from './answerObjection.js';
import { closeNotice } from './closeNotice.js';
import { changeOf, DISTRICT_SCOPE, isComputedLine, treeOf, type AssessmentDeps } from './deps.js';
import { fileObjection } from './fileObjection.js';
import { openCycle } from './openCycle.js';
import { rankLeaders } from './rankLeaders.js';
import { publishNotice } from './publishNotice.js';
import { computeFigures } from './refreshFigures.js';
import { assessmentRepository, type ChangeInput, type EvidenceRow, type SheetRow } from './repository.js';
import { sourceContext } from './sources.js';
import { linesOf, maxPointsOf } from './tree.js';

const silentLog = pino({ level: 'silent' });

/** The demo community of the village cadre account (东市社区): left self-assessing this year. */
const DEMO_VILLAGE_CODE = '320612001001';

const contextAt = (actor: UserActor | null, now: number): RequestContext => ({
  actor: actor ?? { kind: 'anonymous' },
  ip: '127.0.0.1',
  requestId: 'demo-assessment',
  locale: 'zh-CN',
  log: silentLog,
  now,
});

const REVIEW_REASONS = [
  '现场查看台账与照片，实际开展情况与自评不符，酌情扣分',
  '走访群众了解，工作成效较自评更好，予以加分',
  '佐证材料不完整，按已提供部分计分',
];

type Stage = 'draft' | 'submitted' | 'reviewed' | 'approved';

/**
 * The village and town steps of a cycle for the given sheets, in bulk: figures from the sources, typed-in points with
 * one piece of evidence each village attaches once, review adjustments with reasons, and the statuses reached.
 */
async function workSheets(
  deps: AssessmentDeps,
  sheets: { sheet: SheetRow; stage: Stage }[],
  times: { computed: number; submitted: number; reviewed: number; approved: number },
  rand: () => number,
  actors: { village: UserActor | null; town: UserActor | null; district: UserActor | null },
) {
  const { database } = deps;
  const repo = assessmentRepository(database.db);
  if (sheets.length === 0) {
    return;
  }
  const tree = await treeOf(repo, sheets[0]!.sheet.tree_id);
  const refs = linesOf(tree);
  const shared = sourceContext(database, times.computed);
  const figures = new Map<string, Awaited<ReturnType<typeof computeFigures>>>();
  for (const { sheet } of sheets) {
    figures.set(sheet.id, await computeFigures(deps, sheet, times.computed, shared));
  }
  await database.db.transaction().execute(async (trx) => {
    const tx = assessmentRepository(trx);
    const changes: ChangeInput[] = [];
    for (const { sheet, stage } of sheets) {
      for (const f of figures.get(sheet.id) ?? []) {
        await tx.updateLine(sheet.id, f.code, {
          figure: f.figure,
          figure_points: f.points,
          records: toDbJson(f.records),
          updated_at: times.computed,
        });
      }
      const evidence: EvidenceRow = {
        id: newId(times.computed),
        org_id: sheet.org_id,
        org_path: sheet.org_path,
        kind: 'file',
        title: `${sheet.org_name}${sheet.year}年度基层党建工作资料汇编`,
        url: `https://dangjian.tongzhou.gov.cn/files/${sheet.org_id}/${sheet.year}.pdf`,
        note: null,
        created_by: actors.village?.userId ?? null,
        created_at: times.computed,
      };
      await tx.insertEvidence(evidence);
      const villageCtx = contextAt(actors.village, times.computed);
      for (const ref of refs) {
        if (isComputedLine(ref.line)) {
          continue;
        }
        const max = maxPointsOf(ref);
        // Basics pass nearly everywhere; vetoes are rare; items score 60–100 % of their points; some honours.
        const points =
          ref.kind === 'basic'
            ? rand() < 0.95
              ? 1
              : 0
            : ref.kind === 'veto'
              ? rand() < 0.02
                ? 1
                : 0
              : ref.kind === 'bonus'
                ? rand() < 0.25
                  ? Math.min(max, 2 + Math.floor(rand() * 2) * 2)
                  : 0
                : Math.round(max * (0.6 + rand() * 0.4));
        await tx.updateLine(sheet.id, ref.line.code, {
          self_points: points,
          evidence_ids: points > 0 ? JSON.stringify([evidence.id]) : '[]',
          updated_at: times.computed,
        });
        if (points > 0) {
          changes.push(
            changeOf(villageCtx, sheet, {
              code: ref.line.code,
              kind: 'self',
              from_value: null,
              to_value: points,
              reason: null,
            }),
          );
        }
      }
      if (stage === 'draft') {
        await tx.updateSheet(sheet.id, { computed_at: times.computed, updated_at: times.computed });
        continue;
      }
      changes.push(
        changeOf(contextAt(actors.village, times.submitted), sheet, {
          code: null,
          kind: 'status.submit',
          from_value: null,
          to_value: null,
          reason: null,
        }),
      );
      const patch: Partial<SheetRow> = {
        status: 'submitted',
        computed_at: times.computed,
        submitted_at: times.submitted,
        updated_at: times.submitted,
      };
      if (stage === 'reviewed' || stage === 'approved') {
        const townCtx = contextAt(actors.town, times.reviewed);
        if (rand() < 0.3) {
          const typed = refs.filter((r) => r.kind === 'item' && !isComputedLine(r.line));
          const ref = typed[Math.floor(rand() * typed.length)]!;
          const line = await tx.findLine(sheet.id, ref.line.code);
          const from = line?.self_points ?? 0;
          const to = Math.max(0, Math.min(ref.line.points, from + (rand() < 0.6 ? -3 : 2)));
          const reason = REVIEW_REASONS[Math.floor(rand() * REVIEW_REASONS.length)]!;
          await tx.updateLine(sheet.id, ref.line.code, {
            adjusted_points: to,
            adjusted_reason: reason,
            adjusted_by: actors.town?.userId ?? null,
            adjusted_at: times.reviewed,
            updated_at: times.reviewed,
          });
          changes.push(
            changeOf(townCtx, sheet, {
              code: ref.line.code,
              kind: 'review',
              from_value: from,
              to_value: to,
              reason,
            }),
          );
        }
        changes.push(
          changeOf(townCtx, sheet, {
            code: null,
            kind: 'status.completeReview',
            from_value: null,
            to_value: null,
            reason: null,
          }),
        );
        patch.status = 'reviewed';
        patch.reviewed_at = times.reviewed;
        patch.updated_at = times.reviewed;
      }
      if (stage === 'approved') {
        changes.push(
          changeOf(contextAt(actors.district, times.approved), sheet, {
            code: null,
            kind: 'status.approve',
            from_value: null,
            to_value: null,
            reason: null,
          }),
        );
        patch.status = 'approved';
        patch.approved_at = times.approved;
        patch.updated_at = times.approved;
      }
      await tx.updateSheet(sheet.id, patch);
    }
    await tx.insertChanges(changes);
  });
}

export async function seedAssessmentDemo(
  database: Database,
  options: { seed: number; now: number },
): Promise<void> {
  const { now } = options;
  const deps: AssessmentDeps = { database };
  const rand = seededRandom(options.seed * 104_729 + 13);
  const orgs = orgDirectory(database.db, database.dialect);
  const root = await orgs.findRoot();
  if (root === undefined) {
    return;
  }
  const demoVillage = await orgs.findByCode(DEMO_VILLAGE_CODE);
  const demoTown = demoVillage?.parent_id ?? null;
  const district = await seedingActorAt(
    database.db,
    database.dialect,
    root.id,
    'orgDepartment',
    '区委组织部',
  );
  const town =
    demoTown === null
      ? null
      : await seedingActorAt(database.db, database.dialect, demoTown, 'townCommand', '街道党工委');
  const village =
    demoVillage === undefined
      ? null
      : await seedingActorAt(database.db, database.dialect, demoVillage.id, 'villageCadre', '村（社区）书记');
  const repo = assessmentRepository(database.db);
  const thisYear = localYear(now);
  const lastYear = thisYear - 1;

  // Last year: the whole cycle, done at the start of this year.
  const t = (days: number) => now - days * DAY_MS;
  await openCycle(deps, contextAt(district, t(70)), lastYear);
  const last = await repo.listSheets(DISTRICT_SCOPE, lastYear, null);
  await workSheets(
    deps,
    last.map((sheet) => ({ sheet, stage: 'approved' as const })),
    { computed: t(65), submitted: t(62), reviewed: t(55), approved: t(50) },
    rand,
    { village, town, district },
  );
  const { notice } = await publishNotice(deps, contextAt(district, t(48)), { year: lastYear });
  const objected = last.filter((_, i) => i % 97 === 3).slice(0, 3);
  const objectionTexts = [
    '该村人居环境整治实际效果一般，河道仍有垃圾，自评分偏高。',
    '三会一课记录有补记现象，请核实。',
    '村里文明家庭评选我们都不知道，是否公开评选？',
  ];
  const answers = [
    '经实地复核，河道保洁存在反弹，人居环境整治项调减 4 分。',
    '经查阅会议记录和系统活动记录，三会一课按期开展，维持原评分。',
    '评选结果已在村务公开栏公示，并通过微信群告知，维持原评分。',
  ];
  for (const [i, sheet] of objected.entries()) {
    const lineCode = i === 0 ? 'eco.environment' : i === 1 ? 'lead.orgLife' : 'civil.families';
    const o = await fileObjection(deps, contextAt(null, t(47 - i)), {
      noticeId: notice.id,
      sheetId: sheet.id,
      lineCode,
      body: objectionTexts[i]!,
    });
    const line = await repo.findLine(sheet.id, lineCode);
    const current = line?.adjusted_points ?? line?.self_points ?? 0;
    await answerObjection(deps, contextAt(district, t(45 - i)), DISTRICT_SCOPE, {
      objectionId: o.id,
      answer: answers[i]!,
      points: i === 0 ? Math.max(0, current - 4) : null,
    });
  }
  await closeNotice(deps, contextAt(district, t(42)), notice.id);
  // The people in charge of last year, scored and ranked once the year's stars are settled.
  await rankLeaders(deps, contextAt(district, t(41)), lastYear);

  // This year: in progress. The demo town's villages move along; a few elsewhere have submitted.
  await openCycle(deps, contextAt(district, t(20)), thisYear);
  const current = await repo.listSheets(DISTRICT_SCOPE, thisYear, null);
  const inTown = current.filter((s) => demoTown !== null && s.org_path.includes(`/${demoTown}/`));
  const elsewhere = current.filter((s) => !inTown.includes(s)).filter((_, i) => i % 25 === 0);
  const stages: Stage[] = ['approved', 'reviewed', 'submitted'];
  const work = [
    ...inTown.map((sheet, i) => ({
      sheet,
      stage: sheet.org_id === demoVillage?.id ? ('draft' as const) : stages[i % stages.length]!,
    })),
    ...elsewhere.map((sheet) => ({ sheet, stage: 'submitted' as const })),
  ];
  await workSheets(deps, work, { computed: t(10), submitted: t(8), reviewed: t(5), approved: t(2) }, rand, {
    village,
    town,
    district,
  });
  await rankLeaders(deps, contextAt(district, t(1)), thisYear);
}
