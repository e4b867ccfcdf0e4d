// The stars awarded in a year: level, last year's, the movement and why.
import { useMemo } from 'react';
import { Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import { assessmentPaths, fetchAwards, fetchSheets, type Award } from './api';
import { awardReasonLabel, formatDate, movementLabel, msg, starMarks } from './labels';

const movementColor: Record<string, string> = { raised: 'success', awarded: 'success', lowered: 'error' };

export const AwardsTab = ({ year }: { year: number }) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { data, error, isLoading, reload } = useLoader((signal) => fetchAwards(year, signal), [year]);
  // The star names come with the year's sheets.
  const sheets = useLoader((signal) => fetchSheets(year, 'final', signal), [year]);
  const starName = useMemo(
    () => new Map((sheets.data?.stars ?? []).map((s) => [s.code, msg(s.name)])),
    [sheets.data],
  );
  const items = useMemo(
    () =>
      [...(data?.items ?? [])].sort((a, b) => b.level - a.level || a.orgName.localeCompare(b.orgName, 'zh')),
    [data],
  );
  const perLevel = useMemo(() => {
    const m = new Map<number, number>();
    for (const a of items) {
      m.set(a.level, (m.get(a.level) ?? 0) + 1);
    }
    return [...m.entries()].sort((a, b) => b[0] - a[0]);
  }, [items]);
  return (
    <Flex vertical gap={12}>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {perLevel.length === 0 ? null : (
        <Flex gap={6} wrap align="center" data-testid="award-summary">
          <Typography.Text type="secondary">
            {t('assessment.awards.summary')}
            {t('assessment.colon')}
          </Typography.Text>
          {perLevel.map(([level, count]) => (
            <Tag key={level} color={level > 0 ? 'gold' : undefined}>
              {t('assessment.awards.levelCount', { level, count })}
            </Tag>
          ))}
        </Flex>
      )}
      <Table<Award>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={items}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={isMobile ? { x: 560 } : undefined}
        locale={{ emptyText: t('assessment.awards.empty') }}
        data-testid="award-table"
        columns={[
          {
            title: t('assessment.awards.village'),
            dataIndex: 'orgName',
            render: (_: unknown, a) => <Link to={assessmentPaths.sheet(a.sheetId)}>{a.orgName}</Link>,
          },
          {
            title: t('assessment.awards.level'),
            dataIndex: 'level',
            width: 110,
            render: (v: number) => <span style={{ color: '#d48806' }}>{starMarks(v)}</span>,
          },
          {
            title: t('assessment.awards.previous'),
            dataIndex: 'previousLevel',
            width: 100,
            render: (v: number) => starMarks(v),
          },
          {
            title: t('assessment.awards.movement'),
            dataIndex: 'movement',
            width: 100,
            render: (v: string) => <Tag color={movementColor[v]}>{movementLabel(t, v)}</Tag>,
          },
          {
            title: t('assessment.awards.stars'),
            dataIndex: 'stars',
            responsive: ['md'],
            render: (v: string[]) => v.map((c) => starName.get(c) ?? c).join('、'),
          },
          {
            title: t('assessment.awards.reason'),
            key: 'reason',
            responsive: ['md'],
            render: (_: unknown, a) =>
              a.reasonText === null
                ? awardReasonLabel(t, a.reason)
                : `${awardReasonLabel(t, a.reason)}${t('assessment.colon')}${a.reasonText}`,
          },
          {
            title: t('assessment.awards.decidedAt'),
            dataIndex: 'decidedAt',
            width: 110,
            responsive: ['lg'],
            render: (v: number) => formatDate(v),
          },
        ]}
      />
    </Flex>
  );
};
