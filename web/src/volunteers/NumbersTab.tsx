// The numbers of a subtree over a period: service hours, 双报到 coverage, posts filled, activities; hours by
// community and by branch; and the points ranking of a branch picked from the list.
import { useMemo, useState } from 'react';
import { Card, Col, Flex, Progress, Row, Segmented, Select, Statistic, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchNumbers, fetchRanking, orgIdOfPath, type Numbers, type PathHours, type RankRow } from './api';
import { hoursOf, thisYear } from './labels';
import type { Communities } from './useCommunities';
import { useOrgNames } from './useOrgNames';

const PERIODS = [30, 90, 365] as const;
type Period = (typeof PERIODS)[number];
/** Branches whose names are looked up: the busiest first. */
const NAMED_BRANCHES = 40;

export const NumbersTab = ({
  orgId,
  communities,
}: {
  orgId: string | undefined;
  communities: Communities;
}) => {
  const { t } = useTranslation();
  const [days, setDays] = useState<Period>(365);
  // A branch's ranking may be linked to with ?branch=<id>.
  const [params] = useSearchParams();
  const [branchId, setBranchId] = useState<string | null>(params.get('branch'));
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchNumbers(orgId, days, signal),
    [orgId, days],
  );
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary">{t('volunteers.numbers.period')}</Typography.Text>
        <Segmented<Period>
          value={days}
          onChange={setDays}
          options={PERIODS.map((d) => ({ value: d, label: t(`volunteers.numbers.days${d}`) }))}
        />
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {data === undefined ? (
        <Card loading={isLoading} />
      ) : (
        <>
          <Totals total={data.total} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <PathTable
                title={t('volunteers.numbers.communities')}
                rows={data.communities}
                nameOf={(p) => communities.nameOf(orgIdOfPath(p))}
              />
            </Col>
            <Col xs={24} xl={12}>
              <BranchTable rows={data.branches} selectedId={branchId} onPick={setBranchId} />
            </Col>
          </Row>
          <RankingCard branchId={branchId} />
          <BelowBarCard members={data.members} />
        </>
      )}
    </Flex>
  );
};

const Totals = ({ total }: { total: Numbers['total'] }) => {
  const { t } = useTranslation();
  const of = (n: number) => `/ ${new Intl.NumberFormat(currentLocale()).format(n)}`;
  const coverage = total.registrationCoverage;
  return (
    <Row gutter={[16, 16]} data-testid="volunteer-totals">
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('volunteers.numbers.hours')} value={total.hours} precision={1} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('volunteers.numbers.membersServing')}
            value={total.membersServing}
            suffix={of(total.members)}
          />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small">
          <Typography.Text type="secondary">{t('volunteers.numbers.coverage')}</Typography.Text>
          <Progress percent={coverage === null ? 0 : Math.round(coverage * 1000) / 10} />
          <Flex gap={16} wrap>
            <Typography.Text>
              {t('volunteers.numbers.membersRegistered')} {total.membersRegistered}
            </Typography.Text>
            <Typography.Text>
              {t('volunteers.numbers.membersPending')} {total.membersPending}
            </Typography.Text>
            <Typography.Text>
              {t('volunteers.numbers.registrationsDue')} {total.registrationsDue}
            </Typography.Text>
            <Typography.Text>
              {t('volunteers.numbers.unitsRegistered')} {total.unitsRegistered}
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('volunteers.numbers.postsFilled')}
            value={total.postsFilled}
            suffix={of(total.posts)}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('volunteers.numbers.placesFilled')}
            value={total.placesFilled}
            suffix={of(total.places)}
          />
        </Card>
      </Col>
      <Col xs={12} md={4}>
        <Card size="small">
          <Statistic title={t('volunteers.numbers.activitiesHeld')} value={total.activitiesHeld} />
        </Card>
      </Col>
      <Col xs={12} md={4}>
        <Card size="small">
          <Statistic title={t('volunteers.numbers.activitiesOpen')} value={total.activitiesOpen} />
        </Card>
      </Col>
      <Col xs={12} md={4}>
        <Card size="small">
          <Statistic title={t('volunteers.numbers.reliefVisits')} value={total.reliefVisits} />
        </Card>
      </Col>
    </Row>
  );
};

const PathTable = ({
  title,
  rows,
  nameOf,
}: {
  title: string;
  rows: PathHours[];
  nameOf: (path: string) => string;
}) => {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...rows].sort((a, b) => b.hours - a.hours), [rows]);
  return (
    <Card size="small" title={title}>
      <Table<PathHours>
        rowKey="orgPath"
        size="small"
        dataSource={sorted}
        pagination={sorted.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: t('volunteers.numbers.org'), dataIndex: 'orgPath', render: (p: string) => nameOf(p) },
          { title: t('volunteers.numbers.orgHours'), dataIndex: 'hours', width: 120 },
          { title: t('volunteers.numbers.orgMembers'), dataIndex: 'members', width: 120 },
        ]}
      />
    </Card>
  );
};

const BranchTable = ({
  rows,
  selectedId,
  onPick,
}: {
  rows: PathHours[];
  selectedId: string | null;
  onPick: (id: string) => void;
}) => {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...rows].sort((a, b) => b.hours - a.hours), [rows]);
  const names = useOrgNames(
    useMemo(() => sorted.slice(0, NAMED_BRANCHES).map((r) => orgIdOfPath(r.orgPath)), [sorted]),
  );
  return (
    <Card size="small" title={t('volunteers.numbers.branches')}>
      <Table<PathHours>
        rowKey="orgPath"
        size="small"
        dataSource={sorted.slice(0, NAMED_BRANCHES)}
        pagination={false}
        scroll={{ y: 360 }}
        rowClassName={(r) => (orgIdOfPath(r.orgPath) === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => onPick(orgIdOfPath(r.orgPath)), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('volunteers.numbers.org'),
            dataIndex: 'orgPath',
            render: (p: string) => <Typography.Link>{names.get(orgIdOfPath(p)) ?? '…'}</Typography.Link>,
          },
          { title: t('volunteers.numbers.orgHours'), dataIndex: 'hours', width: 120 },
          { title: t('volunteers.numbers.orgMembers'), dataIndex: 'members', width: 120 },
        ]}
      />
    </Card>
  );
};

type MemberHours = Numbers['members'][number];

const BelowBarCard = ({ members }: { members: MemberHours[] }) => {
  const { t } = useTranslation();
  const below = useMemo(() => members.filter((m) => m.isBelowBar), [members]);
  return (
    <Card size="small" title={`${t('volunteers.numbers.belowBar')} · ${below.length}`}>
      <Table<MemberHours>
        rowKey="memberId"
        size="small"
        dataSource={below}
        pagination={below.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: t('volunteers.numbers.name'), dataIndex: 'name' },
          { title: t('volunteers.numbers.serviceHours'), dataIndex: 'hours', width: 140 },
        ]}
      />
    </Card>
  );
};

const RankingCard = ({ branchId }: { branchId: string | null }) => {
  const { t } = useTranslation();
  const current = thisYear();
  const [year, setYear] = useState(current);
  const { data, error, isLoading } = useLoader(
    async (signal) => (branchId === null ? undefined : fetchRanking(branchId, year, signal)),
    [branchId, year],
  );
  const names = useOrgNames(useMemo(() => (branchId === null ? [] : [branchId]), [branchId]));
  return (
    <Card
      size="small"
      title={
        branchId === null
          ? t('volunteers.numbers.ranking')
          : `${t('volunteers.numbers.ranking')} · ${names.get(branchId) ?? ''}`
      }
      extra={
        <Select
          value={year}
          onChange={setYear}
          aria-label={t('volunteers.numbers.year')}
          options={[0, 1, 2, 3].map((d) => ({ value: current - d, label: String(current - d) }))}
        />
      }
    >
      {error === undefined ? null : <ProblemAlert error={error} />}
      {branchId === null ? (
        <Typography.Text type="secondary">{t('volunteers.numbers.rankingEmpty')}</Typography.Text>
      ) : (
        <Table<RankRow>
          rowKey="memberId"
          size="small"
          loading={isLoading}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="ranking-table"
          columns={[
            { title: t('volunteers.numbers.rank'), dataIndex: 'rank', width: 80 },
            { title: t('volunteers.numbers.name'), dataIndex: 'name' },
            { title: t('volunteers.numbers.points'), dataIndex: 'points', width: 100 },
            {
              title: t('volunteers.numbers.serviceHours'),
              dataIndex: 'minutes',
              width: 120,
              render: (m: number) => hoursOf(m),
            },
          ]}
        />
      )}
    </Card>
  );
};
