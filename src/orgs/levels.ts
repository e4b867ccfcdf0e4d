// Organisation levels and which level may sit under which: the five-level tree plus bodies outside it.
export const orgLevels = [
  'district',
  'town',
  'village',
  'branch',
  'group',
  'department',
  'unit',
  'newField',
] as const;
export type OrgLevel = (typeof orgLevels)[number];

export const orgTypes: Record<OrgLevel, readonly string[]> = {
  district: ['districtCommittee'],
  town: ['street', 'town', 'farm'],
  village: ['community', 'village'],
  branch: ['branch', 'gridBranch', 'retiredBranch', 'enterpriseBranch', 'schoolBranch', 'hospitalBranch'],
  group: ['group', 'buildingGroup'],
  department: ['districtDepartment', 'platformOffice'],
  unit: ['agency', 'school', 'hospital', 'enterprise', 'stateOwned'],
  newField: ['enterprise', 'socialOrg', 'school', 'hospital'],
};

const allowedParents: Record<OrgLevel, readonly OrgLevel[]> = {
  district: [],
  town: ['district'],
  village: ['town'],
  branch: ['village', 'newField', 'unit', 'department', 'town'],
  group: ['branch', 'village'],
  department: ['district', 'town'],
  unit: ['district', 'town', 'village'],
  newField: ['district', 'town', 'village'],
};

export function isOrgLevel(value: string): value is OrgLevel {
  return (orgLevels as readonly string[]).includes(value);
}

export function mayParent(parent: OrgLevel, child: OrgLevel): boolean {
  return allowedParents[child].includes(parent);
}

/** The roll-up metric that counts organisations of a level. */
export const orgMetric = (level: OrgLevel): string => `org.${level}`;
