// Localized names of alliance codes (lists, kinds, statuses, reasons, sources) and their colours.
import type { TFunction } from 'i18next';
import { orgTypeLabel } from '../common/labels';
export { formatDate } from '../common/labels';

const pick = (labels: Record<string, string>, key: string): string =>
  Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;

type Group =
  | 'lists'
  | 'kinds'
  | 'statuses'
  | 'matchStatuses'
  | 'reasons'
  | 'sources'
  | 'meetingStatuses'
  | 'brandStages';

const group =
  (path: Group) =>
  (t: TFunction, key: string): string =>
    pick(t(`alliance.${path}`, { returnObjects: true }), key);

export const listLabel = group('lists');
export const kindLabel = group('kinds');
export const statusLabel = group('statuses');
export const matchStatusLabel = group('matchStatuses');
export const reasonLabel = group('reasons');
export const sourceLabel = group('sources');
export const meetingStatusLabel = group('meetingStatuses');
export const brandStageLabel = group('brandStages');

/** A member's kind: its organisation type where known, else its level. */
export const memberKindLabel = (t: TFunction, m: { orgLevel: string; orgType: string }): string =>
  m.orgType === '' ? pick(t('levels', { returnObjects: true }), m.orgLevel) : orgTypeLabel(t, m.orgType);

const statusColours: Record<string, string> = {
  open: 'gold',
  matched: 'blue',
  done: 'green',
  withdrawn: 'default',
};
export const statusColour = (s: string): string => statusColours[s] ?? 'default';

const matchColours: Record<string, string> = {
  agreed: 'blue',
  delivered: 'cyan',
  evaluated: 'green',
  cancelled: 'default',
};
export const matchStatusColour = (s: string): string => matchColours[s] ?? 'default';

const meetingColours: Record<string, string> = { planned: 'blue', held: 'green', cancelled: 'default' };
export const meetingStatusColour = (s: string): string => meetingColours[s] ?? 'default';

const stageColours: Record<string, string> = {
  declared: 'gold',
  incubating: 'blue',
  filling: 'cyan',
  strengthening: 'green',
  declined: 'default',
};
export const brandStageColour = (s: string): string => stageColours[s] ?? 'default';

const reasonColours: Record<string, string> = { poorlyRated: 'red', wellRated: 'green' };
export const reasonColour = (r: string): string => reasonColours[r] ?? 'blue';
