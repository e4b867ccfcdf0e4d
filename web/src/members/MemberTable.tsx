// Party members of an organisation subtree: filters, masked numbers, keyset "load more".
import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useCursorList } from '../api/useCursorList';
import { educations, fetchMembers, type Member, type MemberFilter } from './api';

export const memberLink = (id: string): string => `/members/${encodeURIComponent(id)}`;

export const MemberTable = ({ orgId }: { orgId?: string }) => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<MemberFilter>({});
  const [name, setName] = useState('');
  const query = { ...filter, orgId };
  const list = useCursorList(
    (cursor, signal) => fetchMembers(query, cursor, signal),
    [JSON.stringify(query)],
  );
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
          onChange={(v: MemberFilter['status']) => set({ status: v })}
          options={(['full', 'probationary'] as const).map((s) => ({
            value: s,
            label: t(`orgSystem.status.${s}`),
          }))}
        />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('orgSystem.members.allGender')}
          onChange={(v: MemberFilter['gender']) => set({ gender: v })}
          options={(['male', 'female'] as const).map((g) => ({
            value: g,
            label: t(`orgSystem.gender.${g}`),
          }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('orgSystem.members.allEducation')}
          onChange={(v: MemberFilter['education']) => set({ education: v })}
          options={educations.map((e) => ({ value: e, label: t(`orgSystem.education.${e}`) }))}
        />
      </Flex>
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      <Table<Member>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
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
      {list.hasMore ? (
        <Flex justify="center">
          <Button onClick={list.loadMore} loading={list.isLoadingMore}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
};
