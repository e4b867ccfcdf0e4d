// The quarterly feedback to employers: for a unit and a quarter, the hours each of its members served in the
// community, the evaluation by that measure, and who is behind the pace of the yearly bar.
import { useState } from 'react';
import { Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { OrgPicker } from '../orgs/OrgPicker';
import { fetchEmployerReport, type EmployerLine } from './api';
import { evaluationColour, evaluationLabel, recentQuarters } from './labels';

/** The levels an employer's party organisation is recorded at. */
const UNIT_LEVELS = ['unit', 'newField', 'department'];

export const EmployerTab = () => {
  const { t } = useTranslation();
  const quarters = recentQuarters(8);
  const [unitOrgId, setUnitOrgId] = useState<string | null>(null);
  const [quarter, setQuarter] = useState(quarters[0] ?? '');
  const { data, error, isLoading, reload } = useLoader(
    async (signal) => (unitOrgId === null ? undefined : fetchEmployerReport(unitOrgId, quarter, signal)),
    [unitOrgId, quarter],
  );
  const quarterLabel = (q: string) => {
    const [year, n] = q.split('-Q');
    return t('volunteers.employer.quarterValue', { year, q: n });
  };
  const lines = data?.lines ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <div style={{ width: 320 }} title={t('volunteers.employer.pickUnit')}>
          <OrgPicker value={unitOrgId} onChange={setUnitOrgId} levels={UNIT_LEVELS} testId="employer-unit" />
        </div>
        <Select
          value={quarter}
          onChange={setQuarter}
          aria-label={t('volunteers.employer.quarter')}
          options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
          style={{ width: 180 }}
          data-testid="employer-quarter"
        />
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {unitOrgId === null ? (
        <Typography.Text type="secondary">{t('volunteers.employer.pickHint')}</Typography.Text>
      ) : (
        <>
          {data === undefined ? null : (
            <Typography.Text strong data-testid="employer-summary">
              {t('volunteers.employer.summary', {
                unit: data.unitName,
                count: lines.length,
                behind: lines.filter((l) => l.isBehindBar).length,
              })}
            </Typography.Text>
          )}
          <Table<EmployerLine>
            rowKey="memberId"
            size="middle"
            loading={isLoading}
            dataSource={lines}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 30, showSizeChanger: false }}
            locale={{ emptyText: t('volunteers.employer.empty') }}
            onRow={(l) => (l.isBehindBar ? { style: { background: '#fff1f0' } } : {})}
            data-testid="employer-table"
            columns={[
              { title: t('volunteers.employer.name'), dataIndex: 'name' },
              { title: t('volunteers.employer.hours'), dataIndex: 'hours' },
              { title: t('volunteers.employer.yearHours'), dataIndex: 'yearHours' },
              {
                title: t('volunteers.employer.evaluation'),
                dataIndex: 'evaluation',
                render: (v: string) => <Tag color={evaluationColour(v)}>{evaluationLabel(t, v)}</Tag>,
              },
              {
                key: 'behind',
                title: t('volunteers.employer.behind'),
                render: (_: unknown, l: EmployerLine) =>
                  l.isBehindBar ? (
                    <Tooltip title={t('volunteers.employer.behindHint')}>
                      <Tag color="error" data-testid="employer-behind">
                        {t('volunteers.employer.behind')}
                      </Tag>
                    </Tooltip>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
};
