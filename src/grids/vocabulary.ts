// The closed vocabularies of the grid module.
export const gridTypes = ['basic', 'dedicated'] as const;
export type GridType = (typeof gridTypes)[number];

/** Kinds of 专属网格. */
export const gridSubTypes = ['school', 'hospital', 'enterprise', 'park', 'market', 'agency'] as const;
export type GridSubType = (typeof gridSubTypes)[number];

/** The five nets merged into one grid (五网合一). */
export const nets = [
  'partyBuilding',
  'environment',
  'illegalConstruction',
  'petitionStability',
  'workSafety',
] as const;
export type Net = (typeof nets)[number];

/** The party organisation built on a grid: 网格党支部, 楼栋党小组 or 党员中心户. */
export const partyOrgKinds = ['branch', 'group', 'centralHousehold'] as const;
export type PartyOrgKind = (typeof partyOrgKinds)[number];

export const staffRoles = ['leader', 'worker'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const gridStatuses = ['active', 'retired'] as const;
export type GridStatus = (typeof gridStatuses)[number];

export const gridChanges = ['create', 'redraw', 'split', 'merge', 'retire', 'import'] as const;
export type GridChange = (typeof gridChanges)[number];

/** The roll-up metric counting active grids. */
export const GRID_METRIC = 'grid';

/** 12-digit village code + 3-digit sequence. */
export const GRID_CODE = /^\d{12}\d{3}$/;

export const isGridSubType = (v: string): v is GridSubType => (gridSubTypes as readonly string[]).includes(v);
export const isNet = (v: string): v is Net => (nets as readonly string[]).includes(v);
