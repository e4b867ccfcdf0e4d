// The councils (议事会) of the caller's scope: towns and villages, with convener, room and support threshold; a link
// may narrow them to one unit's (?orgId=: a village's council, a town's and its villages').
import { useMemo, useState } from 'react';
import { Card, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchOrg, fetchOrgChildren } from '../api/orgs';
import { levelLabel } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import type { OrgLevel } from '../api/types';
import { fetchCouncils, staffPaths, type Council } from './api';

type LevelFilter = 'all' | 'town' | 'village';

/** The unit a link names and the organisations whose councils it covers (null: the whole scope, for a district). */
const loadUnit = async (orgId: string, signal: AbortSignal) => {
  const { item } = await fetchOrg(orgId, signal);
  if (item.level === 'district') {
    return { item, orgIds: null };
  }
  const children = item.level === 'town' ? (await fetchOrgChildren(orgId, { limit: 500 }, signal)).items : [];
  return { item, orgIds: new Set([item.id, ...children.map((c) => c.id)]) };
};

export const CouncilsPage = () => {
  const { t } = useTranslation();
  const [level, setLevel] = useState<LevelFilter>('all');
  const [text, setText] = useState('');
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const unit = useLoader(
    (signal) => (orgId === undefined ? Promise.resolve(undefined) : loadUnit(orgId, signal)),
    [orgId],
  );
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchCouncils(level === 'all' ? undefined : level, signal),
    [level],
  );
  // The unit of the address now (not one an earlier address named while the next one loads or fails).
  const linked = unit.data?.item.id === orgId ? unit.data : undefined;
  const rows = useMemo(() => {
    const q = text.trim();
    // A unit not (yet) found narrows to nothing rather than showing the whole scope as if it were the unit's.
    const orgIds = orgId === undefined ? null : (linked?.orgIds ?? new Set<string>());
    const items = (data?.items ?? []).filter((c) => orgIds === null || orgIds.has(c.orgId));
    return q === '' ? items : items.filter((c) => c.name.includes(q));
  }, [data, text, orgId, linked]);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('consultations.title')}
      </Typography.Title>
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<LevelFilter>
            value={level}
            onChange={setLevel}
            options={[
              { value: 'all', label: t('consultations.councils.all') },
              { value: 'town', label: t('consultations.councils.town') },
              { value: 'village', label: t('consultations.councils.village') },
            ]}
          />
          {linked === undefined ? null : (
            <Tag
              closable
              onClose={() => {
                const next = new URLSearchParams(params);
                next.delete('orgId');
                setParams(next);
              }}
              data-testid="council-unit"
            >
              {t('consultations.councils.unit', { name: linked.item.name })}
            </Tag>
          )}
          <Input.Search
            allowClear
            placeholder={t('consultations.councils.search')}
            aria-label={t('consultations.councils.search')}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 260 }}
          />
          <Typography.Text type="secondary">
            {t('consultations.councils.loaded', { count: rows.length })}
          </Typography.Text>
        </Flex>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        {unit.error === undefined ? null : <ProblemAlert error={unit.error} onRetry={unit.reload} />}
        <Table<Council>
          rowKey="id"
          size="middle"
          loading={isLoading || (orgId !== undefined && unit.isLoading)}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('consultations.councils.empty') }}
          data-testid="council-table"
          columns={[
            {
              title: t('consultations.councils.name'),
              dataIndex: 'name',
              render: (_: unknown, c) => <Link to={staffPaths.council(c.id)}>{c.name}</Link>,
            },
            {
              title: t('consultations.councils.level'),
              dataIndex: 'level',
              width: 140,
              render: (v: string) => levelLabel(t, v as OrgLevel),
            },
            { title: t('consultations.councils.place'), dataIndex: 'place' },
            {
              title: t('consultations.councils.convener'),
              dataIndex: 'convenerName',
              width: 140,
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('consultations.councils.supportRule'),
              key: 'rule',
              width: 200,
              render: (_: unknown, c) =>
                t('consultations.councils.supportRuleValue', {
                  threshold: c.supportThreshold,
                  days: c.supportDays,
                }),
            },
          ]}
        />
      </Card>
    </Flex>
  );
};
