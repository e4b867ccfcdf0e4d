// The case list's filter in the address, so a number elsewhere (a command-view tile, an indicator) can open the
// records behind it and a filtered list can be shared. Unknown or malformed values are dropped, never sent.
import type { CaseFilter, Light } from './api';

const TEXT_KEYS = [
  'state',
  'category',
  'net',
  'platform',
  'source',
  'orgId',
  'gridId',
  'departmentId',
  'q',
] as const;
const TIME_KEYS = ['from', 'to', 'closedFrom', 'closedTo'] as const;
const LIGHTS: readonly Light[] = ['green', 'yellow', 'red'];
const CARDS = ['yellow', 'red'] as const;

const instant = (raw: string | null): number | undefined => {
  if (raw === null || !/^\d{1,15}$/.test(raw)) {
    return undefined;
  }
  return Number(raw);
};

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  values.find((v) => v === raw);

export function filterFromParams(params: URLSearchParams): CaseFilter {
  const filter: CaseFilter = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value !== undefined && value !== '') {
      filter[key] = value.slice(0, key === 'state' ? 200 : 64);
    }
  }
  for (const key of TIME_KEYS) {
    const value = instant(params.get(key));
    if (value !== undefined) {
      filter[key] = value;
    }
  }
  const light = oneOf(LIGHTS, params.get('light'));
  const card = oneOf(CARDS, params.get('card'));
  return {
    ...filter,
    ...(light === undefined ? {} : { light }),
    ...(card === undefined ? {} : { card }),
    ...(params.get('due') === 'today' ? { due: 'today' as const } : {}),
  };
}

/** The address's query for a tab and a filter: empty values are left out; the queue is the tab's. */
export function paramsOf(tab: string | null, filter: CaseFilter): Record<string, string> {
  const out: Record<string, string> = tab === null ? {} : { tab };
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '' && key !== 'queue') {
      out[key] = String(value);
    }
  }
  return out;
}

/** The parts of a filter the filter form has no field for; they show as tags the user can remove. */
export const LINKED_ONLY_KEYS = ['card', 'closedFrom', 'closedTo', 'due', 'gridId', 'departmentId'] as const;
export type LinkedOnlyKey = (typeof LINKED_ONLY_KEYS)[number];
