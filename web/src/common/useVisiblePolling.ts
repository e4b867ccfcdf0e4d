// Calls back every interval while the tab is visible, and at once when a hidden tab is shown again: what a page that
// must show new work without a reload uses. A hidden tab asks nothing.
import { useEffect, useRef } from 'react';

/**
 * How often an open work queue asks for what arrived: its first page of 50 rows answers in 15–50 ms on the demo
 * district, so a few hundred open queues cost the server a few requests a second.
 */
export const QUEUE_REFRESH_MS = 30_000;

/** The home's figures take longer to count (up to a quarter second at district scope): once a minute, like the bell. */
export const HOME_REFRESH_MS = 60_000;

export const useVisiblePolling = (callback: () => void, intervalMs: number = QUEUE_REFRESH_MS): void => {
  const callbackRef = useRef(callback);
  callbackRef.current = callback;
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') {
        callbackRef.current();
      }
    };
    const timer = setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [intervalMs]);
};
