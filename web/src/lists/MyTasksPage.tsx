// The tasks put on the signed-in grid worker, newest first: cards on a phone, a table on a desk.
import { Card, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import { fetchMyTasks, type GridTask } from './api';
import { GridName } from './GridName';
import { formatDateTimeShort, taskKindLabel } from './labels';

const kindColours: Record<string, string> = {
  caseStep: 'blue',
  patrol: 'green',
  survey: 'purple',
  dataCollection: 'orange',
};

const CaseLink = ({ task }: { task: GridTask }) => {
  const { t } = useTranslation();
  return task.caseId === null ? null : (
    <Link to={`/cases/${encodeURIComponent(task.caseId)}`}>{t('lists.myTasks.openCase')}</Link>
  );
};

export const MyTasksPage = () => {
  const { t, i18n } = useTranslation();
  const isMobile = useIsMobile();
  const { data, error, isLoading, reload } = useLoader((signal) => fetchMyTasks(signal), []);
  const items = data?.items ?? [];
  return (
    <Flex vertical gap={12} data-testid="my-tasks">
      <Typography.Text type="secondary">
        {t('lists.myTasks.intro')} {t('lists.myTasks.loaded', { count: items.length })}
      </Typography.Text>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {isMobile ? (
        <List<GridTask>
          loading={isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('lists.myTasks.empty')} /> }}
          renderItem={(task) => (
            <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
              <Card size="small" style={{ width: '100%' }} data-testid="my-task">
                <Flex vertical gap={4}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text strong data-testid="my-task-title">
                      {task.title}
                    </Typography.Text>
                    <Tag color={kindColours[task.taskKind] ?? 'default'}>
                      {taskKindLabel(t, task.taskKind)}
                    </Tag>
                  </Flex>
                  <Typography.Text type="secondary">
                    <GridName id={task.gridId} /> · {formatDateTimeShort(task.assignedAt, i18n.language)}
                  </Typography.Text>
                  <CaseLink task={task} />
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<GridTask>
          rowKey="id"
          size="middle"
          loading={isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('lists.myTasks.empty') }}
          columns={[
            {
              title: t('lists.admission.title'),
              dataIndex: 'title',
              render: (v: string) => <Typography.Text data-testid="my-task-title">{v}</Typography.Text>,
            },
            {
              title: t('lists.admission.taskKind'),
              dataIndex: 'taskKind',
              width: 110,
              render: (k: string) => <Tag color={kindColours[k] ?? 'default'}>{taskKindLabel(t, k)}</Tag>,
            },
            {
              title: t('lists.myTasks.grid'),
              dataIndex: 'gridId',
              render: (id: string) => <GridName id={id} />,
            },
            { title: t('lists.myTasks.week'), dataIndex: 'week', width: 110 },
            {
              title: t('lists.myTasks.assignedAt'),
              dataIndex: 'assignedAt',
              width: 160,
              render: (v: number) => formatDateTimeShort(v, i18n.language),
            },
            {
              title: t('lists.myTasks.case'),
              key: 'case',
              width: 100,
              render: (_: unknown, task) => <CaseLink task={task} />,
            },
          ]}
        />
      )}
    </Flex>
  );
};
