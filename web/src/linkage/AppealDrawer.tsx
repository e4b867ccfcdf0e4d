// One appeal with its steps along the chain, and what the caller may do with it at its level.
import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Input, Space, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { staffPaths } from '../consultations/api';
import { actOnAppeal, fetchAppeal, type AppealDetail, type AppealVerb } from './api';
import { LevelTag, StatusTag, when } from './labels';

const VERBS = [
  { verb: 'settle', field: 'outcome', label: 'linkage.actions.settle' },
  { verb: 'answer', field: 'answer', label: 'linkage.actions.answer' },
  { verb: 'pass-up', field: 'reason', label: 'linkage.actions.passUp' },
  { verb: 'to-case', field: 'reason', label: 'linkage.actions.toCase' },
] as const satisfies readonly { verb: AppealVerb; field: string; label: string }[];

/** The levels whose consultation room may take an appeal up as a topic. */
const TOPIC_LEVELS: readonly string[] = ['village', 'town'];

const Body = ({ detail, onDone }: { detail: AppealDetail; onDone: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canServe = useAbility('linkage.serve');
  const [text, setText] = useState('');
  const [topicTitle, setTopicTitle] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const a = detail.item;
  const act = async (verb: AppealVerb, body: Record<string, unknown>) => {
    setError(undefined);
    try {
      await actOnAppeal(a.id, verb, body);
      void message.success(t('linkage.appeal.done'));
      setText('');
      setTopicTitle('');
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('linkage.appeal.code')}>
          <span data-testid="appeal-code">{a.trackingCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('linkage.appeal.status')}>
          <span data-testid="appeal-status">
            <StatusTag status={a.status} />
          </span>
          {a.isOverdue ? (
            <Typography.Text type="danger">{t('linkage.appeal.overdue')}</Typography.Text>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('linkage.appeal.level')}>
          <span data-testid="appeal-level">
            <LevelTag level={a.level} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('linkage.appeal.dueAt')}>{when(a.dueAt)}</Descriptions.Item>
        {detail.household === null ? null : (
          <Descriptions.Item label={t('linkage.household.headName')}>
            {detail.household.headName} · {detail.household.address}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('linkage.appeal.text')}>{a.text}</Descriptions.Item>
        {a.outcome === null ? null : (
          <Descriptions.Item label={t('linkage.appeal.outcome')}>{a.outcome}</Descriptions.Item>
        )}
        {a.topicId === null ? null : (
          <Descriptions.Item label={t('linkage.appeal.topic')}>
            <Link to={staffPaths.topic(a.topicId)} data-testid="appeal-topic-link">
              {t('linkage.appeal.openTopic')}
            </Link>
          </Descriptions.Item>
        )}
        {detail.case === null ? null : (
          <Descriptions.Item label={t('linkage.appeal.case')}>
            {detail.case.trackingCode} · {detail.case.state}
          </Descriptions.Item>
        )}
      </Descriptions>
      {error === undefined ? null : <ProblemAlert error={error} />}
      {detail.canAct ? (
        <>
          <Input.TextArea
            rows={2}
            data-testid="appeal-act-text"
            placeholder={t('linkage.appeal.reason')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
          <Space wrap>
            {VERBS.map((v) => (
              <Button
                key={v.verb}
                data-testid={`appeal-${v.verb}`}
                disabled={text.trim() === ''}
                onClick={() => void act(v.verb, { [v.field]: text })}
              >
                {t(v.label)}
              </Button>
            ))}
          </Space>
          {TOPIC_LEVELS.includes(a.level) ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                placeholder={t('linkage.appeal.topicTitle')}
                aria-label={t('linkage.appeal.topicTitle')}
                maxLength={120}
                value={topicTitle}
                onChange={(e) => {
                  setTopicTitle(e.target.value);
                }}
                data-testid="appeal-topic-title"
              />
              <Button
                disabled={text.trim() === '' || topicTitle.trim() === ''}
                onClick={() => void act('to-topic', { title: topicTitle, reason: text })}
                data-testid="appeal-to-topic"
              >
                {t('linkage.actions.toTopic')}
              </Button>
            </Space.Compact>
          ) : null}
        </>
      ) : null}
      {a.status === 'awaitingConfirmation' && canServe ? (
        <Space wrap>
          <Button type="primary" onClick={() => void act('confirm', { isConfirmed: true })}>
            {t('linkage.appeal.confirmYes')}
          </Button>
          <Button onClick={() => void act('confirm', { isConfirmed: false })}>
            {t('linkage.appeal.confirmNo')}
          </Button>
        </Space>
      ) : null}
      <Typography.Title level={5}>{t('linkage.appeal.steps')}</Typography.Title>
      <Timeline
        data-testid="appeal-steps"
        items={detail.steps.map((s) => ({
          key: s.seq,
          color: s.action === 'escalate' || s.action === 'flagOverdue' ? 'red' : 'blue',
          children: (
            <>
              <div>
                {when(s.at)} · {t(`linkage.actions.${s.action}`, { defaultValue: s.action })} ·{' '}
                {t(`linkage.levels.${s.toLevel}`, { defaultValue: s.toLevel })}
              </div>
              {s.actorName === null ? null : (
                <Typography.Text type="secondary">{s.actorName}</Typography.Text>
              )}
              {s.reason === null ? null : <div>{s.reason}</div>}
            </>
          ),
        }))}
      />
    </Space>
  );
};

export const AppealDrawer = ({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) => {
  const { t } = useTranslation();
  const detail = useLoader(
    (signal) => (id === null ? Promise.resolve(undefined) : fetchAppeal(id, signal)),
    [id],
  );
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('linkage.appeal.title')}
      size={480}
      data-testid="appeal-drawer"
    >
      {detail.error === undefined ? null : <ProblemAlert error={detail.error} onRetry={detail.reload} />}
      {detail.data === undefined ? null : (
        <Body
          detail={detail.data}
          onDone={() => {
            detail.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
};
