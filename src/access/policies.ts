// Authorisation in one place: which role may do which action. Record scope (the org subtree) is applied by repositories.
export const roles = [
  'districtAdmin',
  'townAdmin',
  'orgDepartment',
  'districtCommand',
  'townCommand',
  'departmentHandler',
  'villageCadre',
  'gridWorker',
  'partyMember',
  'resident',
] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'org.read',
  'org.write',
  'member.read',
  'member.write',
  'member.reveal',
  'member.export',
  'household.read',
  'household.write',
  'grid.read',
  'grid.write',
  'grid.overrideOverlap',
  'patrol.own',
  'case.read',
  'case.report',
  'case.command',
  'case.handle',
  'case.check',
  'case.export',
  'case.revealReporter',
  'catalogue.write',
  'calendar.write',
  'indicator.read',
  'audit.read',
  'admin.users',
  'admin.tokens',
  'admin.webhooks',
  'council.read',
  'council.write',
  'council.vote',
  'linkage.serve',
  'linkage.handle',
  'linkage.read',
] as const;
export type Action = (typeof actions)[number];

const READ_ORG: Action[] = [
  'org.read',
  'member.read',
  'household.read',
  'grid.read',
  'case.read',
  'indicator.read',
  'council.read',
];

const grants: Record<Role, readonly Action[]> = {
  districtAdmin: [
    ...READ_ORG,
    'linkage.read',
    'org.write',
    'member.write',
    'member.reveal',
    'member.export',
    'household.write',
    'grid.write',
    'grid.overrideOverlap',
    'catalogue.write',
    'calendar.write',
    'audit.read',
    'admin.users',
    'admin.tokens',
    'admin.webhooks',
    'case.export',
    'council.write',
  ],
  // A town's own administrator: the users and role assignments of the town's subtree (scope applied by identity).
  townAdmin: ['org.read', 'member.read', 'grid.read', 'admin.users'],
  orgDepartment: [
    ...READ_ORG,
    'linkage.read',
    'org.write',
    'member.write',
    'member.reveal',
    'member.export',
    'household.write',
  ],
  districtCommand: [
    ...READ_ORG,
    'linkage.read',
    'linkage.handle',
    'case.report',
    'case.command',
    'case.export',
    'case.revealReporter',
    'grid.write',
    'grid.overrideOverlap',
  ],
  townCommand: [
    ...READ_ORG,
    'linkage.read',
    'linkage.handle',
    'case.report',
    'case.command',
    'case.export',
    'case.revealReporter',
    'grid.write',
    'member.write',
    'household.write',
    'council.write',
    'council.vote',
  ],
  departmentHandler: ['org.read', 'case.read', 'case.handle', 'indicator.read'],
  villageCadre: [
    ...READ_ORG,
    'linkage.serve',
    'linkage.read',
    'linkage.handle',
    'member.write',
    'household.write',
    'case.report',
    'member.reveal',
    'council.write',
    'council.vote',
  ],
  gridWorker: [
    'linkage.serve',
    'linkage.read',
    'linkage.handle',
    'org.read',
    'grid.read',
    'household.read',
    'case.read',
    'case.report',
    'case.check',
    'patrol.own',
  ],
  // The linkage seat (head of a central household, group leader, branch secretary) is checked by src/linkage.
  partyMember: ['org.read', 'case.report', 'council.vote', 'linkage.serve', 'linkage.read', 'linkage.handle'],
  resident: ['case.report', 'council.vote'],
};

export function abilitiesOf(role: Role): Action[] {
  return [...grants[role]];
}

export function roleMay(role: Role, action: Action): boolean {
  return grants[role].includes(action);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
