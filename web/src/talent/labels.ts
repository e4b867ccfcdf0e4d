// Localized names of talent-pool codes (kinds, what an assignment is for, its states, the reasons of a suggestion)
// and their colours; the raw code for an unknown one.
import type { TFunction } from 'i18next';
export { formatDate } from '../common/labels';

const pick = (labels: Record<string, string>, key: string): string =>
  Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;

type Group = 'kinds' | 'targets' | 'assignmentStatuses' | 'reasons';

const group =
  (path: Group) =>
  (t: TFunction, key: string): string =>
    pick(t(`talent.${path}`, { returnObjects: true }), key);

export const kindLabel = group('kinds');
/** What an assignment is for; also the name of a kind of need (a need is a demand, a post or a topic). */
export const targetLabel = group('targets');
export const assignmentStatusLabel = group('assignmentStatuses');
export const reasonLabel = group('reasons');

const kindColours: Record<string, string> = {
  industryLeader: 'volcano',
  entrepreneur: 'gold',
  localExpert: 'green',
  ecommerce: 'geekblue',
  massOrgHead: 'purple',
  volunteerLead: 'red',
};
export const kindColour = (k: string): string => kindColours[k] ?? 'default';

const reasonColours: Record<string, string> = { stale: 'orange', busy: 'orange' };
export const reasonColour = (r: string): string => reasonColours[r] ?? 'blue';
