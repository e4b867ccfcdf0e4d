// Polls the live feed of a unit while the screen is open (and the tab visible): new red cards and alerts since the
// last answer. The first answer fills the ticker quietly; what arrives after it is announced.
import { useEffect, useRef, useState } from 'react';
import { isAbortError } from '../api/client';
import { fetchLive, type Alert, type RedCard } from './api';

export const LIVE_POLL_MS = 20_000;
const KEEP = 30;

export type LiveEvent =
  | { kind: 'redCard'; id: string; at: number; card: RedCard }
  | { kind: 'alert'; id: string; at: number; alert: Alert };

export type LiveFeed = { events: LiveEvent[]; lastPolledAt: number | null; error: unknown };

const eventsOf = (cards: readonly RedCard[], alerts: readonly Alert[]): LiveEvent[] => [
  ...cards.map((card): LiveEvent => ({
    kind: 'redCard',
    id: `card:${card.caseId}:${card.at}`,
    at: card.at,
    card,
  })),
  ...alerts.map((alert): LiveEvent => ({
    kind: 'alert',
    id: `alert:${alert.id}`,
    at: alert.raisedAt,
    alert,
  })),
];

export const useLiveFeed = (
  orgId: string | undefined,
  onArrival: (events: LiveEvent[]) => void,
): LiveFeed => {
  const [feed, setFeed] = useState<LiveFeed>({ events: [], lastPolledAt: null, error: undefined });
  const onArrivalRef = useRef(onArrival);
  onArrivalRef.current = onArrival;

  useEffect(() => {
    const controller = new AbortController();
    const seen = new Set<string>();
    let since: number | undefined;
    let isFirst = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setFeed({ events: [], lastPolledAt: null, error: undefined });

    const poll = async () => {
      if (document.visibilityState === 'visible' || isFirst) {
        try {
          const live = await fetchLive(orgId, since, controller.signal);
          since = live.now;
          const fresh = eventsOf(live.redCards, live.alerts).filter((e) => !seen.has(e.id));
          fresh.forEach((e) => seen.add(e.id));
          setFeed((current) => ({
            events: [...fresh, ...current.events].sort((a, b) => b.at - a.at).slice(0, KEEP),
            lastPolledAt: live.now,
            error: undefined,
          }));
          if (!isFirst && fresh.length > 0) {
            onArrivalRef.current(fresh);
          }
          isFirst = false;
        } catch (error) {
          if (isAbortError(error)) {
            return;
          }
          setFeed((current) => ({ ...current, error }));
        }
      }
      timer = setTimeout(() => void poll(), LIVE_POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [orgId]);

  return feed;
};
