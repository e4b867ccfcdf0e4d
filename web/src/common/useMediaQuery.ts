// Subscribes to a CSS media query; synchronous on first render so phones never flash the desktop layout.
import { useCallback, useSyncExternalStore } from 'react';

export const useMediaQuery = (query: string): boolean => {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => {
        list.removeEventListener('change', onChange);
      };
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
};

/** Below 768 px the side menu becomes a drawer. */
export const useIsMobile = (): boolean => useMediaQuery('(max-width: 767.98px)');
