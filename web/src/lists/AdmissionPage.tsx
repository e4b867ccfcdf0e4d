// Grid task admission (网格事项准入): the applications and the admitted list with their states, the district's
// decisions, a department's application, assigning an admitted task to a grid, and the burden meter.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchAdmissions, withdrawAdmission, type Admission } from './api';
import { ApplyDialog } from './ApplyDialog';
import { AssignDialog } from './AssignDialog';
import { BurdenTable } from './BurdenTable';
import { DecideDialog } from './DecideDialog';
import { admissionStatusColour, admissionStatusLabel, formatDate, taskKindLabel } from './labels';
import { problemText } from '../common/problemText';

const filters = ['all', 'pending', 'admitted', 'expired', 'refused', 'withdrawn'] as const;
type Filter = (typeof filters)[number];

export const AdmissionPage = () => {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const canApply = useAbility('admission.apply');
  const canDecide = useAbility('admission.decide');
  const canAssign = useAbility('admission.assign');
  const [filter, setFilter] = useState<Filter>('all');
  const [isApplying, setIsApplying] = useState(false);
  const [deciding, setDeciding] = useState<{ item: Admission; approve: boolean } | null>(null);
  const [assigning, setAssigning] = useState<{ taskCode: string | null } | null>(null);
  const [assignments, setAssignments] = useState(0);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchAdmissions(undefined, signal), []);
  const items = useMemo(() => data?.items ?? [], [data]);
  const rows = useMemo(
    () => (filter === 'all' ? items : items.filter((i) => i.status === filter)),
    [items, filter],
  );
  const admitted = useMemo(() => items.filter((i) => i.status === 'admitted'), [items]);

  const withdraw = (item: Admission) => {
    modal.confirm({
      title: t('lists.admission.withdraw'),
      content: t('lists.admission.withdrawConfirm', { title: item.title }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await withdrawAdmission(item.id);
          void message.success(t('lists.admission.withdrawn'));
          reload();
        } catch (failure) {
          void message.error(problemText(failure, t).title);
        }
      },
    });
  };

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('lists.admission.intro')} />
      <Card
        title={t('lists.admission.applications')}
        extra={
          <Space wrap>
            {canAssign ? (
              <Button
                icon={<SendOutlined />}
                onClick={() => setAssigning({ taskCode: null })}
                data-testid="assign-open"
              >
                {t('lists.admission.assign')}
              </Button>
            ) : null}
            {canApply ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setIsApplying(true)}
                data-testid="apply-open"
              >
                {t('lists.admission.apply')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={filters.map((f) => ({
              value: f,
              label: f === 'all' ? t('lists.admission.all') : admissionStatusLabel(t, f),
            }))}
          />
          <Typography.Text type="secondary">
            {t('lists.admission.loaded', { count: rows.length })}
          </Typography.Text>
        </Flex>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        <Table<Admission>
          rowKey="id"
          size="middle"
          loading={isLoading}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('lists.admission.empty') }}
          data-testid="admissions"
          columns={[
            {
              title: t('lists.admission.title'),
              dataIndex: 'title',
              render: (v: string, a) => (
                <Flex vertical>
                  <Typography.Text data-testid="admission-title">
                    {v}
                    {a.isEmergency ? (
                      <Tag color="volcano" style={{ marginLeft: 8 }}>
                        {t('lists.admission.emergency')}
                      </Tag>
                    ) : null}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.taskCode}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('lists.admission.status'),
              dataIndex: 'status',
              width: 110,
              render: (s: string) => (
                <Tag color={admissionStatusColour(s)} data-testid="admission-status">
                  {admissionStatusLabel(t, s)}
                </Tag>
              ),
            },
            {
              title: t('lists.admission.taskKind'),
              dataIndex: 'taskKind',
              width: 100,
              render: (k: string) => taskKindLabel(t, k),
            },
            { title: t('lists.admission.department'), dataIndex: 'departmentName', width: 180 },
            {
              title: t('lists.admission.reason'),
              dataIndex: 'reason',
              width: 240,
              ellipsis: { showTitle: false },
              render: (v: string) => (
                <Tooltip title={v}>
                  <span>{v}</span>
                </Tooltip>
              ),
            },
            {
              title: t('lists.admission.weeklyLoad'),
              dataIndex: 'weeklyLoad',
              width: 120,
              render: (n: number) => t('lists.admission.weeklyLoadValue', { count: n }),
            },
            {
              title: t('lists.admission.duration'),
              dataIndex: 'durationDays',
              width: 90,
              render: (n: number | null) =>
                n === null
                  ? t('lists.admission.noDuration')
                  : t('lists.admission.durationValue', { count: n }),
            },
            {
              title: t('lists.admission.expiresAt'),
              dataIndex: 'expiresAt',
              width: 110,
              render: (v: number | null) => (v === null ? t('common.none') : formatDate(v, i18n.language)),
            },
            {
              title: t('lists.admission.decisionNote'),
              dataIndex: 'decisionNote',
              width: 160,
              ellipsis: true,
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('lists.admission.appliedAt'),
              dataIndex: 'createdAt',
              width: 110,
              render: (v: number) => formatDate(v, i18n.language),
            },
            {
              title: t('lists.admission.actions'),
              key: 'actions',
              fixed: 'right',
              width: 170,
              render: (_: unknown, a) => (
                <Space size={4} wrap>
                  {canDecide && a.status === 'pending' ? (
                    <>
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setDeciding({ item: a, approve: true })}
                        data-testid="admission-approve"
                      >
                        {t('lists.admission.approve')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => setDeciding({ item: a, approve: false })}
                        data-testid="admission-refuse"
                      >
                        {t('lists.admission.refuse')}
                      </Button>
                    </>
                  ) : null}
                  {canAssign && a.status === 'admitted' ? (
                    <Button
                      size="small"
                      onClick={() => setAssigning({ taskCode: a.taskCode })}
                      data-testid="admission-assign"
                    >
                      {t('lists.admission.assign')}
                    </Button>
                  ) : null}
                  {canDecide && a.status === 'admitted' ? (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => withdraw(a)}
                      data-testid="admission-withdraw"
                    >
                      {t('lists.admission.withdraw')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <BurdenTable key={assignments} />
      {isApplying ? (
        <ApplyDialog
          onClose={() => setIsApplying(false)}
          onApplied={() => {
            setIsApplying(false);
            reload();
          }}
        />
      ) : null}
      {deciding === null ? null : (
        <DecideDialog
          item={deciding.item}
          approve={deciding.approve}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            reload();
          }}
        />
      )}
      {assigning === null ? null : (
        <AssignDialog
          admitted={admitted}
          taskCode={assigning.taskCode}
          onClose={() => setAssigning(null)}
          onAssigned={() => {
            setAssigning(null);
            setAssignments((n) => n + 1);
          }}
        />
      )}
    </Flex>
  );
};
