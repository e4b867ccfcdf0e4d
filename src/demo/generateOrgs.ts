// Builds the demo district's party organisations, members, central households and households from the real spine,
// in the paper's proportions, deterministically from a seed, in batched inserts.
import { localYear } from '../platform/time.js';
import type { Database } from '../platform/db/database.js';
import type { FieldCipher } from '../platform/crypto.js';
import { householdSeeding, type CentralHouseholdRow, type HouseholdRow } from '../households/index.js';
import {
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  memberSeeding,
  type MemberRow,
  type Education,
} from '../members/index.js';
import {
  orgMetric,
  type OrgLevel,
  orgDirectory,
  type OrgRow,
  RollupDeltas,
  orgRollups,
  orgSeeding,
} from '../orgs/index.js';
import type { DB } from '../platform/db/schema.js';
import { subtreeUpper } from '../platform/db/database.js';
import {
  chineseName,
  chineseNumber,
  pickOne,
  pickWeighted,
  randInt,
  seededRandom,
  type Random,
} from './chineseNames.js';

/** The paper's figures for Tongzhou (张洁云): what scale 1 produces. */
export const PAPER_FIGURES = {
  branches: 757,
  groups: 2921,
  centralHouseholds: 9855,
  members: 57000,
  households: 100000,
  newFieldOrgs: 23,
  units: 8,
  /** 基层党组织: town committees, village general branches and every second-level branch ("2,200余个"). */
  grassrootsOrgs: 2200,
} as const;

/** What kind of body outside the administrative tree a party organisation sits in. */
export type BodyKind =
  'agency' | 'school' | 'hospital' | 'stateEnterprise' | 'privateEnterprise' | 'socialOrg';

/**
 * The bodies outside the administrative tree beyond PAPER_FIGURES' 31, each with one party branch, so that towns,
 * villages and branches together reach the paper's 2,200+ at scale 1 (17 + 278 + 757 + 1,170 = 2,222 on the
 * Tongzhou spine). Agencies and state enterprises sit in their town, the rest in the village or community they are in.
 */
export const OUTSIDE_BODIES: readonly {
  kind: BodyKind;
  level: 'unit' | 'newField';
  type: string;
  branchType: string;
  count: number;
  attach: 'town' | 'village';
  /** Party members of its branch, at least three (a branch needs three full members). */
  members: readonly [number, number];
}[] = [
  {
    kind: 'agency',
    level: 'unit',
    type: 'agency',
    branchType: 'branch',
    count: 260,
    attach: 'town',
    members: [5, 30],
  },
  {
    kind: 'school',
    level: 'unit',
    type: 'school',
    branchType: 'schoolBranch',
    count: 190,
    attach: 'village',
    members: [4, 25],
  },
  {
    kind: 'hospital',
    level: 'unit',
    type: 'hospital',
    branchType: 'hospitalBranch',
    count: 80,
    attach: 'village',
    members: [5, 35],
  },
  {
    kind: 'stateEnterprise',
    level: 'unit',
    type: 'stateOwned',
    branchType: 'enterpriseBranch',
    count: 110,
    attach: 'town',
    members: [5, 30],
  },
  {
    kind: 'privateEnterprise',
    level: 'newField',
    type: 'enterprise',
    branchType: 'enterpriseBranch',
    count: 380,
    attach: 'village',
    members: [3, 12],
  },
  {
    kind: 'socialOrg',
    level: 'newField',
    type: 'socialOrg',
    branchType: 'branch',
    count: 150,
    attach: 'village',
    members: [3, 8],
  },
];

const BODY_NAMES: Record<BodyKind, readonly string[]> = {
  agency: [
    '财政所',
    '司法所',
    '派出所',
    '市场监管分局',
    '税务分局',
    '农业农村服务中心',
    '文化体育服务中心',
    '供电所',
    '自然资源所',
    '人力资源和社会保障所',
    '综合行政执法中队',
    '应急管理办公室',
    '退役军人服务站',
    '水利站',
    '交警中队',
    '规划建设办公室',
  ],
  school: ['小学', '初级中学', '实验小学', '幼儿园', '中心小学', '高级中学'],
  hospital: ['卫生院', '社区卫生服务中心', '中医院分院', '人民医院分院', '妇幼保健所'],
  stateEnterprise: [
    '自来水公司',
    '供销合作社',
    '农商银行支行',
    '燃气公司',
    '城建公司',
    '邮政支局',
    '粮食购销公司',
  ],
  privateEnterprise: [
    '纺织有限公司',
    '机械制造有限公司',
    '电子科技有限公司',
    '建材有限公司',
    '家纺有限公司',
    '物流有限公司',
    '食品有限公司',
    '服饰有限公司',
  ],
  socialOrg: ['志愿者协会', '商会', '社工服务中心', '老年协会', '慈善会', '红白理事会'],
};

export type GenerateOrgsOptions = {
  seed: number;
  /** 1 = the paper's size; tests use 0.01. */
  scale?: number;
  cipher: FieldCipher;
  progress?: (stage: string, done: number, total: number) => void;
  /** Region codes for generated ID numbers (default Tongzhou's 320683 before 2009 and 320612); one per district keeps a province set unique. */
  idRegions?: readonly [string, ...string[]];
  /** The district root to fill (default: the first root). */
  districtId?: string;
  now?: number;
};

export type GenerateOrgsResult = {
  orgs: number;
  branches: number;
  /** Towns, villages and branches: the district's grassroots party organisations. */
  grassrootsOrgs: number;
  /** The bodies of OUTSIDE_BODIES generated, with their branches (also counted in branches). */
  outsideBodies: number;
  groups: number;
  members: number;
  centralHouseholds: number;
  households: number;
  ms: number;
};

type Rows = {
  orgs: OrgRow[];
  members: MemberRow[];
  transfers: Omit<DB['member_transfer'], 'id'>[];
  roles: DB['member_role'][];
  centrals: CentralHouseholdRow[];
  households: HouseholdRow[];
};

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Ids in the platform's format (time-ordered, opaque), drawn from the seeded generator. */
function idFactory(now: number, rand: Random): () => string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ID_ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  let counter = 0;
  return () => {
    counter += 1;
    let c = '';
    let n = counter;
    for (let i = 0; i < 6; i++) {
      c = ID_ALPHABET[n % 32]! + c;
      n = Math.floor(n / 32);
    }
    let r = '';
    for (let i = 0; i < 4; i++) {
      r += ID_ALPHABET[Math.floor(rand() * 32)]!;
    }
    return time + c + r;
  };
}

/** Splits total into n non-negative parts at random, each at least min when total allows. */
function split(rand: Random, total: number, n: number, min = 0): number[] {
  if (n === 0) {
    return [];
  }
  const base = Math.min(min, Math.floor(total / n));
  const parts: number[] = Array.from({ length: n }, () => base);
  const weights = Array.from({ length: n }, () => 0.5 + rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total - base * n;
  const extra = weights.map((w) => Math.floor((w / sum) * left));
  for (let i = 0; i < n; i++) {
    parts[i]! += extra[i]!;
    left -= extra[i]!;
  }
  for (let i = 0; left > 0; i = (i + 1) % n) {
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 985],
  ['回族', 5],
  ['满族', 3],
  ['蒙古族', 2],
  ['壮族', 2],
  ['土家族', 2],
  ['苗族', 1],
];

function educationFor(rand: Random, birthYear: number): Education {
  if (birthYear < 1955) {
    return pickWeighted(rand, [
      ['primary', 40],
      ['middleSchool', 35],
      ['highSchool', 15],
      ['secondary', 5],
      ['college', 5],
    ] as const);
  }
  if (birthYear < 1975) {
    return pickWeighted(rand, [
      ['middleSchool', 30],
      ['highSchool', 25],
      ['secondary', 15],
      ['college', 18],
      ['university', 10],
      ['postgraduate', 2],
    ] as const);
  }
  return pickWeighted(rand, [
    ['highSchool', 8],
    ['secondary', 10],
    ['college', 30],
    ['university', 42],
    ['postgraduate', 10],
  ] as const);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export async function generateOrgs(
  database: Database,
  options: GenerateOrgsOptions,
): Promise<GenerateOrgsResult> {
  const started = performance.now();
  const now = options.now ?? started;
  const scale = options.scale ?? 1;
  const rand = seededRandom(options.seed);
  const nextId = idFactory(now, rand);
  const cipher = options.cipher;
  const db = database.db;
  const orgRepo = orgDirectory(db, database.dialect);

  const root =
    options.districtId === undefined
      ? await orgRepo.findRoot()
      : await orgRepo.findByIdUnscoped(options.districtId);
  if (root === undefined) {
    throw new Error('generateOrgs needs the division spine (demo stage "spine") first');
  }
  const spine = await db
    .selectFrom('org')
    .selectAll()
    .where('path', '>=', root.path)
    .where('path', '<', subtreeUpper(root.path))
    .where('level', 'in', ['town', 'village'])
    .orderBy('code')
    .execute();
  const towns = spine.filter((o) => o.level === 'town');
  const villages = spine.filter((o) => o.level === 'village');
  const communitiesByTown = new Map<string, OrgRow[]>();
  for (const v of villages) {
    if (v.type === 'community' && v.parent_id !== null) {
      communitiesByTown.set(v.parent_id, [...(communitiesByTown.get(v.parent_id) ?? []), v]);
    }
  }

  const want = (n: number) => (scale <= 0 ? 0 : Math.max(1, Math.round(n * scale)));
  const rows: Rows = { orgs: [], members: [], transfers: [], roles: [], centrals: [], households: [] };
  const rollups = new RollupDeltas();

  const addOrg = (
    parent: OrgRow,
    level: OrgLevel,
    type: string,
    name: string,
    code: string | null,
  ): OrgRow => {
    const id = nextId();
    const row: OrgRow = {
      id,
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      level,
      type,
      name,
      code,
      status: 'active',
      founded_on: `${randInt(rand, 1950, 2020)}-${pad2(randInt(rand, 1, 12))}-01`,
      sort_key: code ?? name,
      attrs: null,
      created_at: now,
      updated_at: now,
      dissolved_at: null,
    };
    rows.orgs.push(row);
    rollups.add(row.path, orgMetric(level), 1);
    return row;
  };

  // ---- bodies outside the administrative tree: 两新组织 and 驻区单位, each with its own branch
  const outside: OrgRow[] = [];
  const newFieldKinds = [
    ['enterprise', '企业', 'enterpriseBranch'],
    ['socialOrg', '社会组织', 'branch'],
  ] as const;
  const unitKinds = [
    ['school', '中学', 'schoolBranch'],
    ['hospital', '人民医院分院', 'hospitalBranch'],
  ] as const;
  const nNewField = Math.min(want(PAPER_FIGURES.newFieldOrgs), PAPER_FIGURES.branches);
  for (let i = 0; i < nNewField; i++) {
    const town = towns[i % towns.length]!;
    const [type, label, branchType] = newFieldKinds[i % 3 === 2 ? 1 : 0];
    const place = town.name.replace(/(街道|镇|农场)$/, '');
    const org = addOrg(
      town,
      'newField',
      type,
      `${place}${type === 'enterprise' ? pickOne(rand, ['纺织', '机械', '电子', '建材', '家纺']) : pickOne(rand, ['志愿者协会', '商会', '社工服务中心'])}${label}`,
      null,
    );
    outside.push(addOrg(org, 'branch', branchType, `${org.name}党支部`, null));
  }
  const nUnits = want(PAPER_FIGURES.units);
  for (let i = 0; i < nUnits; i++) {
    const town = towns[(i * 3 + 1) % towns.length]!;
    const [type, label, branchType] = unitKinds[i % 2]!;
    const place = town.name.replace(/(街道|镇|农场)$/, '');
    const org = addOrg(town, 'unit', type, `通州区${place}${label}`, null);
    outside.push(addOrg(org, 'branch', branchType, `${org.name}党支部`, null));
  }

  // ---- the bodies of OUTSIDE_BODIES, each in its town or its village, with one party branch of its own kind
  const villagesOfTown = new Map<string, OrgRow[]>();
  for (const v of villages) {
    if (v.parent_id !== null) {
      villagesOfTown.set(v.parent_id, [...(villagesOfTown.get(v.parent_id) ?? []), v]);
    }
  }
  const bodyBranches: { branch: OrgRow; members: readonly [number, number] }[] = [];
  const namesUsed = new Map<string, number>();
  for (const body of OUTSIDE_BODIES) {
    const n = towns.length === 0 ? 0 : want(body.count);
    for (let i = 0; i < n; i++) {
      const town = towns[i % towns.length]!;
      const inTown = villagesOfTown.get(town.id) ?? [];
      const host = body.attach === 'village' && inTown.length > 0 ? pickOne(rand, inTown) : town;
      const place = host.level === 'town' ? host.name : host.name.replace(/(社区居委会|村委会|社区|村)$/, '');
      // In a town, the kinds take the next name of their list; in a village, any.
      const names = BODY_NAMES[body.kind];
      const suffix =
        host.level === 'town' ? names[Math.floor(i / towns.length) % names.length]! : pickOne(rand, names);
      const seen = (namesUsed.get(place + suffix) ?? 0) + 1;
      namesUsed.set(place + suffix, seen);
      const name = seen === 1 ? `${place}${suffix}` : `${place}第${chineseNumber(seen)}${suffix}`;
      const org = addOrg(host, body.level, body.type, name, null);
      bodyBranches.push({
        branch: addOrg(org, 'branch', body.branchType, `${name}党支部`, null),
        members: body.members,
      });
    }
  }

  // ---- second-level branches of villages and communities
  const villageBranchCount = Math.max(0, want(PAPER_FIGURES.branches) - outside.length);
  const perVillage =
    villageBranchCount >= villages.length
      ? split(rand, villageBranchCount, villages.length, 1)
      : villages.map((_, i) => (i < villageBranchCount ? 1 : 0));
  const villageBranches: { branch: OrgRow; village: OrgRow }[] = [];
  villages.forEach((village, vi) => {
    const n = perVillage[vi]!;
    for (let k = 1; k <= n; k++) {
      const isCommunity = village.type === 'community';
      const isRetired = k === n && n >= 3;
      const type = isRetired ? 'retiredBranch' : isCommunity && k > 1 ? 'gridBranch' : 'branch';
      const name = isRetired
        ? `${village.name}离退休党支部`
        : type === 'gridBranch'
          ? `${village.name}第${chineseNumber(k - 1)}网格党支部`
          : `${village.name}第${chineseNumber(k)}党支部`;
      const branch = addOrg(village, 'branch', type, name, `${village.code ?? ''}${pad2(k)}`);
      villageBranches.push({ branch, village });
    }
  });
  const branches = [...villageBranches.map((b) => b.branch), ...outside];

  // ---- party groups
  const groupsPerBranch = split(rand, Math.max(want(PAPER_FIGURES.groups), 0), branches.length, 1);
  const groupsOf = new Map<string, OrgRow[]>();
  branches.forEach((branch, bi) => {
    const list: OrgRow[] = [];
    for (let k = 1; k <= groupsPerBranch[bi]!; k++) {
      const isBuilding = branch.type === 'gridBranch' && k % 2 === 0;
      list.push(
        addOrg(
          branch,
          'group',
          isBuilding ? 'buildingGroup' : 'group',
          isBuilding ? `第${chineseNumber(k)}楼栋党小组` : `第${chineseNumber(k)}党小组`,
          branch.code === null ? null : `${branch.code}${pad2(k)}`,
        ),
      );
    }
    groupsOf.set(branch.id, list);
  });
  const villageOfBranch = new Map(villageBranches.map((b) => [b.branch.id, b.village]));
  const villageGroups = villageBranches.flatMap((b) => groupsOf.get(b.branch.id) ?? []);

  // ---- how many central households each village group leads, and how many members each group has
  const centralsPerGroup = split(rand, want(PAPER_FIGURES.centralHouseholds), villageGroups.length, 0);
  const totalMembers = want(PAPER_FIGURES.members);
  const allGroups = branches.flatMap((b) => groupsOf.get(b.id) ?? []);
  const groupOrder = new Map(allGroups.map((g, i) => [g.id, i]));
  const centralsOf = new Map(villageGroups.map((g, i) => [g.id, centralsPerGroup[i]!]));
  const baseline = allGroups.reduce((s, g) => s + (centralsOf.get(g.id) ?? 0) + 1, 0);
  // Every group needs its leader and its central-household heads; about a tenth of members sit in no group.
  // The bodies' branches take their members first, within what the village groups leave.
  const bodyMembers = bodyBranches.map((b) => randInt(rand, b.members[0], b.members[1]));
  const bodyBudget = Math.max(0, totalMembers - baseline);
  let bodySum = bodyMembers.reduce((a, b) => a + b, 0);
  for (let i = 0; bodySum > bodyBudget && bodyMembers.some((m) => m > 3); i = (i + 1) % bodyMembers.length) {
    if (bodyMembers[i]! > 3) {
      bodyMembers[i]! -= 1;
      bodySum -= 1;
    }
  }
  const spare = Math.max(0, totalMembers - baseline - bodySum);
  const extraPerGroup = split(rand, Math.round(spare * 0.9), allGroups.length, 0);
  const directPerBranch = split(rand, spare - Math.round(spare * 0.9), branches.length, 0);

  const usedIds = new Set<string>();
  let memberIndex = 0;
  const makeMember = (branch: OrgRow, group: OrgRow | null): MemberRow => {
    memberIndex += 1;
    const male = rand() < 0.7;
    const birthYear = pickWeighted(rand, [
      [randInt(rand, 1935, 1954), 22],
      [randInt(rand, 1955, 1969), 28],
      [randInt(rand, 1970, 1984), 25],
      [randInt(rand, 1985, 2003), 25],
    ] as const);
    const birth = `${birthYear}-${pad2(randInt(rand, 1, 12))}-${pad2(randInt(rand, 1, 28))}`;
    let idNumber = '';
    do {
      const region =
        options.idRegions === undefined
          ? birthYear < 2000 && rand() < 0.7
            ? '320683'
            : '320612'
          : pickOne(rand, options.idRegions);
      const seq = randInt(rand, 0, 499) * 2 + (male ? 1 : 0);
      idNumber = makeIdNumber(region, birth, seq);
    } while (usedIds.has(idNumber));
    usedIds.add(idNumber);
    // 100-xxxx-xxxx: no mainland mobile network uses the 100 prefix, so these can never reach anyone.
    const phone = rand() < 0.85 ? `100${String((memberIndex * 7919) % 100_000_000).padStart(8, '0')}` : null;
    const joinYear = Math.min(randInt(rand, birthYear + 18, birthYear + 45), localYear(now));
    const isProbationary = joinYear >= localYear(now) - 1 && rand() < 0.5;
    const id = nextId();
    const town = branch.path.split('/')[2] ?? '';
    const communities = communitiesByTown.get(town) ?? [];
    const community = rand() < 0.12 && communities.length > 0 ? pickOne(rand, communities) : null;
    const orgPath = (group ?? branch).path;
    rows.transfers.push({
      member_id: id,
      kind: 'join',
      from_branch_id: null,
      to_branch_id: branch.id,
      at: now,
      actor_id: null,
      reason: null,
    });
    rollups.add(orgPath, 'member', 1);
    return {
      id,
      name: chineseName(rand, male ? 'male' : 'female'),
      gender: male ? 'male' : 'female',
      birth_date: birth,
      ethnicity: pickWeighted(rand, ETHNICITIES),
      education: educationFor(rand, birthYear),
      id_number_enc: cipher.encrypt(idNumber),
      id_number_idx: cipher.blindIndex(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      phone_enc: phone === null ? null : cipher.encrypt(phone),
      phone_masked: phone === null ? null : maskPhone(phone),
      joined_on: `${joinYear}-${pad2(randInt(rand, 1, 12))}-01`,
      status: isProbationary ? 'probationary' : 'full',
      branch_id: branch.id,
      group_id: group?.id ?? null,
      org_path: orgPath,
      community_id: community?.id ?? null,
      community_path: community?.path ?? null,
      created_at: now,
      updated_at: now,
    };
  };

  const centralsByVillage = new Map<string, CentralHouseholdRow[]>();
  branches.forEach((branch, bi) => {
    const branchMembers: MemberRow[] = [];
    const groups = groupsOf.get(branch.id) ?? [];
    groups.forEach((group) => {
      const nCentral = centralsOf.get(group.id) ?? 0;
      const n = nCentral + 1 + (extraPerGroup[groupOrder.get(group.id) ?? -1] ?? 0);
      const members = Array.from({ length: n }, () => makeMember(branch, group));
      branchMembers.push(...members);
      rows.members.push(...members);
      rows.roles.push({ member_id: members[0]!.id, org_id: group.id, role: 'groupLeader', since: null });
      const village = villageOfBranch.get(branch.id);
      for (let k = 0; k < nCentral && village !== undefined; k++) {
        const head = members[k + 1]!;
        const central: CentralHouseholdRow = {
          id: nextId(),
          name: `${head.name}党员中心户`,
          head_member_id: head.id,
          group_id: group.id,
          group_path: group.path,
          status: 'active',
          created_at: now,
          updated_at: now,
        };
        rows.centrals.push(central);
        rollups.add(group.path, 'centralHousehold', 1);
        centralsByVillage.set(village.id, [...(centralsByVillage.get(village.id) ?? []), central]);
      }
    });
    const direct = Array.from({ length: directPerBranch[bi] ?? 0 }, () => makeMember(branch, null));
    branchMembers.push(...direct);
    rows.members.push(...direct);
    // Officers: a secretary and two committee members per branch; the first branch's secretary leads the village.
    const [secretary, ...rest] = branchMembers;
    if (secretary !== undefined) {
      rows.roles.push({ member_id: secretary.id, org_id: branch.id, role: 'secretary', since: null });
      for (const m of rest.slice(0, 2)) {
        rows.roles.push({ member_id: m.id, org_id: branch.id, role: 'committee', since: null });
      }
      const village = villageOfBranch.get(branch.id);
      if (
        village !== undefined &&
        villageBranches.find((b) => b.village.id === village.id)?.branch.id === branch.id
      ) {
        rows.roles.push({ member_id: secretary.id, org_id: village.id, role: 'secretary', since: null });
      }
    }
  });

  bodyBranches.forEach(({ branch }, bi) => {
    const members = Array.from({ length: bodyMembers[bi] ?? 0 }, () => makeMember(branch, null));
    rows.members.push(...members);
    const [secretary, ...rest] = members;
    if (secretary !== undefined) {
      rows.roles.push({ member_id: secretary.id, org_id: branch.id, role: 'secretary', since: null });
      for (const m of rest.slice(0, 2)) {
        rows.roles.push({ member_id: m.id, org_id: branch.id, role: 'committee', since: null });
      }
    }
  });

  // ---- households: 5–15 linked to each central household, the rest of the target unlinked in their village
  const totalHouseholds = want(PAPER_FIGURES.households);
  const linkedCounts = rows.centrals.map(() => randInt(rand, 5, 15));
  let linkedSum = linkedCounts.reduce((a, b) => a + b, 0);
  for (let i = 0; linkedSum > totalHouseholds && linkedCounts.length > 0; i = (i + 1) % linkedCounts.length) {
    if (linkedCounts[i]! > 5) {
      linkedCounts[i]! -= 1;
      linkedSum -= 1;
    } else if (linkedCounts.every((c) => c <= 5)) {
      break;
    }
  }
  const villageById = new Map(villages.map((v) => [v.id, v]));
  const centralOrder = new Map(rows.centrals.map((c, i) => [c.id, i]));
  const addressOf = (village: OrgRow): string =>
    village.type === 'community'
      ? `${village.name}${randInt(rand, 1, 40)}幢${randInt(rand, 1, 4)}单元${randInt(rand, 1, 6)}0${randInt(rand, 1, 4)}室`
      : `${village.name}${randInt(rand, 1, 18)}组${randInt(rand, 1, 80)}号`;
  const makeHousehold = (village: OrgRow, central: CentralHouseholdRow | null): HouseholdRow => {
    const orgPath = central?.group_path ?? village.path;
    rollups.add(orgPath, 'household', 1);
    return {
      id: nextId(),
      head_name: chineseName(rand, rand() < 0.6 ? 'male' : 'female'),
      address: addressOf(village),
      size: pickWeighted(rand, [
        [1, 10],
        [2, 25],
        [3, 30],
        [4, 20],
        [5, 10],
        [6, 5],
      ] as const),
      village_id: village.id,
      village_path: village.path,
      central_household_id: central?.id ?? null,
      org_path: orgPath,
      grid_id: null,
      lng: null,
      lat: null,
      created_at: now,
      updated_at: now,
    };
  };
  for (const [villageId, centrals] of centralsByVillage) {
    const village = villageById.get(villageId)!;
    for (const central of centrals) {
      const n = linkedCounts[centralOrder.get(central.id) ?? -1] ?? 0;
      for (let k = 0; k < n; k++) {
        rows.households.push(makeHousehold(village, central));
      }
    }
  }
  const unlinked = Math.max(0, totalHouseholds - rows.households.length);
  const villagesWithPeople = villages.filter((v) => centralsByVillage.has(v.id));
  const unlinkedPerVillage = split(rand, unlinked, villagesWithPeople.length, 0);
  villagesWithPeople.forEach((village, i) => {
    for (let k = 0; k < unlinkedPerVillage[i]!; k++) {
      rows.households.push(makeHousehold(village, null));
    }
  });

  // ---- write, in batches, in one transaction
  const total =
    rows.orgs.length +
    rows.members.length +
    rows.transfers.length +
    rows.roles.length +
    rows.centrals.length +
    rows.households.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    options.progress?.('orgs', done, total);
  };
  const chunk = 5000;
  await db.transaction().execute(async (trx) => {
    const orgs = orgSeeding(trx, database.dialect);
    const members = memberSeeding(trx, database.dialect);
    const households = householdSeeding(trx, database.dialect);
    await orgs.insertMany(rows.orgs);
    step(rows.orgs.length);
    for (let i = 0; i < rows.members.length; i += chunk) {
      await members.insertMany(rows.members.slice(i, i + chunk));
      step(Math.min(chunk, rows.members.length - i));
    }
    for (let i = 0; i < rows.transfers.length; i += chunk) {
      await members.insertTransfers(rows.transfers.slice(i, i + chunk));
      step(Math.min(chunk, rows.transfers.length - i));
    }
    await members.insertRoles(rows.roles);
    step(rows.roles.length);
    await households.insertCentralHouseholds(rows.centrals);
    step(rows.centrals.length);
    for (let i = 0; i < rows.households.length; i += chunk) {
      await households.insertHouseholds(rows.households.slice(i, i + chunk));
      step(Math.min(chunk, rows.households.length - i));
    }
    await orgRollups(trx, database.dialect).addRollups(rollups.values);
  });
  return {
    orgs: rows.orgs.length,
    branches: branches.length + bodyBranches.length,
    grassrootsOrgs: towns.length + villages.length + branches.length + bodyBranches.length,
    outsideBodies: bodyBranches.length,
    groups: allGroups.length,
    members: rows.members.length,
    centralHouseholds: rows.centrals.length,
    households: rows.households.length,
    ms: Math.round(performance.now() - started),
  };
}
