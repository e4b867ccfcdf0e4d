// The party organisation built on a grid: a 网格党支部 or 楼栋党小组 of the grid's village, or a 党员中心户.
import { AppError } from '../platform/errors.js';
import type { Database } from '../platform/db/database.js';
import { isInScope } from '../access/index.js';
import { householdDirectory } from '../households/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { PartyOrgKind } from './vocabulary.js';

export type PartyOrgInput = { kind: PartyOrgKind; id: string };
export type PartyOrgColumns = {
  kind: PartyOrgKind | null;
  orgId: string | null;
  centralHouseholdId: string | null;
};

const invalid = (field: string) =>
  new AppError('request.invalid', {
    errors: [{ field, message: 'not a party organisation of this village' }],
  });

export async function checkPartyOrg(
  database: Database,
  village: OrgRow,
  input: PartyOrgInput | null,
): Promise<PartyOrgColumns> {
  if (input === null) {
    return { kind: null, orgId: null, centralHouseholdId: null };
  }
  switch (input.kind) {
    case 'branch':
    case 'group': {
      const org = await orgDirectory(database.db, database.dialect).findByIdUnscoped(input.id);
      if (
        org?.level !== input.kind ||
        !isInScope({ path: village.path }, org.path) ||
        org.status !== 'active'
      ) {
        throw invalid('partyOrg.id');
      }
      return { kind: input.kind, orgId: org.id, centralHouseholdId: null };
    }
    case 'centralHousehold': {
      const row = await householdDirectory(database.db, database.dialect).findCentral(
        { path: village.path },
        input.id,
      );
      if (row === undefined) {
        throw invalid('partyOrg.id');
      }
      return { kind: 'centralHousehold', orgId: null, centralHouseholdId: row.id };
    }
  }
}
