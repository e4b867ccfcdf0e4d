// The outcome list (协商成果清单) of a council or a topic: owner, deadline, progress, state, case, ratings.
import { Progress, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { stateLabel as caseStateLabel } from '../cases/labels';
import { staffPaths, type Outcome } from './api';
import { formatDate, outcomeStateColour, outcomeStateLabel } from './labels';

export const OutcomeStatus = ({ outcome }: { outcome: Outcome }) => {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={outcomeStateColour(outcome.status)}>{outcomeStateLabel(t, outcome.status)}</Tag>
      {outcome.isOverdue ? <Tag color="red">{t('consultations.outcome.overdue')}</Tag> : null}
    </Space>
  );
};

const ratingTotal = (o: Outcome): number => Object.values(o.ratings).reduce((a, b) => a + b, 0);

export const OutcomeTable = ({ outcomes }: { outcomes: Outcome[] }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table<Outcome>
      rowKey="id"
      size="small"
      dataSource={outcomes}
      pagination={outcomes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('consultations.council.noOutcomes') }}
      data-testid="outcome-table"
      columns={[
        {
          title: t('consultations.outcome.title'),
          dataIndex: 'title',
          render: (_: unknown, o) => <Link to={staffPaths.outcome(o.id)}>{o.title}</Link>,
        },
        { title: t('consultations.outcome.owner'), dataIndex: 'ownerUnit', width: 160 },
        {
          title: t('consultations.outcome.deadline'),
          dataIndex: 'deadlineAt',
          width: 120,
          render: (v: number) => formatDate(v, locale),
        },
        {
          title: t('consultations.outcome.progress'),
          dataIndex: 'progress',
          width: 160,
          render: (v: number) => <Progress percent={v} size="small" />,
        },
        {
          title: t('consultations.outcome.state'),
          key: 'status',
          width: 150,
          render: (_: unknown, o) => <OutcomeStatus outcome={o} />,
        },
        {
          title: t('consultations.outcome.case'),
          key: 'case',
          width: 120,
          render: (_: unknown, o) =>
            o.caseState === null ? (
              <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
            ) : (
              caseStateLabel(t, o.caseState)
            ),
        },
        {
          title: t('consultations.outcome.ratings'),
          key: 'ratings',
          width: 90,
          render: (_: unknown, o) => {
            const n = ratingTotal(o);
            return n === 0 ? t('common.none') : t('consultations.outcome.ratingCount', { count: n });
          },
        },
      ]}
    />
  );
};
