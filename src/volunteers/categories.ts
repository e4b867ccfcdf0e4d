// The paper's categories of volunteer service (在职党员进社区 posts and activities).
export const serviceCategories = [
  'organisationBuilding',
  'legalAid',
  'needyAndDisabled',
  'communityGovernance',
  'health',
  'cultureSport',
  'safetyPatrol',
  'other',
] as const;
export type ServiceCategory = (typeof serviceCategories)[number];
