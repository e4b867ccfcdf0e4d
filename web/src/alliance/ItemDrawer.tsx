// An item of an alliance's lists in a drawer: its details, the agreements on it (with delivery, evaluation and
// cancelling), and for a demand the caller may match, the resources and projects that could meet it, best first;
// the item's member (or the convener) withdraws it here too.
import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Descriptions, Drawer, Empty, Flex, Rate, Spin, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { staffPaths } from '../consultations/api';
import { currentLocale } from '../i18n';
import { fetchItem, fetchSuggestions, type Item, type Match, type Suggestion } from './api';
import { AgreeDialog } from './AgreeDialog';
import { CancelMatchDialog, DeliveryDialog, EvaluationDialog, WithdrawItemDialog } from './MatchDialogs';
import { itemDates } from './ItemsTable';
import {
  formatDate,
  kindLabel,
  listLabel,
  matchStatusColour,
  matchStatusLabel,
  reasonColour,
  reasonLabel,
  sourceLabel,
  statusColour,
  statusLabel,
} from './labels';

type Acting =
  | { kind: 'agree'; offer: Suggestion }
  | { kind: 'deliver' | 'evaluate' | 'cancel'; match: Match }
  | { kind: 'withdraw' }
  | null;

const MatchCard = ({
  match,
  onDeliver,
  onEvaluate,
  onCancel,
}: {
  match: Match;
  onDeliver: () => void;
  onEvaluate: () => void;
  /** Absent when the caller's role may not write. */
  onCancel: (() => void) | undefined;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const none = t('common.none');
  return (
    <Card
      size="small"
      data-testid="match"
      data-match-id={match.id}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{match.providerName}</span>
          <Tag color={matchStatusColour(match.status)} data-testid="match-status">
            {matchStatusLabel(t, match.status)}
          </Tag>
          {match.onTime === null ? null : (
            <Tag color={match.onTime ? 'green' : 'red'} data-testid="match-on-time">
              {match.onTime ? t('alliance.item.onTime') : t('alliance.item.late')}
            </Tag>
          )}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          {match.abilities.deliver ? (
            <Button size="small" type="primary" onClick={onDeliver} data-testid="match-deliver">
              {t('alliance.match.deliver')}
            </Button>
          ) : null}
          {match.abilities.evaluate ? (
            <Button size="small" type="primary" onClick={onEvaluate} data-testid="match-evaluate">
              {t('alliance.match.evaluate')}
            </Button>
          ) : null}
          {match.abilities.cancel && onCancel !== undefined ? (
            <Button size="small" danger onClick={onCancel} data-testid="match-cancel">
              {t('alliance.match.cancel')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('alliance.item.commitment')} span={2}>
          {match.commitment}
        </Descriptions.Item>
        <Descriptions.Item label={t('alliance.items.quantity')}>{match.quantity ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('alliance.item.agreedAt')}>
          {formatDate(match.agreedAt, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('alliance.item.dueAt')}>
          <span data-testid="match-due">{formatDate(match.dueAt, locale)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('alliance.item.deliveredAt')}>
          {match.deliveredAt === null ? none : formatDate(match.deliveredAt, locale)}
        </Descriptions.Item>
        {match.deliveryNote === null ? null : (
          <Descriptions.Item
            label={
              // A cancelled agreement keeps the reason where a delivery's note would be.
              match.status === 'cancelled' ? t('alliance.match.cancelNote') : t('alliance.item.deliveryNote')
            }
            span={2}
          >
            <span data-testid="match-delivery-note">{match.deliveryNote}</span>
          </Descriptions.Item>
        )}
        {match.rating === null ? null : (
          <Descriptions.Item label={t('alliance.item.rating')} span={2}>
            <span data-testid="match-rating" data-rating={match.rating}>
              <Rate disabled value={match.rating} />
            </span>
          </Descriptions.Item>
        )}
        {match.evaluationNote === null || match.evaluationNote === '' ? null : (
          <Descriptions.Item label={t('alliance.item.evaluationNote')} span={2}>
            {match.evaluationNote}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
};

const Suggestions = ({
  allianceId,
  demand,
  version,
  onAgree,
}: {
  allianceId: string;
  demand: Item;
  version: number;
  onAgree: (s: Suggestion) => void;
}) => {
  const { t } = useTranslation();
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchSuggestions(allianceId, demand.id, signal),
    [allianceId, demand.id, version],
  );
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('alliance.item.suggestions')}
      </Typography.Title>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Table<Suggestion>
        rowKey="offerId"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('alliance.item.noSuggestions') }}
        data-testid="suggestions"
        onRow={() => ({ 'data-testid': 'suggestion' }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('alliance.match.offer'),
            key: 'offer',
            render: (_: unknown, s) => (
              <Flex vertical>
                <span data-testid="suggestion-title">{s.title}</span>
                <Typography.Text type="secondary">
                  {s.ownerName} · {listLabel(t, s.list)}
                </Typography.Text>
                <Flex gap={4} wrap style={{ marginTop: 4 }}>
                  {s.reasons.map((r) => (
                    <Tag key={r} color={reasonColour(r)} data-testid="suggestion-reason">
                      {reasonLabel(t, r)}
                    </Tag>
                  ))}
                </Flex>
              </Flex>
            ),
          },
          {
            title: t('alliance.item.score'),
            dataIndex: 'score',
            width: 80,
            align: 'right',
            render: (v: number) => <span data-testid="suggestion-score">{v}</span>,
          },
          {
            title: t('alliance.item.remaining'),
            dataIndex: 'remaining',
            width: 80,
            align: 'right',
            render: (v: number | null) => v ?? t('alliance.item.unlimited'),
          },
          {
            key: 'agree',
            width: 80,
            render: (_: unknown, s) => (
              <Button size="small" type="primary" onClick={() => onAgree(s)} data-testid="suggestion-agree">
                {t('alliance.match.agree')}
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
};

export const ItemDrawer = ({
  allianceId,
  itemId,
  onClose,
  onChanged,
}: {
  allianceId: string;
  itemId: string;
  onClose: () => void;
  /** Something was agreed, delivered or evaluated: the lists and numbers change too. */
  onChanged: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [acting, setActing] = useState<Acting>(null);
  const [version, setVersion] = useState(0);
  const canWrite = useAbility('alliance.write');
  const { data, error, reload } = useLoader(
    (signal) => fetchItem(allianceId, itemId, signal),
    [allianceId, itemId, version],
  );
  const done = () => {
    setActing(null);
    setVersion((n) => n + 1);
    onChanged();
  };
  const item = data?.item.id === itemId ? data.item : undefined;
  const none = t('common.none');
  return (
    <Drawer
      open
      size={720}
      title={item?.title ?? t('alliance.item.drawerTitle')}
      onClose={onClose}
      data-testid="item-drawer"
      extra={
        canWrite && item?.abilities.withdraw === true ? (
          <Button danger onClick={() => setActing({ kind: 'withdraw' })} data-testid="item-drawer-withdraw">
            {t('alliance.items.withdraw')}
          </Button>
        ) : null
      }
    >
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {item === undefined || data === undefined ? (
        error === undefined ? (
          <Spin />
        ) : null
      ) : (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('alliance.items.list')}>{listLabel(t, item.list)}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.items.status')}>
              <Tag color={statusColour(item.status)} data-testid="item-drawer-status">
                {statusLabel(t, item.status)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('alliance.items.kind')}>{kindLabel(t, item.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.items.owner')}>{item.ownerName}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.items.quantity')}>
              {item.quantity ?? none}
            </Descriptions.Item>
            <Descriptions.Item
              label={item.list === 'demand' ? t('alliance.items.neededBy') : t('alliance.items.available')}
            >
              {itemDates(t, item, locale)}
            </Descriptions.Item>
            {item.list === 'demand' ? (
              <Descriptions.Item label={t('alliance.items.source')}>
                {sourceLabel(t, item.source)}
                {item.source === 'consultation' && item.sourceId !== null ? (
                  <>
                    {' · '}
                    <Link to={staffPaths.outcome(item.sourceId)} data-testid="item-source-link">
                      {t('alliance.items.openOutcome')}
                    </Link>
                  </>
                ) : null}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('alliance.items.created')}>
              {formatDate(item.createdAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('alliance.items.detail')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {item.detail === '' ? none : item.detail}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <Flex vertical gap={8}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('alliance.item.matches')}
            </Typography.Title>
            {data.matches.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alliance.item.noMatches')} />
            ) : (
              data.matches.map((m) => (
                <MatchCard
                  key={m.id}
                  match={m}
                  onDeliver={() => setActing({ kind: 'deliver', match: m })}
                  onEvaluate={() => setActing({ kind: 'evaluate', match: m })}
                  onCancel={canWrite ? () => setActing({ kind: 'cancel', match: m }) : undefined}
                />
              ))
            )}
          </Flex>
          {item.list === 'demand' && item.abilities.match ? (
            <Suggestions
              allianceId={allianceId}
              demand={item}
              version={version}
              onAgree={(offer) => setActing({ kind: 'agree', offer })}
            />
          ) : null}
        </Flex>
      )}
      {acting?.kind === 'agree' && item !== undefined ? (
        <AgreeDialog
          allianceId={allianceId}
          demand={item}
          offer={acting.offer}
          onClose={() => setActing(null)}
          onAgreed={done}
        />
      ) : null}
      {acting?.kind === 'deliver' ? (
        <DeliveryDialog
          allianceId={allianceId}
          match={acting.match}
          onClose={() => setActing(null)}
          onDone={done}
        />
      ) : null}
      {acting?.kind === 'cancel' ? (
        <CancelMatchDialog
          allianceId={allianceId}
          match={acting.match}
          onClose={() => setActing(null)}
          onDone={done}
        />
      ) : null}
      {acting?.kind === 'withdraw' && item !== undefined ? (
        <WithdrawItemDialog
          allianceId={allianceId}
          item={item}
          onClose={() => setActing(null)}
          onDone={done}
        />
      ) : null}
      {acting?.kind === 'evaluate' ? (
        <EvaluationDialog
          allianceId={allianceId}
          match={acting.match}
          onClose={() => setActing(null)}
          onDone={done}
        />
      ) : null}
    </Drawer>
  );
};
