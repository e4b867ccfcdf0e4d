// The platform's one clock. Everything that stores or compares an instant asks it, never Date.now() directly,
// so tests can hold time still and CI can run the whole suite as if it were a year later (TEST_CLOCK_OFFSET_DAYS).
export type Clock = {
  now(): number;
};

/** Wall-clock time, shifted by a fixed offset (0 in production; CI runs the suite about 400 days ahead). */
export function systemClock(offsetMs = 0): Clock {
  // The only place in the server that reads the wall clock.
  // eslint-disable-next-line no-restricted-syntax -- this is the clock
  return { now: () => Date.now() + offsetMs };
}

/** A clock that moves only when told: for tests and for generators that replay a past. */
export type ManualClock = Clock & { set(ms: number): void; advance(ms: number): void };

export function manualClock(start: number): ManualClock {
  let current = start;
  return {
    now: () => current,
    set(ms) {
      current = ms;
    },
    advance(ms) {
      current += ms;
    },
  };
}

/** A clock whose offset from the wall clock can be moved: time goes on, from a chosen starting point. */
export type ShiftableClock = Clock & { shiftTo(ms: number): void; offsetMs(): number };

export function shiftableClock(offsetMs = 0): ShiftableClock {
  let offset = offsetMs;
  const wall = systemClock(0);
  return {
    now: () => wall.now() + offset,
    shiftTo(ms) {
      offset = ms - wall.now();
    },
    offsetMs: () => offset,
  };
}
