// The demo accounts: one per role, attached to real organisations of Tongzhou.
import type { Database } from '../platform/db/database.js';
import { type Role } from '../access/index.js';
import { hashPassword, seedUser } from '../identity/index.js';
import { orgDirectory } from '../orgs/index.js';

export type DemoAccount = {
  username: string;
  displayName: string;
  roles: { role: Role; orgCode: string }[];
};

export const demoAccounts: DemoAccount[] = [
  { username: 'admin', displayName: '区管理员', roles: [{ role: 'districtAdmin', orgCode: '320612' }] },
  { username: 'zzb', displayName: '区委组织部', roles: [{ role: 'orgDepartment', orgCode: '320612' }] },
  {
    username: 'qzh',
    displayName: '区综合指挥中心',
    roles: [
      { role: 'districtCommand', orgCode: '320612' },
      { role: 'townCommand', orgCode: '320612001' },
    ],
  },
  {
    username: 'jinsha',
    displayName: '金沙街道指挥中心',
    roles: [{ role: 'townCommand', orgCode: '320612001' }],
  },
  {
    username: 'jsadmin',
    displayName: '金沙街道管理员',
    roles: [{ role: 'townAdmin', orgCode: '320612001' }],
  },
  {
    username: 'shigang',
    displayName: '石港镇指挥中心',
    roles: [{ role: 'townCommand', orgCode: '320612110' }],
  },
  {
    username: 'dongshi',
    displayName: '东市社区书记',
    roles: [{ role: 'villageCadre', orgCode: '320612001001' }],
  },
];

export async function seedDemoUsers(database: Database, password: string, now: number): Promise<void> {
  const passwordHash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    const orgs = orgDirectory(trx, database.dialect);
    for (const account of demoAccounts) {
      const roles: { role: Role; orgId: string }[] = [];
      for (const r of account.roles) {
        const org = await orgs.findByCode(r.orgCode);
        if (org === undefined) {
          throw new Error(`demo account ${account.username}: no organisation with code ${r.orgCode}`);
        }
        roles.push({ role: r.role, orgId: org.id });
      }
      await seedUser(trx, {
        username: account.username,
        displayName: account.displayName,
        passwordHash,
        roles,
        now,
      });
    }
  });
}
