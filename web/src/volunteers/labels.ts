// Localized names of volunteer codes (categories, states, kinds, sources), amounts and times; the raw code for an
// unknown one.
import type { TFunction } from 'i18next';
export { formatDate, formatDateTimeShort, formatTime } from '../common/labels';

const pick = (labels: Record<string, string>, key: string): string =>
  Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;

type Group =
  | 'categories'
  | 'registrationStates'
  | 'registrationKinds'
  | 'postStates'
  | 'activityStates'
  | 'kinds'
  | 'sources'
  | 'certificateStates'
  | 'evaluations'
  | 'reliefFlags'
  | 'helperKinds'
  | 'unregisteredStates'
  | 'feedbackKinds';

const group =
  (path: Group) =>
  (t: TFunction, key: string): string =>
    pick(t(`volunteers.${path}`, { returnObjects: true }), key);

export const categoryLabel = group('categories');
export const registrationStateLabel = group('registrationStates');
export const registrationKindLabel = group('registrationKinds');
export const postStateLabel = group('postStates');
export const activityStateLabel = group('activityStates');
export const kindLabel = group('kinds');
export const sourceLabel = group('sources');
export const certificateStateLabel = group('certificateStates');
export const evaluationLabel = group('evaluations');
export const reliefFlagLabel = group('reliefFlags');
export const helperKindLabel = group('helperKinds');
export const unregisteredStateLabel = group('unregisteredStates');
export const feedbackKindLabel = group('feedbackKinds');

const certificateColours: Record<string, string> = {
  notice: 'processing',
  objected: 'warning',
  issued: 'success',
  withdrawn: 'default',
};
export const certificateColour = (state: string): string => certificateColours[state] ?? 'default';

const evaluationColours: Record<string, string> = {
  excellent: 'success',
  good: 'blue',
  adequate: 'gold',
  behind: 'error',
};
export const evaluationColour = (value: string): string => evaluationColours[value] ?? 'default';

const registrationColours: Record<string, string> = {
  pending: 'gold',
  confirmed: 'success',
  lapsed: 'warning',
  refused: 'error',
  ended: 'default',
};
const unregisteredColours: Record<string, string> = {
  none: 'error',
  lapsed: 'warning',
  pending: 'gold',
};
export const unregisteredColour = (state: string): string => unregisteredColours[state] ?? 'default';

export const registrationColour = (state: string): string => registrationColours[state] ?? 'default';

/** Hours with one decimal, from the ledger's minutes. */
export const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10;

/** An entry's amount as a person reads it: minutes for hours, points for points, with its sign. */
export const amountText = (t: TFunction, kind: string, amount: number): string => {
  const sign = amount > 0 ? '+' : '';
  return kind === 'hours'
    ? t('volunteers.ledger.minutesValue', { minutes: `${sign}${amount}` })
    : t('volunteers.ledger.pointsValue', { points: `${sign}${amount}` });
};

/** The current year in the district's time zone. */
export const thisYear = (): number =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** The quarter an instant falls in, as the server names it: "2026-Q3". */
export const quarterOf = (epochMs: number): string => {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date(epochMs))
    .split('-')
    .map(Number);
  return `${year ?? 1970}-Q${Math.floor(((month ?? 1) - 1) / 3) + 1}`;
};

/** The last few quarters, newest first. */
export const recentQuarters = (count: number, now = Date.now()): string[] => {
  const [y, q] = quarterOf(now).split('-Q').map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const index = (y ?? 1970) * 4 + ((q ?? 1) - 1) - i;
    out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return out;
};
