// One decision of a meeting: its question and type; while open, how many have voted (what they chose is sealed),
// the clerk's ballot entry and closing; once closed, the result exactly as the server tallied it.
import { useState } from 'react';
import { App, Button, Card, Flex, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { currentLocale } from '../i18n';
import {
  castClerkVote,
  closeDecision,
  type ClerkVoteBody,
  type Decision,
  type DecisionAbility,
  type DecisionType,
  type MeetingDecision,
  type Participant,
  type TallyResult,
} from './api';
import { BallotInput, isRecordedByChair } from './BallotInput';
import {
  choiceLabel,
  decisionStateLabel,
  decisionTypeLabel,
  formatDateTimeShort,
  originLabel,
  participantRoleLabel,
  tallyOutcomeLabel,
} from './labels';

const outcomeColours: Record<string, string> = {
  passed: 'success',
  chosen: 'success',
  recorded: 'success',
  failed: 'error',
  noQuorum: 'warning',
  tie: 'warning',
};

const CHOICES = new Set(['approve', 'oppose', 'abstain', 'reached', 'consensus']);

export const ResultView = ({ decision, result }: { decision: Decision; result: TallyResult }) => {
  const { t } = useTranslation();
  const name = (key: string) =>
    CHOICES.has(key) ? choiceLabel(t, key === 'consensus' ? 'reached' : key) : key;
  const entries = Object.entries(result.totals);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const isAverage = decision.type === 'score';
  return (
    <Flex vertical gap={8} data-testid="decision-result">
      <Space wrap>
        <Tag color={outcomeColours[result.outcome] ?? 'default'}>{tallyOutcomeLabel(t, result.outcome)}</Tag>
        {result.winner === null ? null : (
          <Typography.Text strong>
            {t('consultations.decision.winner', { option: name(result.winner) })}
          </Typography.Text>
        )}
        {result.tied.length === 0 ? null : (
          <Typography.Text>
            {t('consultations.decision.tied', { options: result.tied.map(name).join(' / ') })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('consultations.decision.voters', { count: result.voters })}
          {result.proxies > 0 ? ` · ${t('consultations.decision.proxies', { count: result.proxies })}` : ''}
        </Typography.Text>
      </Space>
      {decision.type === 'consensus'
        ? null
        : entries.map(([key, v]) => (
            <Flex key={key} align="center" gap={12}>
              <Typography.Text style={{ width: 160, flexShrink: 0 }} ellipsis>
                {name(key)}
              </Typography.Text>
              <Progress
                percent={isAverage ? (v / 5) * 100 : (v / max) * 100}
                format={() => String(v)}
                size="small"
                style={{ flex: 1, margin: 0 }}
              />
            </Flex>
          ))}
      {result.rounds !== undefined && result.rounds.length > 1 ? (
        <Table<Record<string, number> & { key: number }>
          size="small"
          pagination={false}
          dataSource={result.rounds.map((r, i) => ({ ...r, key: i + 1 }))}
          columns={[
            { title: '', dataIndex: 'key', render: (n: number) => t('consultations.decision.round', { n }) },
            ...decision.options.map((o) => ({
              title: o,
              dataIndex: o,
              render: (v: number | undefined) => v ?? t('common.none'),
            })),
          ]}
        />
      ) : null}
    </Flex>
  );
};

const ClerkVoteDialog = ({
  decision,
  participants,
  onClose,
  onSaved,
}: {
  decision: Decision;
  participants: Participant[];
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [participantId, setParticipantId] = useState<string | undefined>(undefined);
  const [origin, setOrigin] = useState<ClerkVoteBody['origin']>('paper');
  const [forId, setForId] = useState<string | undefined>(undefined);
  const [ballot, setBallot] = useState<unknown>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const present = participants.filter((p) => p.attendedAt !== null);
  const people = (list: Participant[]) =>
    list.map((p) => ({ value: p.id, label: `${p.name} · ${participantRoleLabel(t, p.role)}` }));
  const save = async () => {
    if (participantId === undefined) {
      return;
    }
    setIsSaving(true);
    setError(undefined);
    try {
      await castClerkVote(decision.id, { participantId, origin, ballot, forParticipantId: forId ?? null });
      void message.success(t('consultations.decision.voteSaved'));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('consultations.decision.clerkVoteTitle')}
      okText={t('consultations.actions.submit')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{ loading: isSaving, disabled: participantId === undefined || ballot === undefined }}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <Typography.Text strong>{decision.question}</Typography.Text>
        <Select
          placeholder={t('consultations.decision.participant')}
          aria-label={t('consultations.decision.participant')}
          showSearch={{ optionFilterProp: 'label' }}
          value={participantId}
          onChange={setParticipantId}
          options={people(present)}
        />
        <Select<ClerkVoteBody['origin']>
          aria-label={t('consultations.decision.origin')}
          value={origin}
          onChange={setOrigin}
          options={(['paper', 'device'] as const).map((o) => ({ value: o, label: originLabel(t, o) }))}
        />
        <Select
          allowClear
          placeholder={t('consultations.decision.proxyFor')}
          aria-label={t('consultations.decision.proxyFor')}
          showSearch={{ optionFilterProp: 'label' }}
          value={forId}
          onChange={setForId}
          options={people(participants.filter((p) => p.id !== participantId))}
        />
        <Typography.Text type="secondary">{t('consultations.decision.ballot')}</Typography.Text>
        <BallotInput
          type={decision.type as DecisionType}
          options={decision.options}
          value={ballot}
          onChange={setBallot}
        />
        {error === undefined ? null : <ProblemAlert error={error} />}
      </Flex>
    </Modal>
  );
};

const CloseDialog = ({
  decision,
  onClose,
  onClosed,
}: {
  decision: Decision;
  onClose: () => void;
  onClosed: () => void;
}) => {
  const { t } = useTranslation();
  const isRecord = isRecordedByChair(decision.type);
  const [record, setRecord] = useState<unknown>(
    decision.type === 'consensus' ? { isReached: true } : { approve: 0, oppose: 0, abstain: 0 },
  );
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const close = async () => {
    setIsSaving(true);
    setError(undefined);
    try {
      await closeDecision(decision.id, isRecord ? record : undefined);
      onClosed();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('consultations.decision.closeTitle')}
      okText={t('consultations.decision.close')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{ loading: isSaving, danger: true }}
      onOk={() => void close()}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <Typography.Text strong>{decision.question}</Typography.Text>
        {isRecord ? (
          <BallotInput
            type={decision.type as DecisionType}
            options={decision.options}
            value={record}
            onChange={setRecord}
          />
        ) : (
          <Typography.Text>{t('consultations.decision.closeConfirm')}</Typography.Text>
        )}
        {error === undefined ? null : <ProblemAlert error={error} />}
      </Flex>
    </Modal>
  );
};

export const DecisionCard = ({
  decision,
  participants,
  onChanged,
  onPublish,
}: {
  /** With what the caller may do with it now, as the server answers (clerk's ballots, close, publish an outcome). */
  decision: MeetingDecision;
  participants: Participant[];
  onChanged: () => void;
  /** Opens the outcome dialog; offered only where the decision's abilities include publishing. */
  onPublish: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [dialog, setDialog] = useState<'vote' | 'close' | null>(null);
  const isOpen = decision.status === 'open';
  const may = (ability: DecisionAbility) => decision.abilities.includes(ability);
  const done = () => {
    setDialog(null);
    onChanged();
  };
  return (
    <Card
      size="small"
      data-testid="decision-card"
      title={
        <Space wrap>
          <Tag color="geekblue">{decisionTypeLabel(t, decision.type)}</Tag>
          <Tag color={isOpen ? 'processing' : 'default'}>{decisionStateLabel(t, decision.status)}</Tag>
          {decision.isRecommendation ? (
            <Tag color="orange">{t('consultations.decision.recommendation')}</Tag>
          ) : null}
        </Space>
      }
      extra={
        <Space>
          {may('clerkVote') ? (
            <Button size="small" onClick={() => setDialog('vote')} data-testid="decision-clerk-vote">
              {t('consultations.decision.clerkVote')}
            </Button>
          ) : null}
          {may('close') ? (
            <Button size="small" danger onClick={() => setDialog('close')} data-testid="decision-close">
              {t('consultations.decision.close')}
            </Button>
          ) : null}
          {may('publishOutcome') ? (
            <Button size="small" type="primary" onClick={onPublish} data-testid="decision-publish">
              {t('consultations.publish.title')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text strong>{decision.question}</Typography.Text>
        {decision.options.length === 0 ? null : (
          <Typography.Text type="secondary">
            {t('consultations.decision.optionList', { options: decision.options.join(' / ') })}
          </Typography.Text>
        )}
        {decision.result === null ? (
          <Typography.Text type="secondary">
            {t('consultations.decision.ballotsCast', { count: decision.ballotsCast })} ·{' '}
            {t('consultations.decision.sealed')}
          </Typography.Text>
        ) : (
          <ResultView decision={decision} result={decision.result} />
        )}
        {decision.closedAt === null ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('consultations.decision.closedAt', { time: formatDateTimeShort(decision.closedAt, locale) })}
          </Typography.Text>
        )}
      </Flex>
      {dialog === 'vote' ? (
        <ClerkVoteDialog
          decision={decision}
          participants={participants}
          onClose={() => setDialog(null)}
          onSaved={done}
        />
      ) : null}
      {dialog === 'close' ? (
        <CloseDialog decision={decision} onClose={() => setDialog(null)} onClosed={done} />
      ) : null}
    </Card>
  );
};
