// The sources the platform can compute today, each through the owning module's door: case rates of the village
// (its grids' cases roll up to it in the fact table), consultation meetings and outcomes, the linkage chain, and the
// org-tree facts of the five basics (secretary in post, committees complete, party groups formed, committee age).
import { caseIndicatorsOf, type CaseIndicators } from '../cases/index.js';
import { consultationNumbers, type ConsultationCounts } from '../consultations/index.js';
import { linkageIndicatorsOf, type LinkageIndicators } from '../linkage/index.js';
import { memberDirectory } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { msg } from '../platform/i18n.js';
import type { AssessmentSource, SourceContext, SourceOrg, SourcePeriod, SourceRecords } from './sources.js';

const records = (kind: string, org: SourceOrg, p: SourcePeriod, extra: Partial<SourceRecords> = {}) => ({
  kind,
  orgId: org.id,
  from: p.from,
  to: p.to,
  ...extra,
});

const caseRates = (ctx: SourceContext, org: SourceOrg, p: SourcePeriod): Promise<CaseIndicators> =>
  ctx.once(`cases:${org.id}:${p.from}`, () =>
    caseIndicatorsOf(ctx.database.db, ctx.database.dialect, org.id, { from: p.from, to: p.to }),
  );

const caseSource = (
  code: string,
  name: ReturnType<typeof msg>,
  pick: (i: CaseIndicators) => number | null,
  count: (i: CaseIndicators) => number,
): AssessmentSource => ({
  code,
  module: 'cases',
  name,
  unit: 'rate',
  async compute(ctx, org, p) {
    const i = await caseRates(ctx, org, p);
    return { value: pick(i), records: records('cases', org, p, { count: count(i) }) };
  },
});

const consultation = (ctx: SourceContext, org: SourceOrg, p: SourcePeriod) =>
  ctx.once(`consult:${org.id}:${p.from}`, () =>
    consultationNumbers(ctx.database, { path: org.path }, org.path, { from: p.from, to: p.to }, ctx.now),
  );

const consultationSource = (
  code: string,
  name: ReturnType<typeof msg>,
  unit: AssessmentSource['unit'],
  pick: (c: ConsultationCounts) => number | null,
  count: (c: ConsultationCounts) => number,
): AssessmentSource => ({
  code,
  module: 'consultations',
  name,
  unit,
  async compute(ctx, org, p) {
    const n = await consultation(ctx, org, p);
    const ids = n.councils.filter((c) => c.orgId === org.id).map((c) => c.councilId);
    return {
      value: pick(n.total),
      records: records('consultations', org, p, { ids, count: count(n.total) }),
    };
  },
});

const linkage = (ctx: SourceContext, org: SourceOrg, p: SourcePeriod): Promise<LinkageIndicators> =>
  ctx.once(`linkage:${org.id}:${p.from}`, () =>
    linkageIndicatorsOf(
      ctx.database.db,
      ctx.database.dialect,
      { level: 'village', path: org.path },
      { from: p.from, to: p.to },
      Math.min(ctx.now, p.to),
    ),
  );

const linkageSource = (
  code: string,
  name: ReturnType<typeof msg>,
  unit: AssessmentSource['unit'],
  pick: (l: LinkageIndicators) => number | null,
  count: (l: LinkageIndicators) => number,
): AssessmentSource => ({
  code,
  module: 'linkage',
  name,
  unit,
  async compute(ctx, org, p) {
    const l = await linkage(ctx, org, p);
    return { value: pick(l), records: records('linkage', org, p, { count: count(l) }) };
  },
});

type OrgFacts = {
  hasSecretary: boolean;
  branches: number;
  branchesWithCommittee: number;
  branchesWithGroups: number;
  officerIds: string[];
  averageAge: number | null;
};

/** A committee is complete with a secretary and at least two more posts (deputy secretary or committee member). */
const isCommitteeComplete = (roles: string[]) =>
  roles.includes('secretary') &&
  roles.filter((r) => r === 'committee' || r === 'deputySecretary').length >= 2;

function ageAt(birthDate: string, at: number): number {
  const born = Date.parse(`${birthDate}T00:00:00Z`);
  return (at - born) / (365.2425 * 86_400_000);
}

const orgFacts = (ctx: SourceContext, org: SourceOrg, p: SourcePeriod): Promise<OrgFacts> =>
  ctx.once(`org:${org.id}`, async () => {
    const { db, dialect } = ctx.database;
    const orgs = orgDirectory(db, dialect);
    const members = memberDirectory(db, dialect);
    const scope = { path: org.path };
    const subtree = (await orgs.subtree(scope, org.path)).filter((o) => o.status === 'active');
    // The village's own branches: a unit's or new-field organisation's branch attached under the village is that
    // body's, assessed with it, not with the village.
    const bodies = subtree.filter((o) => o.level === 'unit' || o.level === 'newField').map((o) => o.path);
    const branches = subtree.filter((o) => o.level === 'branch' && !bodies.some((b) => o.path.startsWith(b)));
    const groupParents = new Set(subtree.filter((o) => o.level === 'group').map((o) => o.parent_id));
    const villagePosts = await members.officersOf(org.id);
    const officerIds = new Set(villagePosts.map((o) => o.id));
    let withCommittee = 0;
    for (const b of branches) {
      const posts = await members.officersOf(b.id);
      posts.forEach((o) => officerIds.add(o.id));
      if (isCommitteeComplete(posts.map((o) => o.role))) {
        withCommittee += 1;
      }
    }
    const ages: number[] = [];
    for (const id of officerIds) {
      const m = await members.findById(scope, id);
      if (m !== undefined) {
        ages.push(ageAt(m.birth_date, p.to));
      }
    }
    return {
      hasSecretary: villagePosts.some((o) => o.role === 'secretary'),
      branches: branches.length,
      branchesWithCommittee: withCommittee,
      branchesWithGroups: branches.filter((b) => groupParents.has(b.id)).length,
      officerIds: [...officerIds],
      averageAge:
        ages.length === 0 ? null : Math.round((ages.reduce((a, b) => a + b, 0) / ages.length) * 10) / 10,
    };
  });

const orgSource = (
  code: string,
  name: ReturnType<typeof msg>,
  unit: AssessmentSource['unit'],
  pick: (f: OrgFacts) => number | null,
): AssessmentSource => ({
  code,
  module: 'orgs',
  name,
  unit,
  async compute(ctx, org, p) {
    const f = await orgFacts(ctx, org, p);
    return { value: pick(f), records: records('orgs', org, p, { ids: f.officerIds, count: f.branches }) };
  },
});

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export const coreAssessmentSources: AssessmentSource[] = [
  caseSource(
    'cases.onTimeHandleRate',
    msg('事件按期办结率', 'Cases handled on time'),
    (i) => i.rates.onTimeHandleRate,
    (i) => i.counts.dueHandle,
  ),
  caseSource(
    'cases.satisfactionRate',
    msg('事件群众满意率', 'Residents satisfied with cases'),
    (i) => i.rates.satisfactionRate,
    (i) => i.counts.rated,
  ),
  caseSource(
    'cases.reworkRate',
    msg('事件返工率', 'Cases reworked'),
    (i) => i.rates.reworkRate,
    (i) => i.counts.dueClose,
  ),
  caseSource(
    'cases.closeRate',
    msg('事件结案率', 'Cases closed'),
    (i) => i.rates.closeRate,
    (i) => i.counts.dueClose,
  ),
  caseSource(
    'cases.onTimeCloseRate',
    msg('事件按期结案率', 'Cases closed on time'),
    (i) => i.rates.onTimeCloseRate,
    (i) => i.counts.dueClose,
  ),
  caseSource(
    'cases.solveRate',
    msg('事件问题解决率', 'Cases solved'),
    (i) => i.rates.solveRate,
    (i) => i.counts.rated,
  ),
  caseSource(
    'cases.responseRate',
    msg('事件响应率', 'Cases responded to'),
    (i) => i.rates.responseRate,
    (i) => i.counts.dispatched,
  ),
  caseSource(
    'cases.validReportRate',
    msg('事件有效上报率', 'Valid reports'),
    (i) => i.rates.validReportRate,
    (i) => i.counts.reported,
  ),
  consultationSource(
    'consultations.meetingsHeld',
    msg('召开协商议事会议次数', 'Consultation meetings held'),
    'count',
    (c) => c.meetingsHeld,
    (c) => c.meetingsHeld,
  ),
  consultationSource(
    'consultations.outcomesOnTimeRate',
    msg('协商成果按期办结率', 'Consultation outcomes done on time'),
    'rate',
    (c) => c.onTimeRate,
    (c) => c.outcomesDue,
  ),
  consultationSource(
    'consultations.topicsHandledRate',
    msg('议题办理率', 'Topics handled'),
    'rate',
    (c) => share(c.topicsHandled, c.topicsReceived),
    (c) => c.topicsReceived,
  ),
  consultationSource(
    'consultations.satisfactionRate',
    msg('协商成果群众满意率', 'Residents satisfied with outcomes'),
    'rate',
    (c) => c.satisfactionRate,
    (c) => c.ratings,
  ),
  linkageSource(
    'linkage.visitCoverage',
    msg('党员中心户走访覆盖率', 'Linked households visited last quarter'),
    'rate',
    (l) => l.coverage,
    (l) => l.linkedHouseholds,
  ),
  linkageSource(
    'linkage.shareWithinVillage',
    msg('小事不出村比例', 'Appeals settled within the village'),
    'rate',
    (l) => l.shareWithinVillage,
    (l) => l.concluded,
  ),
  linkageSource(
    'linkage.shareWithinTown',
    msg('大事不出镇比例', 'Appeals settled within the town'),
    'rate',
    (l) => l.shareWithinTown,
    (l) => l.concluded,
  ),
  linkageSource(
    'linkage.onTimeRate',
    msg('诉求按期化解率', 'Appeals concluded on time'),
    'rate',
    (l) => share(l.onTime, l.concluded),
    (l) => l.concluded,
  ),
  linkageSource(
    'linkage.overdue',
    msg('超期诉求件数', 'Appeals overdue'),
    'count',
    (l) => l.overdue,
    (l) => l.overdue,
  ),
  orgSource('org.secretaryInPost', msg('书记在岗', 'Secretary in post'), 'flag', (f) =>
    f.hasSecretary ? 1 : 0,
  ),
  orgSource(
    'org.committeeComplete',
    msg('支部班子配齐比例', 'Branches with a complete committee'),
    'share',
    (f) => share(f.branchesWithCommittee, f.branches),
  ),
  orgSource('org.groupsFormed', msg('建立党小组的支部比例', 'Branches with party groups'), 'share', (f) =>
    share(f.branchesWithGroups, f.branches),
  ),
  orgSource(
    'org.basicOrganisation',
    msg(
      '组织设置健全（书记在岗且支部均建党小组）',
      'Organisation complete (secretary, groups in every branch)',
    ),
    'flag',
    (f) => (f.hasSecretary && f.branches > 0 && f.branchesWithGroups === f.branches ? 1 : 0),
  ),
  orgSource(
    'org.committeeAverageAge',
    msg('班子成员平均年龄', 'Committee average age'),
    'years',
    (f) => f.averageAge,
  ),
];
