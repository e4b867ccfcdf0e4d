// The grid map: no base layer unless a tile URL is configured, boundaries, grid outlines coloured by type or net,
// click to select, and drawing/editing with snapping (Leaflet + leaflet-geoman) for users who may write.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import type {} from '@geoman-io/leaflet-geoman-free';
import 'leaflet/dist/leaflet.css';
import { useGeoman } from './leafletGlobal';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import type { Collection, Geometry, GridFeature, NetKey, OutlineFeature } from './api';

export type ColourMode = { by: 'type' } | { by: 'net'; net: NetKey };

export type MapMode = { kind: 'view' } | { kind: 'draw' } | { kind: 'edit'; gridId: string };

type Props = {
  tileUrl: string | null;
  grids: Collection<GridFeature> | undefined;
  outlines: {
    district?: Collection<OutlineFeature>;
    town?: Collection<OutlineFeature>;
    village?: Collection<OutlineFeature>;
  };
  colour: ColourMode;
  selectedId: string | null;
  onSelect: (id: string) => void;
  highlights: { gaps: Geometry[]; overlaps: Geometry[] };
  mode: MapMode;
  /** Called when a new polygon is drawn, or an edited one changes. */
  onShape: (geometry: Geometry) => void;
  height: number | string;
};

const TYPE_COLOURS: Record<string, string> = { basic: '#1677ff', dedicated: '#fa8c16' };

const styleOf = (f: GridFeature, colour: ColourMode, isSelected: boolean): L.PathOptions => {
  const base =
    colour.by === 'type'
      ? (TYPE_COLOURS[f.properties.type] ?? '#1677ff')
      : f.properties.nets.includes(colour.net)
        ? '#389e0d'
        : '#bfbfbf';
  return {
    color: isSelected ? '#cf1322' : base,
    weight: isSelected ? 3 : 1,
    fillColor: base,
    fillOpacity: isSelected ? 0.35 : 0.12,
    className: `tx-grid tx-grid-${f.properties.code}`,
  };
};

const Layers = (props: Props) => {
  const map = useMap();
  const gridLayer = useRef<L.GeoJSON | null>(null);
  const byId = useRef(new Map<string, L.Path>());
  const hasFitted = useRef(false);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;
  const onShape = useRef(props.onShape);
  onShape.current = props.onShape;

  // The map's box changes when the card opens beside it; Leaflet must be told.
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      map.invalidateSize();
    });
    observer.observe(map.getContainer());
    return () => {
      observer.disconnect();
    };
  }, [map]);

  // Boundaries under the grids; district thickest.
  useEffect(() => {
    const group = L.layerGroup();
    const add = (c: Collection<OutlineFeature> | undefined, style: L.PathOptions) => {
      if (c !== undefined) {
        L.geoJSON(c, {
          style,
          interactive: false,
          pmIgnore: true,
        }).addTo(group);
      }
    };
    add(props.outlines.village, { color: '#8c8c8c', weight: 1, dashArray: '3 3', fill: false });
    add(props.outlines.town, { color: '#595959', weight: 2, fill: false });
    add(props.outlines.district, { color: '#cf1322', weight: 3, fill: false });
    group.addTo(map);
    const district = props.outlines.district;
    if (!hasFitted.current && district !== undefined && district.features.length > 0) {
      map.fitBounds(L.geoJSON(district).getBounds());
      hasFitted.current = true;
    }
    return () => {
      group.remove();
    };
  }, [map, props.outlines.district, props.outlines.town, props.outlines.village]);

  // The grids.
  useEffect(() => {
    if (props.grids === undefined) {
      return;
    }
    byId.current.clear();
    const layer = L.geoJSON(props.grids, {
      style: (f) => styleOf(f as unknown as GridFeature, { by: 'type' }, false),
      onEachFeature: (f, l) => {
        const feature = f as unknown as GridFeature;
        if (l instanceof L.Path) {
          byId.current.set(feature.properties.id, l);
        }
        l.bindTooltip(`${feature.properties.name}（${feature.properties.code}）`, { sticky: true });
        l.on('click', () => {
          onSelect.current(feature.properties.id);
        });
      },
    });
    layer.addTo(map);
    gridLayer.current = layer;
    if (!hasFitted.current && props.grids.features.length > 0) {
      map.fitBounds(layer.getBounds());
      hasFitted.current = true;
    }
    return () => {
      layer.remove();
      gridLayer.current = null;
    };
  }, [map, props.grids]);

  // Colours and the selection, without rebuilding the layer.
  useEffect(() => {
    gridLayer.current?.eachLayer((l) => {
      const f = (l as { feature?: unknown }).feature as GridFeature | undefined;
      if (l instanceof L.Path && f !== undefined) {
        l.setStyle(styleOf(f, props.colour, f.properties.id === props.selectedId));
      }
    });
    const selected = props.selectedId === null ? undefined : byId.current.get(props.selectedId);
    selected?.bringToFront();
  }, [props.colour, props.selectedId, props.grids]);

  // Gaps and overlaps from the coverage check.
  useEffect(() => {
    const group = L.layerGroup();
    for (const g of props.highlights.gaps) {
      L.geoJSON(g, {
        style: { color: '#722ed1', weight: 2, fillOpacity: 0.5 },
        pmIgnore: true,
      }).addTo(group);
    }
    for (const g of props.highlights.overlaps) {
      L.geoJSON(g, {
        style: { color: '#cf1322', weight: 2, fillOpacity: 0.6 },
        pmIgnore: true,
      }).addTo(group);
    }
    group.addTo(map);
    const all = [...props.highlights.gaps, ...props.highlights.overlaps];
    if (all.length > 0) {
      map.fitBounds(
        L.geoJSON({
          type: 'GeometryCollection',
          geometries: all,
        } as unknown as GeoJSON.GeometryCollection).getBounds(),
        {
          maxZoom: 16,
        },
      );
    }
    return () => {
      group.remove();
    };
  }, [map, props.highlights]);

  // Drawing and editing, snapping to the vertices and edges of neighbouring grids.
  useEffect(() => {
    const mode = props.mode;
    if (mode.kind === 'draw') {
      const onCreate = (e: { layer: L.Layer }) => {
        const drawn = e.layer;
        if (drawn instanceof L.Polygon) {
          onShape.current(drawn.toGeoJSON().geometry);
        }
        drawn.remove();
      };
      map.on('pm:create', onCreate);
      map.pm.enableDraw('Polygon', { snappable: true, snapDistance: 15, allowSelfIntersection: false });
      return () => {
        map.off('pm:create', onCreate);
        map.pm.disableDraw();
      };
    }
    if (mode.kind === 'edit') {
      const layer = byId.current.get(mode.gridId);
      if (!(layer instanceof L.Polygon)) {
        return;
      }
      const report = () => {
        onShape.current((layer.toGeoJSON() as GeoJSON.Feature).geometry as unknown as Geometry);
      };
      layer.pm.enable({ snappable: true, snapDistance: 15, allowSelfIntersection: false });
      layer.on('pm:edit', report);
      return () => {
        layer.off('pm:edit', report);
        layer.pm.disable();
      };
    }
    return;
  }, [map, props.mode]);

  return null;
};

export const GridMap = (props: Props) => {
  const isReady = useGeoman();
  if (!isReady) {
    return <div style={{ height: props.height, width: '100%', background: '#f5f5f5' }} />;
  }
  return (
    <MapContainer
      center={[32.06, 121.05]}
      zoom={10}
      style={{ height: props.height, width: '100%', background: '#f5f5f5' }}
      attributionControl={props.tileUrl !== null}
    >
      {props.tileUrl === null ? null : <TileLayer url={props.tileUrl} />}
      <Layers {...props} />
    </MapContainer>
  );
};
