// Demo stage 'volunteers': a year of 双报到 registrations, posts, activities with sign-ins and confirmed hours, and
// party-member points for the members of 金沙街道 (the town of the demo accounts), written in bulk; a few upcoming
// activities to sign up for; and the demo member account 'zyz' (registered with 东市社区).
import { seededRandom } from '../platform/random.js';
import {
  firstUserWithRole,
  hashPassword,
  holdersOfRoles,
  membersWithAccounts,
  seedMemberLink,
  seedUser,
} from '../identity/index.js';
import { memberDirectory, setMemberCommunity, type MemberListRow } from '../members/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import { bulkInsert, toDbJson, type Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { DAY_MS, localYear, startOfLocalDay } from '../platform/time.js';
import { serviceCategories } from './categories.js';
import { seedReliefDemo } from './demoRelief.js';
import { draftFeedback, quarterOf, sendFeedback } from './feedback.js';
import { quarterRange } from './employerReport.js';
import { CONFIRMATION_VALID_MS } from './confirmRegistration.js';
import { DISTRICT_SCOPE } from './deps.js';
import type {
  ActRow,
  ActivityRow,
  ClaimRow,
  EntryRow,
  PostRow,
  RegistrationRow,
  SignupRow,
} from './repository.js';
import { periodKey, ruleOf } from './rules.js';
import { newCheckinToken } from './scheduleActivity.js';

export type VolunteerDemoOptions = {
  seed: number;
  password: string;
  now: number;
  /** The town whose members serve (default 金沙街道). */
  townCode?: string;
  /** At most this many members take part. */
  maxMembers?: number;
};

const ACTIVITY_TITLES: Record<(typeof serviceCategories)[number], string[]> = {
  organisationBuilding: ['党员先锋岗值守', '主题党日共建'],
  legalAid: ['法律咨询进社区', '反诈宣传'],
  needyAndDisabled: ['走访慰问困难老人', '助残陪护'],
  communityGovernance: ['楼道环境整治', '垃圾分类督导'],
  health: ['义诊进社区', '健康讲座'],
  cultureSport: ['社区文艺汇演', '青少年课后辅导'],
  safetyPatrol: ['夜间治安巡逻', '消防安全排查'],
  other: ['社区志愿服务日', '文明交通劝导'],
};
const SKILLS = ['法律', '医疗', '文艺', '电脑', '驾驶', '教育', '心理疏导', '摄影'];
const HOUR = 3_600_000;

export async function seedVolunteerDemo(database: Database, options: VolunteerDemoOptions): Promise<void> {
  const { db, dialect } = database;
  const rand = seededRandom(options.seed * 104_729 + 15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const orgs = orgDirectory(db, dialect);
  const town = await orgs.findByCode(options.townCode ?? '320612001');
  if (town === undefined) {
    return;
  }
  const subtree = await orgs.subtree(DISTRICT_SCOPE, town.path);
  const villages = subtree.filter((o) => o.level === 'village' && o.status === 'active');
  const members = await memberDirectory(db, dialect).list(DISTRICT_SCOPE, {
    underPath: town.path,
    limit: options.maxMembers ?? 2500,
  });
  if (villages.length === 0 || members.length === 0) {
    return;
  }
  const byId = new Map(subtree.map((o) => [o.id, o]));
  const villageOfPath = (path: string): OrgRow | undefined =>
    path
      .split('/')
      .filter((s) => s !== '')
      .map((id) => byId.get(id))
      .find((o) => o?.level === 'village');
  const admin = (await holdersOfRoles(db, ['districtAdmin']))[0];
  const approverAt = new Map<string, { id: string; name: string }>();
  for (const v of villages) {
    const cadre = await firstUserWithRole(db, v.id, ['villageCadre']);
    const who = cadre === undefined ? admin : { id: cadre.id, displayName: cadre.displayName };
    if (who !== undefined) {
      approverAt.set(v.id, { id: 'userId' in who ? who.userId : who.id, name: who.displayName });
    }
  }
  const fallback = admin === undefined ? null : { id: admin.userId, name: admin.displayName };
  if (fallback === null) {
    return;
  }
  const approverOf = (villageId: string) => approverAt.get(villageId) ?? fallback;

  const now = options.now;
  const today = startOfLocalDay(now);
  const yearAgo = today - 365 * DAY_MS;
  let seq = 0;
  const id = (at: number) => `${newId(at).slice(0, 20)}${(seq++).toString(36).padStart(6, '0')}`;

  // Registrations: most members confirmed (some lapsed past the half year), a few waiting, some not registered.
  const registrations: RegistrationRow[] = [];
  const communityOf = new Map<string, OrgRow>();
  const dongshi = villages.find((v) => v.code === '320612001001') ?? villages[0]!;
  for (const m of members) {
    const roll = rand();
    if (roll < 0.08) {
      continue;
    }
    const home = villageOfPath(m.org_path);
    const community =
      m.community_id !== null && byId.get(m.community_id)?.level === 'village'
        ? byId.get(m.community_id)!
        : (home ?? pick(villages));
    const requested = yearAgo + Math.floor(rand() * 120) * DAY_MS + 9 * HOUR;
    const isPending = roll < 0.14;
    const isLapsed = !isPending && roll < 0.22;
    const confirmedAt = isPending
      ? null
      : isLapsed
        ? today - (190 + Math.floor(rand() * 40)) * DAY_MS + 10 * HOUR
        : today - Math.floor(rand() * 170) * DAY_MS + 10 * HOUR;
    registrations.push({
      id: id(requested),
      kind: 'member',
      member_id: m.id,
      unit_org_id: null,
      name: m.name,
      home_path: m.org_path,
      community_id: community.id,
      community_path: community.path,
      status: isPending ? 'pending' : 'confirmed',
      requested_at: requested,
      confirmed_at: confirmedAt,
      confirmed_by: confirmedAt === null ? null : approverOf(community.id).id,
      valid_until: confirmedAt === null ? null : confirmedAt + CONFIRMATION_VALID_MS,
      confirmations: confirmedAt === null ? 0 : confirmedAt - requested > CONFIRMATION_VALID_MS ? 2 : 1,
      reason: null,
      ended_at: null,
      created_at: requested,
      updated_at: confirmedAt ?? requested,
    });
    if (!isPending) {
      communityOf.set(m.id, community);
    }
  }
  for (const unit of subtree.filter(
    (o) => (o.level === 'unit' || o.level === 'newField') && o.status === 'active',
  )) {
    const community = villageOfPath(unit.path) ?? pick(villages);
    const at = yearAgo + Math.floor(rand() * 60) * DAY_MS + 9 * HOUR;
    registrations.push({
      id: id(at),
      kind: 'unit',
      member_id: null,
      unit_org_id: unit.id,
      name: unit.name,
      home_path: unit.path,
      community_id: community.id,
      community_path: community.path,
      status: 'confirmed',
      requested_at: at,
      confirmed_at: today - 30 * DAY_MS,
      confirmed_by: approverOf(community.id).id,
      valid_until: today - 30 * DAY_MS + CONFIRMATION_VALID_MS,
      confirmations: 2,
      reason: null,
      ended_at: null,
      created_at: at,
      updated_at: today - 30 * DAY_MS,
    });
  }
  const servingIn = new Map<string, MemberListRow[]>();
  for (const m of members) {
    const c = communityOf.get(m.id);
    if (c !== undefined) {
      servingIn.set(c.id, [...(servingIn.get(c.id) ?? []), m]);
    }
  }

  // Posts, activities, sign-ups and the hours they earned.
  const posts: PostRow[] = [];
  const claims: ClaimRow[] = [];
  const activities: ActivityRow[] = [];
  const signups: SignupRow[] = [];
  const acts: ActRow[] = [];
  const entries: EntryRow[] = [];
  const tally = new Map<
    string,
    { member_id: string; rule_code: string; period_key: string; amount: number }
  >();
  const credit = (
    act: ActRow,
    lines: { m: MemberListRow; amount: number; communityPath: string | null }[],
  ) => {
    const rule = ruleOf(act.rule_code)!;
    acts.push(act);
    for (const l of lines) {
      const key = periodKey(rule.cap.period, act.occurred_at);
      const k = `${l.m.id}|${rule.code}|${key}`;
      const t = tally.get(k) ?? { member_id: l.m.id, rule_code: rule.code, period_key: key, amount: 0 };
      if (Math.abs(t.amount + l.amount) > rule.cap.amount) {
        continue;
      }
      t.amount += l.amount;
      tally.set(k, t);
      entries.push({
        id: id(act.approved_at),
        act_id: act.id,
        member_id: l.m.id,
        member_name: l.m.name,
        branch_path: l.m.org_path,
        community_path: l.communityPath,
        kind: rule.kind,
        rule_code: rule.code,
        category: rule.category,
        year: localYear(act.occurred_at),
        occurred_at: act.occurred_at,
        amount: l.amount,
        reverses_entry_id: null,
        created_at: act.approved_at,
      });
    }
  };
  const serviceCount = new Map<string, number>();
  for (const v of villages) {
    const people = servingIn.get(v.id) ?? [];
    if (people.length === 0) {
      continue;
    }
    const approver = approverOf(v.id);
    const lng = 120.86 + rand() * 0.3;
    const lat = 32.0 + rand() * 0.2;
    for (let k = 0; k < 3; k++) {
      const category = serviceCategories[(k * 3 + v.sort_key.length) % serviceCategories.length]!;
      const at = yearAgo + Math.floor(rand() * 60) * DAY_MS + 9 * HOUR;
      const post: PostRow = {
        id: id(at),
        community_id: v.id,
        org_path: v.path,
        category,
        title: `${ACTIVITY_TITLES[category][0]!}志愿岗`,
        description: `${v.name}长期招募在职党员参与${ACTIVITY_TITLES[category][0]!}。`,
        skills: toDbJson([pick(SKILLS)]) ?? '[]',
        places: 5 + Math.floor(rand() * 10),
        status: 'open',
        created_by: approver.id,
        created_at: at,
        updated_at: at,
      };
      posts.push(post);
      const claimers = people.filter(() => rand() < 0.15).slice(0, post.places);
      for (const m of claimers) {
        claims.push({
          post_id: post.id,
          member_id: m.id,
          member_name: m.name,
          org_path: m.org_path,
          claimed_at: at + DAY_MS,
        });
      }
    }
    // Two activities a month over the past year, on distinct days, and two in the coming fortnight.
    const days = [
      ...Array.from({ length: 24 }, (_, i) => -365 + i * 15 + Math.floor(rand() * 10)),
      3 + Math.floor(rand() * 4),
      9 + Math.floor(rand() * 4),
    ];
    for (const d of days) {
      const category = pick(serviceCategories);
      const starts = today + d * DAY_MS + (8 + Math.floor(rand() * 6)) * HOUR;
      const length = (2 + Math.floor(rand() * 3)) * HOUR;
      const isPast = starts + length < now - HOUR;
      const a: ActivityRow = {
        id: id(starts - 7 * DAY_MS),
        post_id: null,
        community_id: v.id,
        org_path: v.path,
        category,
        title: pick(ACTIVITY_TITLES[category]),
        description: `${v.name}组织在职党员开展志愿服务。`,
        place_name: `${v.name}党群服务中心`,
        lng,
        lat,
        radius_m: 300,
        starts_at: starts,
        ends_at: starts + length,
        places: 10 + Math.floor(rand() * 20),
        skills: toDbJson(rand() < 0.4 ? [pick(SKILLS)] : []) ?? '[]',
        checkin_token: newCheckinToken(),
        status: isPast ? 'confirmed' : 'open',
        organiser_id: approver.id,
        confirmed_at: isPast ? starts + length + 2 * HOUR : null,
        confirmed_by: isPast ? approver.id : null,
        act_id: null,
        created_at: starts - 7 * DAY_MS,
        updated_at: starts - 7 * DAY_MS,
      };
      activities.push(a);
      const n = Math.min(
        a.places,
        Math.max(1, Math.floor(people.length * (0.05 + rand() * 0.1))),
        people.length,
      );
      const chosen = new Set<MemberListRow>();
      while (chosen.size < n) {
        chosen.add(pick(people));
      }
      const lines: { m: MemberListRow; amount: number; communityPath: string | null }[] = [];
      for (const m of chosen) {
        const isPresent = isPast && rand() < 0.9;
        const inAt = starts - Math.floor(rand() * 15) * 60_000;
        const outAt = a.ends_at + Math.floor(rand() * 20) * 60_000 - (rand() < 0.2 ? HOUR : 0);
        signups.push({
          id: id(a.created_at + HOUR),
          activity_id: a.id,
          member_id: m.id,
          user_id: null,
          member_name: m.name,
          org_path: m.org_path,
          signed_up_at: a.created_at + Math.floor(rand() * 5) * DAY_MS,
          cancelled_at: null,
          sign_in_at: isPresent ? inAt : null,
          sign_in_lng: isPresent ? lng + (rand() - 0.5) * 0.001 : null,
          sign_in_lat: isPresent ? lat + (rand() - 0.5) * 0.001 : null,
          sign_out_at: isPresent ? outAt : null,
          sign_out_lng: isPresent ? lng + (rand() - 0.5) * 0.001 : null,
          sign_out_lat: isPresent ? lat + (rand() - 0.5) * 0.001 : null,
        });
        if (isPresent) {
          const minutes = Math.floor((Math.min(outAt, a.ends_at) - starts) / (15 * 60_000)) * 15;
          if (minutes > 0) {
            lines.push({ m, amount: minutes, communityPath: v.path });
            serviceCount.set(m.id, (serviceCount.get(m.id) ?? 0) + 1);
          }
        }
      }
      if (isPast && lines.length > 0) {
        const act: ActRow = {
          id: id(a.confirmed_at!),
          kind: 'hours',
          rule_code: 'service',
          category: 'volunteering',
          org_path: v.path,
          evidence: `${a.title}（${a.place_name}）签到签退记录`,
          note: null,
          source_type: 'activity',
          source_id: a.id,
          reverses_act_id: null,
          approver_id: approver.id,
          approver_name: approver.name,
          approved_at: a.confirmed_at!,
          occurred_at: starts,
          created_at: a.confirmed_at!,
        };
        a.act_id = act.id;
        credit(act, lines);
      }
    }
  }

  // Party-member points: the monthly branch meeting, the quarterly study, volunteering, a few deductions.
  const byBranch = new Map<string, MemberListRow[]>();
  for (const m of members) {
    byBranch.set(m.branch_id, [...(byBranch.get(m.branch_id) ?? []), m]);
  }
  const pointsAct = (
    rule: string,
    orgPath: string,
    at: number,
    evidence: string,
    approver: { id: string; name: string },
  ) =>
    ({
      id: id(at + 2 * HOUR),
      kind: 'points',
      rule_code: rule,
      category: ruleOf(rule)!.category,
      org_path: orgPath,
      evidence,
      note: null,
      source_type: 'demo',
      source_id: null,
      reverses_act_id: null,
      approver_id: approver.id,
      approver_name: approver.name,
      approved_at: at + 2 * HOUR,
      occurred_at: at,
      created_at: at + 2 * HOUR,
    }) satisfies ActRow;
  for (const [branchId, people] of byBranch) {
    const branch = byId.get(branchId);
    if (branch === undefined) {
      continue;
    }
    const village = villageOfPath(branch.path);
    const approver = village === undefined ? fallback : approverOf(village.id);
    for (let month = 0; month < 12; month++) {
      const at = yearAgo + (month * 30 + 10) * DAY_MS + 14 * HOUR;
      if (at > now - DAY_MS) {
        continue;
      }
      const present = people.filter(() => rand() < 0.88);
      credit(
        pointsAct('meeting', branch.path, at, `${branch.name}主题党日签到表`, approver),
        present.map((m) => ({ m, amount: 2, communityPath: m.community_path })),
      );
      const absent = people.filter((m) => !present.includes(m) && rand() < 0.3);
      if (absent.length > 0) {
        credit(
          pointsAct('absence', branch.path, at + HOUR, `${branch.name}主题党日缺席记录`, approver),
          absent.map((m) => ({ m, amount: -2, communityPath: m.community_path })),
        );
      }
      if (month % 3 === 1) {
        credit(
          pointsAct('study', branch.path, at + 5 * DAY_MS, '“学习强国”及集中学习记录', approver),
          people
            .filter(() => rand() < 0.75)
            .map((m) => ({ m, amount: 2 + Math.floor(rand() * 2), communityPath: m.community_path })),
        );
      }
    }
    const volunteers = people.filter((m) => (serviceCount.get(m.id) ?? 0) >= 2);
    if (volunteers.length > 0) {
      const at = today - 20 * DAY_MS + 10 * HOUR;
      credit(
        pointsAct('volunteering', branch.path, at, '社区报到服务记录（社区反馈）', approver),
        volunteers.map((m) => ({
          m,
          amount: Math.min(5, serviceCount.get(m.id) ?? 0),
          communityPath: m.community_path,
        })),
      );
    }
    if (rand() < 0.05 && people.length > 0) {
      credit(
        pointsAct('misconduct', branch.path, today - 90 * DAY_MS, '违反工作纪律，经支委会研究', approver),
        [{ m: pick(people), amount: -10, communityPath: null }],
      );
    }
  }
  const actIds = new Set(entries.map((e) => e.act_id));
  const postedActs = acts.filter((a) => actIds.has(a.id));
  const postedActIds = new Set(postedActs.map((a) => a.id));
  for (const a of activities) {
    if (a.act_id !== null && !postedActIds.has(a.act_id)) {
      a.act_id = null;
    }
  }

  // The demo member: one serving in 东市社区 (whose cadre is the demo account 'dongshi'), confirmed lately, who
  // signs in on the phone as 'zyz'.
  const memberById = new Map(members.map((m) => [m.id, m]));
  // Someone without an account yet: the linkage demo may already have given one of them its own.
  const candidates = servingIn.get(dongshi.id) ?? [];
  const withAccounts = await membersWithAccounts(
    db,
    candidates.map((m) => m.id),
  );
  const free = candidates.filter((m) => !withAccounts.has(m.id));
  const demo = free.find((m) => (serviceCount.get(m.id) ?? 0) > 0) ?? free[0];
  const demoReg = demo === undefined ? undefined : registrations.find((r) => r.member_id === demo.id);
  if (demoReg !== undefined) {
    demoReg.confirmed_at = today - 10 * DAY_MS + 10 * HOUR;
    demoReg.valid_until = demoReg.confirmed_at + CONFIRMATION_VALID_MS;
  }

  await db.transaction().execute(async (trx) => {
    const insert = <T extends keyof DB>(table: T, rows: readonly DB[T][]) =>
      bulkInsert(database, trx, table, rows);
    await insert('volunteer_registration', registrations);
    await insert('volunteer_post', posts);
    await insert('volunteer_post_claim', claims);
    await insert('volunteer_activity', activities);
    await insert('volunteer_signup', signups);
    await insert('points_act', postedActs);
    await insert('points_entry', entries);
    await insert('points_tally', [...tally.values()]);
    // The member record carries the community each confirmed registration names.
    for (const r of registrations) {
      const m = r.member_id === null ? undefined : memberById.get(r.member_id);
      if (m !== undefined && r.status === 'confirmed' && m.community_id !== r.community_id) {
        await setMemberCommunity(trx, dialect, m.id, { id: r.community_id, path: r.community_path }, now);
      }
    }
    if (demo !== undefined) {
      const userId = await seedUser(trx, {
        username: 'zyz',
        displayName: `在职党员${demo.name}`,
        passwordHash: await hashPassword(options.password),
        roles: [{ role: 'partyMember', orgId: demo.branch_id }],
        now,
      });
      if (userId !== null) {
        await seedMemberLink(trx, dialect, userId, demo.id, now);
      }
    }
  });
  await seedReliefDemo(database, {
    now,
    town,
    villages,
    helpers: members
      .filter((m) => (serviceCount.get(m.id) ?? 0) > 0)
      .slice(0, 40)
      .map((m) => ({ id: m.id, name: m.name })),
    demoMemberId: demo?.id ?? null,
    rand,
  });
  // Last quarter's feedback went out to the town's units and branches when the quarter ended, as the job sends it.
  const lastQuarter = quarterOf(quarterRange(quarterOf(now))!.from - 1);
  const drafts = await draftFeedback(database, lastQuarter, now, town.path);
  const sentAt = Math.min(now, quarterRange(lastQuarter)!.to + 9 * HOUR);
  await db.transaction().execute((trx) => sendFeedback(trx, dialect, lastQuarter, drafts, sentAt));
}
