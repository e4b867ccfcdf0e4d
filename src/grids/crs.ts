// Coordinates arrive in WGS-84 (GPS) or GCJ-02 (Chinese map SDKs and phones); everything is stored in WGS-84.
import gcoord from 'gcoord';

export const crsList = ['wgs84', 'gcj02'] as const;
export type Crs = (typeof crsList)[number];

export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  switch (crs) {
    case 'wgs84':
      return [lng, lat];
    case 'gcj02':
      return gcoord.transform<[number, number]>([lng, lat], gcoord.GCJ02, gcoord.WGS84);
  }
}

export function fromWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  switch (crs) {
    case 'wgs84':
      return [lng, lat];
    case 'gcj02':
      return gcoord.transform<[number, number]>([lng, lat], gcoord.WGS84, gcoord.GCJ02);
  }
}
