// Localized names of assessment codes and of the tree's bilingual texts; the raw code for an unknown one.
import type { TFunction } from 'i18next';
import { currentLocale } from '../i18n';
import type { Message, ScoringRule } from './api';
import { formatDate as formatDistrictDate } from '../common/labels';

const pick = (labels: Record<string, string>, key: string): string =>
  Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;

type Group =
  | 'statuses'
  | 'cycleStatuses'
  | 'noticeStatuses'
  | 'lineKinds'
  | 'movements'
  | 'awardReasons'
  | 'evidenceKinds'
  | 'objectionStatuses'
  | 'changeKinds'
  | 'leaders.posts'
  | 'leaders.units';

const group =
  (path: Group) =>
  (t: TFunction, key: string): string =>
    pick(t(`assessment.${path}`, { returnObjects: true }), key);

export const sheetStatusLabel = group('statuses');
export const cycleStatusLabel = group('cycleStatuses');
export const noticeStatusLabel = group('noticeStatuses');
export const lineKindLabel = group('lineKinds');
export const movementLabel = group('movements');
export const awardReasonLabel = group('awardReasons');
export const evidenceKindLabel = group('evidenceKinds');
export const objectionStatusLabel = group('objectionStatuses');
export const changeKindLabel = group('changeKinds');
export const leaderPostLabel = group('leaders.posts');
export const leaderUnitLabel = group('leaders.units');

/** A tree text in the console's language. */
export const msg = (m: Message | null | undefined): string =>
  m === null || m === undefined ? '' : currentLocale() === 'en' ? m.en : m.zh;

export const ruleText = (t: TFunction, rule: ScoringRule): string => {
  switch (rule.type) {
    case 'linear':
      return t('assessment.ruleTypes.linear', { from: rule.from, to: rule.to });
    case 'perUnit':
      return t('assessment.ruleTypes.perUnit', { per: rule.per });
    case 'perUnitAbove':
      return t('assessment.ruleTypes.perUnitAbove', { bound: rule.bound, per: rule.per });
    case 'atLeast':
      return t('assessment.ruleTypes.atLeast', { min: rule.min });
    case 'entered':
      return t('assessment.ruleTypes.entered');
  }
};

export const statusColors: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  reviewed: 'cyan',
  approved: 'blue',
  notice: 'purple',
  final: 'success',
};

/** A level awarded in words ("3 星", "未得星"); null: not awarded yet. */
export const levelText = (t: TFunction, level: number | null): string =>
  level === null
    ? t('assessment.map.pending')
    : level === 0
      ? t('assessment.map.level0')
      : t('assessment.map.level', { count: level });

/** Star levels as ★ marks. */
export const starMarks = (level: number): string => (level <= 0 ? '—' : '★'.repeat(level));

export const formatDate = (epochMs: number | null): string =>
  epochMs === null ? '—' : formatDistrictDate(epochMs, currentLocale());
