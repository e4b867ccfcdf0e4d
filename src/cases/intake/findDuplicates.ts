// Open cases of the same category within the category's duplicate radius: listed to staff within their scope,
// counted for the public.
import type { CaseRepository, CaseRow, CaseScope } from '../repository.js';

export type Duplicate = {
  id: string;
  categoryCode: string;
  description: string;
  address: string | null;
  reportedAt: number;
  distanceM: number;
};

const EARTH_M = 6_371_008.8;

export function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.sqrt(a));
}

type Near = Pick<CaseRow, 'id' | 'category_code' | 'lat' | 'lng'>;

async function nearby(repo: CaseRepository, scope: CaseScope | null, c: Near, radius: number) {
  if (c.lat === null || c.lng === null) {
    return [];
  }
  const { lat, lng } = c;
  const dLat = radius / 111_320;
  const dLng = radius / (111_320 * Math.cos((lat * Math.PI) / 180));
  const near = await repo.openNear(scope, c.category_code, lat, lng, dLat, dLng, c.id);
  return near
    .map((n) => ({ row: n, distanceM: Math.round(distanceM(lat, lng, n.lat!, n.lng!)) }))
    .filter((d) => d.distanceM <= radius);
}

/** The possible duplicates the caller may open: filtered by the caller's case scope in SQL. */
export async function findDuplicates(
  repo: CaseRepository,
  scope: CaseScope,
  c: Near,
  radiusM: number,
): Promise<Duplicate[]> {
  return (await nearby(repo, scope, c, radiusM))
    .map(({ row: n, distanceM }) => ({
      id: n.id,
      categoryCode: n.category_code,
      description: n.description,
      address: n.address,
      reportedAt: n.reported_at,
      distanceM,
    }))
    .sort((a, b) => a.distanceM - b.distanceM);
}

/** How many open reports of the category are nearby, whoever's: all a public reporter learns of them. */
export async function countDuplicates(repo: CaseRepository, c: Near, radiusM: number): Promise<number> {
  return (await nearby(repo, null, c, radiusM)).length;
}
