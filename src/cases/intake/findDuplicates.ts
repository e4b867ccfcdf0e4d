// Open cases of the same category within the category's duplicate radius: shown to reporter and staff.
import type { CaseRepository, CaseRow } from '../repository.js';

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

export async function findDuplicates(
  repo: CaseRepository,
  c: Pick<CaseRow, 'id' | 'category_code' | 'lat' | 'lng'>,
  radiusM: number,
): Promise<Duplicate[]> {
  if (c.lat === null || c.lng === null) {
    return [];
  }
  const radius = radiusM;
  const dLat = radius / 111_320;
  const dLng = radius / (111_320 * Math.cos((c.lat * Math.PI) / 180));
  const near = await repo.openNear(c.category_code, c.lat, c.lng, dLat, dLng, c.id);
  return near
    .map((n) => ({
      id: n.id,
      categoryCode: n.category_code,
      description: n.description,
      address: n.address,
      reportedAt: n.reported_at,
      distanceM: Math.round(distanceM(c.lat!, c.lng!, n.lat!, n.lng!)),
    }))
    .filter((d) => d.distanceM <= radius)
    .sort((a, b) => a.distanceM - b.distanceM);
}
