// Who has not registered with a community (未报到名单): for a party branch, its members, how many are registered and
// those who are not (never registered, lapsed, or waiting for the community); below, the quarterly feedback the
// platform sent to units and branches in the desk's scope, with how many accounts each reached.
import { useEffect, useState } from 'react';
import { Card, Flex, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchOrg } from '../api/orgs';
import type { Org } from '../api/types';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { OrgPicker } from '../orgs/OrgPicker';
import {
  fetchSentFeedback,
  fetchUnregistered,
  type FeedbackKind,
  type SentFeedback,
  type UnregisteredMember,
} from './api';
import {
  feedbackKindLabel,
  formatDateTimeShort,
  recentQuarters,
  unregisteredColour,
  unregisteredStateLabel,
} from './labels';

/** The level a party branch is recorded at. */
const BRANCH_LEVELS = ['branch'];
const FEEDBACK_KINDS: FeedbackKind[] = ['employer', 'branch'];

/** Registered members as a share of all, in per cent with one decimal; null when the branch has none. */
const coverageOf = (registered: number, members: number): number | null =>
  members === 0 ? null : Math.round((registered / members) * 1000) / 10;

export const UnregisteredTab = ({ orgId }: { orgId: string | undefined }) => (
  <Flex vertical gap={24}>
    <UnregisteredList orgId={orgId} />
    <SentFeedbackList orgId={orgId} />
  </Flex>
);

/** The branch list; the desk's organisation starts it when that is a branch (a feedback notification links so). */
const UnregisteredList = ({ orgId }: { orgId: string | undefined }) => {
  const { t } = useTranslation();
  const [branchId, setBranchId] = useState<string | null>(null);
  const [known, setKnown] = useState<Org[]>([]);
  useEffect(() => {
    if (orgId === undefined) {
      return;
    }
    const controller = new AbortController();
    fetchOrg(orgId, controller.signal).then(
      ({ item }) => {
        if (item.level === 'branch') {
          setKnown([item]);
          setBranchId((current) => current ?? item.id);
        }
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [orgId]);
  const { data, error, isLoading, reload } = useLoader(
    async (signal) => (branchId === null ? undefined : fetchUnregistered(branchId, signal)),
    [branchId],
  );
  const coverage = data === undefined ? null : coverageOf(data.registered, data.members);
  return (
    <Flex vertical gap={12}>
      <div style={{ width: 320, maxWidth: '100%' }} title={t('volunteers.unregistered.pickBranch')}>
        <OrgPicker
          value={branchId}
          onChange={setBranchId}
          levels={BRANCH_LEVELS}
          known={known}
          testId="unregistered-branch"
        />
      </div>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {branchId === null ? (
        <Typography.Text type="secondary">{t('volunteers.unregistered.pickHint')}</Typography.Text>
      ) : (
        <>
          {data === undefined ? null : (
            <Card size="small" data-testid="unregistered-summary">
              <Flex vertical gap={8}>
                <Typography.Text strong>
                  {data.employer === null
                    ? data.branch.name
                    : `${data.branch.name} · ${t('volunteers.unregistered.employer')} ${data.employer.name}`}
                </Typography.Text>
                <Flex gap={32} wrap>
                  <Statistic
                    title={t('volunteers.unregistered.members')}
                    value={data.members}
                    data-testid="unregistered-members"
                  />
                  <Statistic
                    title={t('volunteers.unregistered.registered')}
                    value={data.registered}
                    data-testid="unregistered-registered"
                  />
                  <Statistic
                    title={t('volunteers.unregistered.coverage')}
                    value={coverage ?? t('common.none')}
                    precision={coverage === null ? undefined : 1}
                    suffix={coverage === null ? undefined : '%'}
                    data-testid="unregistered-coverage"
                  />
                </Flex>
              </Flex>
            </Card>
          )}
          <Table<UnregisteredMember>
            rowKey="memberId"
            size="middle"
            loading={isLoading}
            dataSource={data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 30, showSizeChanger: false }}
            locale={{ emptyText: t('volunteers.unregistered.empty') }}
            data-testid="unregistered-table"
            columns={[
              { title: t('volunteers.unregistered.name'), dataIndex: 'name' },
              {
                title: t('volunteers.unregistered.state'),
                dataIndex: 'state',
                render: (v: string) => (
                  <Tag color={unregisteredColour(v)} data-testid="unregistered-state">
                    {unregisteredStateLabel(t, v)}
                  </Tag>
                ),
              },
              {
                title: t('volunteers.unregistered.community'),
                dataIndex: 'communityName',
                render: (v: string | null) => v ?? t('common.none'),
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
};

const SentFeedbackList = ({ orgId }: { orgId: string | undefined }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const quarters = recentQuarters(8);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<FeedbackKind | undefined>(undefined);
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchSentFeedback({ orgId, period, kind, limit: 200 }, signal),
    [orgId, period, kind],
  );
  const quarterLabel = (q: string) => {
    const [year, n] = q.split('-Q');
    return n === undefined ? q : t('volunteers.employer.quarterValue', { year, q: n });
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('volunteers.feedback.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Select<string>
            allowClear
            value={period}
            onChange={(v: string | undefined) => setPeriod(v)}
            placeholder={t('volunteers.feedback.allQuarters')}
            aria-label={t('volunteers.feedback.quarter')}
            options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
            style={{ width: 180 }}
            data-testid="feedback-quarter"
          />
          <Select<FeedbackKind>
            allowClear
            value={kind}
            onChange={(v: FeedbackKind | undefined) => setKind(v)}
            placeholder={t('volunteers.feedback.allKinds')}
            aria-label={t('volunteers.feedback.kind')}
            options={FEEDBACK_KINDS.map((k) => ({ value: k, label: feedbackKindLabel(t, k) }))}
            style={{ width: 140 }}
            data-testid="feedback-kind"
          />
        </Flex>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Table<SentFeedback>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('volunteers.feedback.empty') }}
        data-testid="feedback-table"
        columns={[
          {
            title: t('volunteers.feedback.kind'),
            dataIndex: 'kind',
            render: (v: string) => <Tag>{feedbackKindLabel(t, v)}</Tag>,
          },
          {
            key: 'org',
            title: t('volunteers.feedback.org'),
            render: (_: unknown, f: SentFeedback) => f.org.name,
          },
          {
            title: t('volunteers.feedback.quarter'),
            dataIndex: 'period',
            render: (v: string) => quarterLabel(v),
          },
          { title: t('volunteers.feedback.members'), dataIndex: 'members' },
          { title: t('volunteers.feedback.unregistered'), dataIndex: 'unregistered' },
          { title: t('volunteers.feedback.behindBar'), dataIndex: 'behindBar' },
          { title: t('volunteers.feedback.hours'), dataIndex: 'hours' },
          {
            title: t('volunteers.feedback.recipients'),
            dataIndex: 'recipients',
            render: (v: number) =>
              v === 0 ? (
                <Tag color="warning" data-testid="feedback-no-recipients">
                  {t('volunteers.feedback.noRecipients')}
                </Tag>
              ) : (
                v
              ),
          },
          {
            title: t('volunteers.feedback.sentAt'),
            dataIndex: 'sentAt',
            render: (v: number) => formatDateTimeShort(v, locale),
          },
        ]}
      />
    </Flex>
  );
};
