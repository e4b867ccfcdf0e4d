// The burden meter (基层减负): tasks per grid worker and week by kind beside what the admitted list allows; a worker
// over the admitted weekly load in the latest week is marked. Departments are not shown it (the server answers 403).
import { useState } from 'react';
import { Card, Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchBurden, taskKinds, type WorkerBurden } from './api';
import { GridName } from './GridName';
import { taskKindLabel } from './labels';

const weekLabel = (week: string): string => week.slice(5);

export const BurdenTable = () => {
  const { t } = useTranslation();
  const [weeks, setWeeks] = useState(8);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchBurden(weeks, signal), [weeks]);
  if (error instanceof ApiError && error.status === 403) {
    return null;
  }
  const weekColumns: ColumnsType<WorkerBurden> = (data?.weeks ?? []).map((week, at) => ({
    key: week,
    title: weekLabel(week),
    width: 70,
    align: 'right',
    render: (_: unknown, w) => {
      const slot = w.weeks[at];
      if (slot === undefined) {
        return null;
      }
      const isLast = at === w.weeks.length - 1;
      const isOver = w.admittedWeeklyLoad > 0 && slot.total > w.admittedWeeklyLoad;
      return (
        <Tooltip
          title={taskKinds
            .map((k) =>
              t('lists.burden.byKindHint', { kind: taskKindLabel(t, k), count: slot.byKind[k] ?? 0 }),
            )
            .join('；')}
        >
          <Typography.Text type={isOver ? 'danger' : undefined} strong={isLast}>
            {slot.total}
          </Typography.Text>
        </Tooltip>
      );
    },
  }));
  return (
    <Card title={t('lists.burden.title')} data-testid="burden">
      <Flex vertical gap={12}>
        <Flex gap={12} wrap align="center">
          <Typography.Text type="secondary">{t('lists.burden.intro')}</Typography.Text>
          <Segmented<number>
            value={weeks}
            onChange={setWeeks}
            options={[4, 8, 12].map((n) => ({ value: n, label: t('lists.burden.weeksValue', { count: n }) }))}
            style={{ marginLeft: 'auto' }}
          />
        </Flex>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        <Table<WorkerBurden>
          rowKey={(w) => `${w.gridId}:${w.workerUserId ?? w.workerName}`}
          size="small"
          loading={isLoading}
          dataSource={data?.workers ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('lists.burden.empty') }}
          onRow={(w) => ({ style: w.isOverLoad ? { background: '#fff1f0' } : undefined })}
          columns={[
            { title: t('lists.burden.worker'), dataIndex: 'workerName', fixed: 'left', width: 120 },
            {
              title: t('lists.burden.grid'),
              dataIndex: 'gridId',
              width: 180,
              render: (id: string) => <GridName id={id} />,
            },
            ...weekColumns,
            {
              title: t('lists.burden.admitted'),
              key: 'admitted',
              width: 150,
              render: (_: unknown, w) =>
                t('lists.burden.admittedValue', { count: w.admittedTasks, load: w.admittedWeeklyLoad }),
            },
            {
              title: t('lists.list.status'),
              key: 'over',
              width: 90,
              render: (_: unknown, w) =>
                w.isOverLoad ? (
                  <Tag color="red" data-testid="over-load">
                    {t('lists.burden.overLoad')}
                  </Tag>
                ) : (
                  <Tag color="green">{t('lists.burden.normal')}</Tag>
                ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
};
