// WGS-84 ↔ GCJ-02 against published reference pairs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromWgs84, toWgs84 } from './crs.js';

// Reference pairs of the eviltransform project's test suite (github.com/googollee/eviltransform, MIT),
// reproduced by its ports in many languages: [WGS-84 lat, lng, GCJ-02 lat, lng].
const PAIRS: [string, number, number, number, number][] = [
  ['Shanghai', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
  ['Shenzhen', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
  ['Beijing', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
];

describe('coordinate systems', () => {
  for (const [place, wLat, wLng, gLat, gLng] of PAIRS) {
    it(`WGS-84 → GCJ-02 matches the reference for ${place}`, () => {
      const [lng, lat] = fromWgs84(wLng, wLat, 'gcj02');
      assert.ok(Math.abs(lng - gLng) < 1e-9 && Math.abs(lat - gLat) < 1e-9, `${lng},${lat}`);
    });
    it(`GCJ-02 → WGS-84 comes back within 1e-6° (≈ 0.1 m) for ${place}`, () => {
      const [lng, lat] = toWgs84(gLng, gLat, 'gcj02');
      assert.ok(Math.abs(lng - wLng) < 1e-6 && Math.abs(lat - wLat) < 1e-6, `${lng},${lat}`);
    });
  }

  it('leaves WGS-84 as it is, and shifts Tongzhou by the expected few hundred metres', () => {
    assert.deepEqual(toWgs84(121.07, 32.07, 'wgs84'), [121.07, 32.07]);
    const [lng, lat] = fromWgs84(121.07, 32.07, 'gcj02');
    const metres = Math.hypot((lng - 121.07) * 94_400, (lat - 32.07) * 111_000);
    assert.ok(metres > 300 && metres < 700, `${metres} m`);
  });
});
