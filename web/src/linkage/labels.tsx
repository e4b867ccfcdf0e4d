// Small shared pieces of the linkage pages: level and status tags, dates, shares.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/labels';
import { currentLocale } from '../i18n';
import type { VisitPlan } from './api';

const STATUS_COLOURS: Record<string, string> = {
  open: 'processing',
  awaitingConfirmation: 'gold',
  settled: 'green',
  answered: 'cyan',
  case: 'purple',
};

export const LevelTag = ({ level }: { level: string }) => {
  const { t } = useTranslation();
  return <Tag>{t(`linkage.levels.${level}`, { defaultValue: level })}</Tag>;
};

export const StatusTag = ({ status }: { status: string }) => {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]}>{t(`linkage.statuses.${status}`, { defaultValue: status })}</Tag>
  );
};

export const when = (ms: number | null): string => (ms === null ? '—' : formatDateTime(ms, currentLocale()));

/** The local date of an instant (YYYY-MM-DD) in the district's time zone. */
export const localDay = (ms: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));

export const share = (value: number | null): string =>
  value === null ? '—' : `${(value * 100).toFixed(1)}%`;

/** 困难户: a household visited monthly, with why on hover or tap. */
export const InNeedTag = ({ plan }: { plan: VisitPlan }) => {
  const { t } = useTranslation();
  if (!plan.isInNeed) {
    return null;
  }
  return (
    <Tooltip title={plan.needs.map((n) => t(`linkage.visitPlan.needs.${n}`)).join('；')}>
      <Tag color="volcano" data-testid="in-need">
        {t('linkage.visitPlan.inNeed')}
      </Tag>
    </Tooltip>
  );
};
