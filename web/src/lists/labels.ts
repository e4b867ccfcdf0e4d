// Localized names of list codes (levels, kinds, sources, statuses, units, task kinds), their colours, and dates.
import type { TFunction } from 'i18next';
import type { TimeLimit } from './api';
export { formatDate, formatDateTimeShort } from '../common/labels';

const pick = (labels: Record<string, string>, key: string): string =>
  Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;

type Group =
  'levels' | 'kinds' | 'sources' | 'statuses' | 'governances' | 'units' | 'admissionStatuses' | 'taskKinds';

const group =
  (path: Group) =>
  (t: TFunction, key: string): string =>
    pick(t(`lists.${path}`, { returnObjects: true }), key);

export const listLevelLabel = group('levels');
export const kindLabel = group('kinds');
export const sourceLabel = group('sources');
export const itemStatusLabel = group('statuses');
export const governanceLabel = group('governances');
export const unitLabel = group('units');
export const admissionStatusLabel = group('admissionStatuses');
export const taskKindLabel = group('taskKinds');

export const limitLabel = (t: TFunction, limit: TimeLimit | null): string =>
  limit === null
    ? t('lists.noLimit')
    : t('lists.limitValue', { amount: limit.amount, unit: unitLabel(t, limit.unit) });

const itemStatusColours: Record<string, string> = {
  inForce: 'green',
  temporary: 'gold',
  expired: 'default',
  withdrawn: 'red',
};
export const itemStatusColour = (status: string): string => itemStatusColours[status] ?? 'default';

const sourceColours: Record<string, string> = { list: 'blue', catalogue: 'purple', routing: 'cyan' };
export const sourceColour = (source: string): string => sourceColours[source] ?? 'default';

const kindColours: Record<string, string> = {
  power: 'volcano',
  duty: 'blue',
  service: 'green',
  negative: 'red',
};
export const kindColour = (kind: string): string => kindColours[kind] ?? 'default';

const admissionColours: Record<string, string> = {
  pending: 'gold',
  admitted: 'green',
  refused: 'red',
  withdrawn: 'default',
  expired: 'default',
};
export const admissionStatusColour = (status: string): string => admissionColours[status] ?? 'default';
