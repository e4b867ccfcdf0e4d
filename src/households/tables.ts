// Table types of the household module: central households (党员中心户) and the households they link.
export type CentralHouseholdTable = {
  id: string;
  name: string;
  head_member_id: string;
  group_id: string;
  group_path: string;
  status: string;
  created_at: number;
  updated_at: number;
};

export type HouseholdTable = {
  id: string;
  head_name: string;
  address: string;
  size: number;
  village_id: string;
  village_path: string;
  central_household_id: string | null;
  org_path: string;
  grid_id: string | null;
  lng: number | null;
  lat: number | null;
  created_at: number;
  updated_at: number;
};

export type HouseholdTables = {
  central_household: CentralHouseholdTable;
  household: HouseholdTable;
};
