// Needs and suggestions: the open alliance demands, volunteer posts or consultation topics in view; for the one
// chosen (?need=<kind>:<id>), the talents the server ranks for it with the reasons, the talents already put to it,
// and putting a suggested talent to work.
import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import {
  fetchNeeds,
  fetchSuggestions,
  needKinds,
  type Need,
  type NeedAssignment,
  type NeedKind,
  type Suggestion,
} from './api';
import { AssignDialog } from './AssignmentDialogs';
import {
  assignmentStatusLabel,
  formatDate,
  kindColour,
  kindLabel,
  reasonColour,
  reasonLabel,
  targetLabel,
} from './labels';

const Suggestions = ({
  need,
  version,
  onOpen,
  onAssigned,
}: {
  need: { kind: NeedKind; id: string };
  version: number;
  onOpen: (profileId: string) => void;
  onAssigned: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canWrite = useAbility('talent.write');
  const [assigning, setAssigning] = useState<Suggestion | null>(null);
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchSuggestions(need.kind, need.id, signal),
    [need.kind, need.id, version],
  );
  if (data === undefined) {
    return error === undefined ? (
      <Card size="small" loading />
    ) : (
      <ProblemAlert error={error} onRetry={reload} />
    );
  }
  return (
    <Flex vertical gap={12} data-testid="need-view">
      <Card size="small">
        <Flex vertical gap={4}>
          <Flex gap={8} align="center" wrap>
            <Tag>{targetLabel(t, data.need.kind)}</Tag>
            <Typography.Text strong data-testid="need-title">
              {data.need.title}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary">
            {data.need.orgName} · {formatDate(data.need.createdAt, locale)}
          </Typography.Text>
          {data.need.detail === '' ? null : (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {data.need.detail}
            </Typography.Paragraph>
          )}
        </Flex>
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('talent.needs.suggestions')}
      </Typography.Title>
      {data.need.isOpen ? null : (
        <Typography.Text type="secondary">{t('talent.needs.closed')}</Typography.Text>
      )}
      <Table<Suggestion>
        rowKey={(s) => s.profile.id}
        size="small"
        loading={isLoading}
        dataSource={data.items}
        pagination={false}
        scroll={{ x: 680 }}
        locale={{ emptyText: t('talent.needs.noSuggestions') }}
        data-testid="suggestions"
        onRow={(s) =>
          ({ 'data-testid': 'suggestion', 'data-talent-id': s.profile.id }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('talent.needs.talent'),
            key: 'talent',
            render: (_: unknown, s) => (
              <Flex vertical gap={2}>
                <Flex gap={4} align="center" wrap>
                  <Typography.Link onClick={() => onOpen(s.profile.id)} data-testid="suggestion-name">
                    {s.profile.name}
                  </Typography.Link>
                  <Tag color={kindColour(s.profile.kind)}>{kindLabel(t, s.profile.kind)}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {s.profile.orgName} · {s.profile.phoneMasked ?? t('common.none')}
                </Typography.Text>
                {s.matchedSkills.length === 0 ? null : (
                  <Typography.Text data-testid="suggestion-skills">
                    {t('talent.needs.matched', { skills: s.matchedSkills.join('、') })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('talent.needs.reasons'),
            key: 'reasons',
            width: 230,
            render: (_: unknown, s) => (
              <Flex vertical gap={4}>
                <Flex gap={4} wrap>
                  {s.reasons.map((r) => (
                    <Tag key={r} color={reasonColour(r)} data-testid="suggestion-reason">
                      {reasonLabel(t, r)}
                    </Tag>
                  ))}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('talent.needs.score', { score: s.score })}
                  {s.activeAssignments > 0
                    ? ` · ${t('talent.needs.busy', { count: s.activeAssignments })}`
                    : ''}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: '',
            key: 'act',
            width: 130,
            render: (_: unknown, s) =>
              canWrite ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setAssigning(s)}
                  data-testid="suggestion-assign"
                >
                  {t('talent.needs.assign')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('talent.needs.assigned')}
      </Typography.Title>
      <Table<NeedAssignment>
        rowKey={(a) => a.assignment.id}
        size="small"
        dataSource={data.assignments}
        pagination={false}
        locale={{ emptyText: t('talent.needs.noneAssigned') }}
        data-testid="need-assignments"
        onRow={() => ({ 'data-testid': 'need-assignment' }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('talent.needs.talent'),
            key: 'talent',
            render: (_: unknown, a) => (
              <Flex gap={4} align="center" wrap>
                <Typography.Link onClick={() => onOpen(a.profileId)}>{a.profileName}</Typography.Link>
                <Tag color={kindColour(a.profileKind)}>{kindLabel(t, a.profileKind)}</Tag>
              </Flex>
            ),
          },
          {
            title: t('talent.assign.startsAt'),
            key: 'starts',
            width: 120,
            render: (_: unknown, a) => formatDate(a.assignment.startsAt, locale),
          },
          {
            title: t('talent.needs.status'),
            key: 'status',
            width: 100,
            render: (_: unknown, a) => (
              <Tag color={a.assignment.status === 'active' ? 'blue' : 'green'}>
                {assignmentStatusLabel(t, a.assignment.status)}
              </Tag>
            ),
          },
        ]}
      />
      {assigning === null ? null : (
        <AssignDialog
          profileId={assigning.profile.id}
          profileName={assigning.profile.name}
          need={data.need}
          onClose={() => setAssigning(null)}
          onAssigned={() => {
            setAssigning(null);
            reload();
            onAssigned();
          }}
        />
      )}
    </Flex>
  );
};

const parseNeed = (v: string | null): { kind: NeedKind; id: string } | undefined => {
  const at = v?.indexOf(':') ?? -1;
  if (v === null || at < 0) {
    return undefined;
  }
  const kind = v.slice(0, at);
  const id = v.slice(at + 1);
  return needKinds.some((k) => k === kind) && id !== '' ? { kind: kind as NeedKind, id } : undefined;
};

export const NeedsTab = ({
  needParam,
  version,
  onPick,
  onOpen,
  onAssigned,
}: {
  /** The chosen need as `<kind>:<id>`, from the address. */
  needParam: string | null;
  version: number;
  onPick: (need: string | undefined) => void;
  onOpen: (profileId: string) => void;
  onAssigned: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const chosen = parseNeed(needParam);
  const [kind, setKind] = useState<NeedKind>(chosen?.kind ?? 'demand');
  const { data, error, isLoading, reload } = useLoader((signal) => fetchNeeds(kind, signal), [kind]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Flex vertical gap={12}>
          <Segmented<NeedKind>
            value={kind}
            onChange={setKind}
            data-testid="need-kind"
            options={needKinds.map((k) => ({ value: k, label: targetLabel(t, k) }))}
          />
          {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
          <Table<Need>
            rowKey="id"
            size="small"
            loading={isLoading}
            dataSource={data?.items ?? []}
            pagination={(data?.items.length ?? 0) > 12 ? { pageSize: 12, showSizeChanger: false } : false}
            locale={{ emptyText: t('talent.needs.empty') }}
            data-testid="needs"
            rowClassName={(n) => (chosen?.id === n.id ? 'ant-table-row-selected' : '')}
            onRow={(n) =>
              ({
                onClick: () => onPick(`${n.kind}:${n.id}`),
                style: { cursor: 'pointer' },
                'data-testid': 'need-row',
              }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                title: t('talent.needs.title'),
                dataIndex: 'title',
                render: (_: unknown, n) => (
                  <Flex vertical>
                    <Typography.Link>{n.title}</Typography.Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {n.orgName}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('talent.needs.created'),
                dataIndex: 'createdAt',
                width: 110,
                render: (v: number) => formatDate(v, locale),
              },
            ]}
          />
        </Flex>
      </Col>
      <Col xs={24} lg={14}>
        {chosen === undefined ? (
          <Empty description={t('talent.needs.pick')} />
        ) : (
          <Suggestions
            key={needParam}
            need={chosen}
            version={version}
            onOpen={onOpen}
            onAssigned={onAssigned}
          />
        )}
      </Col>
    </Row>
  );
};
