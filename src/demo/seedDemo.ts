// Builds the demo district on first start, stage by stage; each finished stage is remembered, so a restart skips it.
import { seedAllianceDemo } from '../alliance/index.js';
import { seedCommandDemo } from '../command/index.js';
import { systemClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { getSetting, putSetting } from '../platform/settings.js';
import { seedSpine } from '../orgs/index.js';
import { seedCatalogue, seedDepartments, generateCases, sealLegacyCaseText } from '../cases/index.js';
import { seedConsultationDemo } from '../consultations/index.js';
import { seedVolunteerDemo } from '../volunteers/index.js';
import { seedAssessmentDemo } from '../assessment/index.js';
import { seedListsDemo } from '../lists/index.js';
import type { FieldCipher } from '../platform/crypto.js';
import { isRole } from '../access/index.js';
import { seedDemoLinkage } from '../linkage/index.js';
import { seedSurveyDemo } from '../surveys/index.js';
import { seedTalentDemo } from '../talent/index.js';
import { seedDemoUsers, type DemoAccount } from './demoUsers.js';
import { generateOrgs } from './generateOrgs.js';
import { seedDemoGrids } from './seedGrids.js';

export type DemoProgress = (stage: string, done: number, total: number) => void;

export type DemoOptions = {
  seed: number;
  password: string;
  progress?: DemoProgress;
  /** Encrypts personal data the demo generates (stage 'orgs'). */
  cipher?: FieldCipher;
  /** Size of the generated organisation system; 1 = the paper's figures. */
  orgScale?: number;
  /** Cases generated over the past year (stage 'cases'). */
  caseCount?: number;
  /** Run only these stages (tests keep the demo small). */
  stages?: string[];
  /** The instant the demo is built at (the platform clock's reading); its past year ends here. */
  now?: number;
};

export type DemoStage = {
  name: string;
  run(database: Database, options: DemoOptions, now: number): Promise<void>;
};

const stages: DemoStage[] = [
  {
    name: 'spine',
    async run(database, _options, now) {
      await seedSpine(database.db, database.dialect, now);
    },
  },
  {
    // Base data, also without the demo: the default case catalogue as version 1.
    name: 'catalogue',
    async run(database, _options, now) {
      await seedCatalogue(database.db, now);
    },
  },
  {
    // Base, once per installation: case descriptions written before they were sealed get sealed now.
    name: 'caseTextSeal',
    async run(database, options) {
      if (options.cipher === undefined) {
        throw new Error('stage "caseTextSeal" needs the field cipher');
      }
      await sealLegacyCaseText(database.db, options.cipher);
    },
  },
  {
    name: 'users',
    async run(database, options, now) {
      await seedDemoUsers(database, options.password, now);
    },
  },
  {
    name: 'orgs',
    async run(database, options, now) {
      if (options.cipher === undefined) {
        throw new Error('demo stage "orgs" needs the field cipher');
      }
      await generateOrgs(database, {
        seed: options.seed,
        scale: options.orgScale ?? 1,
        cipher: options.cipher,
        progress: options.progress,
        now,
      });
    },
  },
  {
    // After 'orgs' (party organisations to build on grids) and the households it places.
    name: 'grids',
    async run(database, options, now) {
      await seedDemoGrids(database, options, now);
    },
  },
  {
    // District departments, town platform offices, the default responsibility list and handler accounts.
    name: 'departments',
    async run(database, options, now) {
      await seedDepartments(database, options.password, now);
    },
  },
  {
    // About a year of cases at the district's rate, with realistic histories, so every queue and indicator has data.
    name: 'cases',
    async run(database, options, now) {
      if (options.cipher === undefined) {
        throw new Error('demo stage "cases" needs the field cipher');
      }
      await generateCases(database, {
        seed: options.seed,
        count: options.caseCount ?? 120_000,
        days: 365,
        now,
        cipher: options.cipher,
        progress: options.progress,
      });
    },
  },
  {
    // A council in every town and village with its standing members, and a year of consultations in some of them.
    name: 'consultations',
    async run(database, options, now) {
      if (options.cipher === undefined) {
        throw new Error('demo stage "consultations" needs the field cipher');
      }
      await seedConsultationDemo(database, {
        seed: options.seed,
        now,
        cipher: options.cipher,
        withActivity: true,
      });
    },
  },
  {
    // After 'cases' and 'consultations' (an appeal may end as a topic of its village's council): a year of visits
    // and appeals along the chain, and the demo head account 'zxh'.
    name: 'linkage',
    async run(database, options, now) {
      if (options.cipher === undefined) {
        throw new Error('demo stage "linkage" needs the field cipher');
      }
      await seedDemoLinkage(database, {
        seed: options.seed,
        password: options.password,
        cipher: options.cipher,
        now,
      });
    },
  },
  {
    // After 'orgs': a year of 双报到 registrations, posts, activities, confirmed hours and party-member points in
    // 金沙街道, and the demo member account 'zyz'.
    name: 'volunteers',
    async run(database, options, now) {
      await seedVolunteerDemo(database, { seed: options.seed, password: options.password, now });
    },
  },
  {
    // After 'cases': the district's lists for towns, villages and grids, 金沙街道's town list, the grid task
    // admission list with applications in every state, and eight weeks of grid tasks for the burden meter.
    name: 'lists',
    async run(database, _options, now) {
      await seedListsDemo(database, { now });
    },
  },
  {
    // After 'orgs' (the households it samples) and before 'assessment' (which reads last year's survey): last
    // year's satisfaction survey answered and closed, this year's open.
    name: 'surveys',
    async run(database, options, now) {
      if (options.cipher === undefined) {
        throw new Error('demo stage "surveys" needs the field cipher');
      }
      await seedSurveyDemo(database, { seed: options.seed, now, cipher: options.cipher });
    },
  },
  {
    // After the stages it computes from (orgs, cases, linkage, consultations): last year's five-star cycle completed
    // with its notice, objections and stars, and this year's in progress.
    name: 'assessment',
    async run(database, options, now) {
      await seedAssessmentDemo(database, { seed: options.seed, now });
    },
  },
  {
    // After 'orgs' (the units it takes in): 金沙街道's regional party-building alliance with its communities and
    // units, their commitments, the three lists and agreements at every stage.
    name: 'alliance',
    async run(database, _options, now) {
      await seedAllianceDemo(database, { now });
    },
  },
  {
    // After the stages whose needs it puts talents to (volunteers, consultations, alliance) and before 'command'
    // (whose stored tiles count it): the district's talent pool and a year of its assignments.
    name: 'talent',
    async run(database, options, now) {
      if (options.cipher === undefined) {
        throw new Error('demo stage "talent" needs the field cipher');
      }
      await seedTalentDemo(database, { seed: options.seed, now, cipher: options.cipher });
    },
  },
  {
    // Last, after every stage whose records it reads: the district's and 金沙街道's early-warning rules, a few days
    // of hotline reports in three 金沙街道 communities for them to catch, one run of them at the present with an alert turned into a topic and one supervised and finished, the busiest screens'
    // stored tiles counted.
    name: 'command',
    async run(database, options, now) {
      if (options.cipher === undefined) {
        throw new Error('demo stage "command" needs the field cipher');
      }
      await seedCommandDemo(database, { now, cipher: options.cipher });
    },
  },
];

/** Stages that every installation needs, demo or not. */
export const baseStages = ['spine', 'catalogue', 'caseTextSeal'];

export type DemoResult = { ranStages: string[]; accounts: DemoAccount[] };

export async function seedDemo(database: Database, options: DemoOptions): Promise<DemoResult> {
  const ran: string[] = [];
  for (const stage of stages) {
    if (options.stages !== undefined && !options.stages.includes(stage.name)) {
      continue;
    }
    const key = `demo.stage.${stage.name}`;
    if ((await getSetting(database.db, key)) !== null) {
      continue;
    }
    const now = options.now ?? systemClock().now();
    const started = performance.now();
    await stage.run(database, options, now);
    await putSetting(database.db, key, String(Math.round(performance.now() - started)), now);
    ran.push(stage.name);
  }
  return { ranStages: ran, accounts: await demoAccountsPresent(database) };
}

/** Every demo account present, with its roles: the fixed ones and those the stages added (handlers, grid worker). */
async function demoAccountsPresent(database: Database): Promise<DemoAccount[]> {
  const rows = await database.db
    .selectFrom('app_user')
    .innerJoin('user_role', 'user_role.user_id', 'app_user.id')
    .innerJoin('org', 'org.id', 'user_role.org_id')
    .select(['app_user.username', 'app_user.display_name', 'user_role.role', 'org.code'])
    .orderBy('user_role.created_at')
    .execute();
  const byUser = new Map<string, DemoAccount>();
  for (const r of rows) {
    const account = byUser.get(r.username) ?? {
      username: r.username,
      displayName: r.display_name,
      roles: [],
    };
    if (isRole(r.role)) {
      account.roles.push({ role: r.role, orgCode: r.code ?? '' });
    }
    byUser.set(r.username, account);
  }
  return [...byUser.values()];
}
