// Party members of an organisation subtree: filters, masked numbers, keyset "load more".
import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { educations, fetchMembers, type Member, type MemberFilter } from './api';

export const memberLink = (id: string): string => `/members/${encodeURIComponent(id)}`;

export const MemberTable = ({ orgId }: { orgId?: string }) => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<MemberFilter>({});
  const [name, setName] = useState('');
  const query = { ...filter, orgId };
  const first = useLoader((signal) => fetchMembers(query, null, signal), [JSON.stringify(query)]);
  const [more, setMore] = useState<{ key: string; items: Member[]; nextCursor: string | null } | null>(null);
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const key = JSON.stringify(query);
  const extra = more?.key === key ? more : null;
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra === null ? (first.data?.nextCursor ?? null) : extra.nextCursor;

  const loadMore = async () => {
    if (nextCursor === null) {
      return;
    }
    setIsLoadingMore(true);
    try {
      const page = await fetchMembers(query, nextCursor);
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } finally {
      setIsLoadingMore(false);
    }
  };
  const set = (patch: MemberFilter) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <Flex vertical gap={12} data-testid="member-table">
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          style={{ width: 180 }}
          placeholder={t('orgSystem.members.filterName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onSearch={(v) => set({ name: v.trim() === '' ? undefined : v.trim() })}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('orgSystem.members.allStatus')}
          onChange={(v: string | undefined) => set({ status: v })}
          options={(['full', 'probationary'] as const).map((s) => ({
            value: s,
            label: t(`orgSystem.status.${s}`),
          }))}
        />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('orgSystem.members.allGender')}
          onChange={(v: string | undefined) => set({ gender: v })}
          options={(['male', 'female'] as const).map((g) => ({
            value: g,
            label: t(`orgSystem.gender.${g}`),
          }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('orgSystem.members.allEducation')}
          onChange={(v: string | undefined) => set({ education: v })}
          options={educations.map((e) => ({ value: e, label: t(`orgSystem.education.${e}`) }))}
        />
      </Flex>
      {first.error === undefined ? null : <ProblemAlert error={first.error} onRetry={first.reload} />}
      <Table<Member>
        rowKey="id"
        size="small"
        loading={first.isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          {
            key: 'name',
            title: t('orgSystem.members.name'),
            render: (_, m) => <Link to={memberLink(m.id)}>{m.name}</Link>,
          },
          {
            key: 'gender',
            title: t('orgSystem.members.gender'),
            render: (_, m) =>
              t(`orgSystem.gender.${m.gender as 'male' | 'female'}`, { defaultValue: m.gender }),
          },
          {
            key: 'birthYear',
            title: t('orgSystem.members.birthYear'),
            dataIndex: 'birthYear',
            responsive: ['sm'],
          },
          {
            key: 'education',
            title: t('orgSystem.members.education'),
            responsive: ['md'],
            render: (_, m) =>
              t(`orgSystem.education.${m.education as 'college'}`, { defaultValue: m.education }),
          },
          {
            key: 'idNumber',
            title: t('orgSystem.members.idNumber'),
            dataIndex: 'idNumber',
            responsive: ['md'],
          },
          {
            key: 'phone',
            title: t('orgSystem.members.phone'),
            render: (_, m) => m.phone ?? '—',
            responsive: ['lg'],
          },
          {
            key: 'branch',
            title: t('orgSystem.members.branch'),
            render: (_, m) => (m.group === null ? m.branch.name : `${m.branch.name} · ${m.group.name}`),
            responsive: ['sm'],
          },
          {
            key: 'status',
            title: t('orgSystem.members.status'),
            render: (_, m) => (
              <Tag color={m.status === 'full' ? 'red' : 'orange'}>
                {t(`orgSystem.status.${m.status as 'full'}`, { defaultValue: m.status })}
              </Tag>
            ),
          },
        ]}
      />
      {nextCursor === null ? null : (
        <Flex justify="center">
          <Button onClick={() => void loadMore()} loading={isLoadingMore}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
};
