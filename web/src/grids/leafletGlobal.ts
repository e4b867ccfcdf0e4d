// leaflet-geoman extends the global L, so it is loaded only after L is set (a static import may run first).
import L from 'leaflet';
import { useEffect, useState } from 'react';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- global augmentation needs interface
  interface Window {
    L: typeof L;
  }
}

let loading: Promise<unknown> | null = null;

/** True once leaflet-geoman is loaded; render the map only then, so it gets the drawing tools. */
export const useGeoman = (): boolean => {
  const [isReady, setIsReady] = useState(false);
  useEffect(() => {
    window.L = L;
    loading ??= Promise.all([
      import('@geoman-io/leaflet-geoman-free'),
      import('@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css'),
    ]);
    let isLive = true;
    void loading.then(() => {
      if (isLive) {
        setIsReady(true);
      }
    });
    return () => {
      isLive = false;
    };
  }, []);
  return isReady;
};
