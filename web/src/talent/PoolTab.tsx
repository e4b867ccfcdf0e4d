// The pool: the numbers of the chosen place at the top, then the talents found by skill, kind, place, confirmation
// and consent, keyset-paged, with stale profiles flagged and phones masked; a row opens the profile.
import { useState } from 'react';
import { Button, Card, Col, Flex, Input, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../api/useCursorList';
import { useAbility } from '../auth/useAuth';
import { OrgSelect } from '../cases/OrgSelect';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import {
  fetchTalentNumbers,
  fetchTalents,
  talentKinds,
  type Talent,
  type TalentFilter,
  type TalentKind,
  type TalentNumbers,
} from './api';
import { formatDate, kindColour, kindLabel } from './labels';
import { ProfileDialog } from './ProfileDialog';

const NumberCards = ({ data }: { data: TalentNumbers }) => {
  const { t } = useTranslation();
  const n = data.numbers;
  const cards = [
    { key: 'total', title: t('talent.numbers.total'), value: n.total },
    { key: 'consenting', title: t('talent.numbers.consenting'), value: n.consenting },
    { key: 'stale', title: t('talent.numbers.stale'), value: n.stale },
    { key: 'engaged', title: t('talent.numbers.engaged'), value: n.engaged },
    { key: 'assignments', title: t('talent.numbers.assignments'), value: n.assignments },
  ];
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('talent.numbers.title', { name: data.org.name })}</Typography.Text>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} sm={8} md={6} xl={4}>
            <Card size="small" data-testid={`talent-number-${c.key}`}>
              <Statistic title={c.title} value={c.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Flex gap={4} wrap data-testid="talent-number-kinds">
        {talentKinds.map((k) => (
          <Tag key={k} color={kindColour(k)}>
            {t('talent.numbers.byKind', { kind: kindLabel(t, k), count: n.byKind[k] ?? 0 })}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
};

type Flag = 'yes' | 'no' | undefined;
const flagOf = (v: Flag): boolean | undefined => (v === undefined ? undefined : v === 'yes');

export const PoolTab = ({
  version,
  onOpen,
  onChanged,
}: {
  /** Bumped when a profile changes elsewhere (the drawer): the list and numbers load again. */
  version: number;
  onOpen: (id: string) => void;
  onChanged: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canWrite = useAbility('talent.write');
  const [skillText, setSkillText] = useState('');
  const [skill, setSkill] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<TalentKind | undefined>(undefined);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [stale, setStale] = useState<Flag>(undefined);
  const [consent, setConsent] = useState<Flag>(undefined);
  const [isFiling, setIsFiling] = useState(false);
  const filter: TalentFilter = { orgId, skill, kind, stale: flagOf(stale), consent: flagOf(consent) };
  const list = useCursorList(
    (cursor, signal) => fetchTalents(filter, cursor, signal),
    [orgId, skill, kind, stale, consent, version],
  );
  const numbers = useLoader((signal) => fetchTalentNumbers(orgId, signal), [orgId, version]);

  return (
    <Flex vertical gap={16}>
      {numbers.data === undefined ? (
        numbers.error === undefined ? null : (
          <ProblemAlert error={numbers.error} onRetry={numbers.reload} />
        )
      ) : (
        <NumberCards data={numbers.data} />
      )}
      <Flex wrap gap={8} align="center">
        <Input.Search
          allowClear
          placeholder={t('talent.filters.skill')}
          value={skillText}
          onChange={(e) => {
            setSkillText(e.target.value);
            if (e.target.value === '') {
              setSkill(undefined);
            }
          }}
          onSearch={(v) => setSkill(v.trim() === '' ? undefined : v.trim())}
          style={{ maxWidth: 280 }}
          data-testid="talent-search"
        />
        <Select<TalentKind>
          allowClear
          placeholder={t('talent.filters.kind')}
          value={kind}
          onChange={setKind}
          style={{ minWidth: 160 }}
          data-testid="talent-kind-filter"
          options={talentKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
        <OrgSelect
          value={orgId}
          onChange={setOrgId}
          placeholder={t('talent.filters.place')}
          isDistrictPickable
          testId="talent-place-filter"
          style={{ width: 220 }}
        />
        <Select<'yes' | 'no'>
          allowClear
          placeholder={t('talent.filters.confirmation')}
          value={stale}
          onChange={setStale}
          style={{ minWidth: 160 }}
          data-testid="talent-stale-filter"
          options={[
            { value: 'yes', label: t('talent.filters.staleOnly') },
            { value: 'no', label: t('talent.filters.currentOnly') },
          ]}
        />
        <Select<'yes' | 'no'>
          allowClear
          placeholder={t('talent.filters.consent')}
          value={consent}
          onChange={setConsent}
          style={{ minWidth: 150 }}
          data-testid="talent-consent-filter"
          options={[
            { value: 'yes', label: t('talent.filters.consentYes') },
            { value: 'no', label: t('talent.filters.consentNo') },
          ]}
        />
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsFiling(true)}
            style={{ marginInlineStart: 'auto' }}
            data-testid="talent-file"
          >
            {t('talent.list.file')}
          </Button>
        ) : null}
      </Flex>
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      <Table<Talent>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('talent.list.empty') }}
        data-testid="talent-list"
        onRow={(row) => ({
          onClick: () => onOpen(row.id),
          style: { cursor: 'pointer' },
          'data-testid': 'talent-row',
          'data-talent-id': row.id,
        })}
        columns={[
          {
            title: t('talent.list.name'),
            dataIndex: 'name',
            width: 150,
            render: (_: unknown, p) => (
              <Flex gap={4} wrap align="center">
                <Typography.Link data-testid="talent-name">{p.name}</Typography.Link>
                {p.stale ? (
                  <Tag color="orange" data-testid="talent-stale">
                    {t('talent.list.stale')}
                  </Tag>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t('talent.list.kind'),
            dataIndex: 'kind',
            width: 140,
            render: (k: TalentKind) => <Tag color={kindColour(k)}>{kindLabel(t, k)}</Tag>,
          },
          {
            title: t('talent.list.skills'),
            dataIndex: 'skills',
            render: (skills: string[]) => (
              <Flex gap={4} wrap>
                {skills.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}
              </Flex>
            ),
          },
          { title: t('talent.list.place'), dataIndex: 'orgName', width: 140 },
          {
            title: t('talent.list.phone'),
            dataIndex: 'phoneMasked',
            width: 150,
            render: (_: unknown, p) => (
              <Flex vertical>
                <span data-testid="talent-phone">{p.phoneMasked ?? t('common.none')}</span>
                {p.consent ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('talent.list.noConsent')}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('talent.list.confirmed'),
            dataIndex: 'confirmedAt',
            width: 120,
            render: (v: number) => formatDate(v, locale),
          },
        ]}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" data-testid="talent-loaded">
          {t('talent.list.loaded', { count: list.items.length })}
        </Typography.Text>
        {list.hasMore ? (
          <Button onClick={list.loadMore} loading={list.isLoadingMore} data-testid="talent-more">
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Flex>
      {isFiling ? (
        <ProfileDialog
          defaultOrgId={orgId}
          onClose={() => setIsFiling(false)}
          onSaved={(view) => {
            setIsFiling(false);
            onChanged();
            onOpen(view.item.id);
          }}
        />
      ) : null}
    </Flex>
  );
};
