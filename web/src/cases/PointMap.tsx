// A small Leaflet map with one point; clickable to pick a point. No base tiles unless the server names a tile URL.
import { useEffect } from 'react';
import { CircleMarker, GeoJSON, MapContainer, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { api } from '../api/client';
import { useLoader } from '../common/useLoader';
import { fetchOutlines } from '../grids/api';

export type Point = { lng: number; lat: number };

const TONGZHOU_CENTRE: [number, number] = [32.065, 121.07];

const Follow = ({ point }: { point: Point | null }) => {
  const map = useMap();
  useEffect(() => {
    if (point !== null) {
      map.setView([point.lat, point.lng], Math.max(map.getZoom(), 14));
    }
  }, [map, point]);
  return null;
};

/** Without a point, show the whole area the caller works in. */
const FitOutlines = ({ data, point }: { data: unknown; point: Point | null }) => {
  const map = useMap();
  useEffect(() => {
    if (point !== null) {
      return;
    }
    const bounds = L.geoJSON(data as GeoJSON.FeatureCollection).getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds);
    }
    // Fit once per outline load, not on every pick.
  }, [map, data]);
  return null;
};

const ClickToPick = ({ onPick }: { onPick: (point: Point) => void }) => {
  useMapEvents({
    click: (event) => {
      onPick({ lng: Number(event.latlng.lng.toFixed(6)), lat: Number(event.latlng.lat.toFixed(6)) });
    },
  });
  return null;
};

type Props = {
  point: Point | null;
  onPick?: (point: Point) => void;
  height?: number;
  /** Draw the town boundaries (staff with grid.read only; the public has no outline API). */
  hasOutlines?: boolean;
};

export const PointMap = ({ point, onPick, height = 220, hasOutlines = false }: Props) => {
  const config = useLoader(
    (signal) => api.get<{ tileUrl: string | null }>('/api/grids/map-config', { signal }),
    [],
  );
  const outlines = useLoader(
    (signal) => (hasOutlines ? fetchOutlines('town', signal) : Promise.resolve(null)),
    [hasOutlines],
  );
  const tileUrl = config.data?.tileUrl ?? null;
  return (
    <MapContainer
      center={point === null ? TONGZHOU_CENTRE : [point.lat, point.lng]}
      zoom={point === null ? 11 : 15}
      style={{
        height,
        width: '100%',
        background: '#eef3f7',
        borderRadius: 6,
        cursor: onPick === undefined ? 'default' : 'crosshair',
      }}
      attributionControl={tileUrl !== null}
    >
      {tileUrl === null ? null : <TileLayer url={tileUrl} />}
      {outlines.data === undefined || outlines.data === null ? null : (
        <GeoJSON
          data={outlines.data}
          style={{ color: '#8c8c8c', weight: 1, fill: false }}
          interactive={false}
        />
      )}
      {outlines.data === undefined || outlines.data === null ? null : (
        <FitOutlines data={outlines.data} point={point} />
      )}
      {point === null ? null : (
        <CircleMarker
          center={[point.lat, point.lng]}
          radius={9}
          pathOptions={{ color: '#c8161d', fillColor: '#c8161d', fillOpacity: 0.6, weight: 2 }}
        />
      )}
      <Follow point={point} />
      {onPick === undefined ? null : <ClickToPick onPick={onPick} />}
    </MapContainer>
  );
};
