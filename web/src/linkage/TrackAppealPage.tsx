// The household's public page for an appeal recorded by its central household: where it stands, what each level
// did, and the household's own word on a settlement. No sign-in: the tracking code is the household's secret.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Space, Timeline, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { PublicLayout } from '../report/PublicLayout';
import type { CaseLink } from './api';
import { LevelTag, StatusTag, when } from './labels';

type PublicAppeal = {
  trackingCode: string;
  text: string;
  status: string;
  level: string;
  outcome: string | null;
  recordedAt: number;
  isAwaitingConfirmation: boolean;
  steps: { at: number; action: string; toLevel: string; toStatus: string }[];
  case: CaseLink | null;
};

const fetchPublicAppeal = (code: string, signal?: AbortSignal) =>
  api.get<PublicAppeal>(`/api/public/linkage/${encodeURIComponent(code)}`, { signal });

const Appeal = ({ code }: { code: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const appeal = useLoader((signal) => fetchPublicAppeal(code, signal), [code]);
  const [error, setError] = useState<unknown>(undefined);
  const confirm = async (isConfirmed: boolean) => {
    setError(undefined);
    try {
      await api.post<PublicAppeal>(`/api/public/linkage/${encodeURIComponent(code)}/confirm`, {
        isConfirmed,
      });
      void message.success(t('linkage.appeal.done'));
      appeal.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  if (appeal.error !== undefined) {
    return <ProblemAlert error={appeal.error} onRetry={appeal.reload} />;
  }
  const a = appeal.data;
  if (a === undefined) {
    return <Card loading />;
  }
  return (
    <Card title={a.trackingCode}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('linkage.appeal.status')}>
            <span data-testid="track-status">
              <StatusTag status={a.status} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.appeal.level')}>
            <span data-testid="track-level">
              <LevelTag level={a.level} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.appeal.text')}>{a.text}</Descriptions.Item>
          {a.outcome === null ? null : (
            <Descriptions.Item label={t('linkage.appeal.outcome')}>
              <span data-testid="track-outcome">{a.outcome}</span>
            </Descriptions.Item>
          )}
          {a.case === null ? null : (
            <Descriptions.Item label={t('linkage.appeal.case')}>{a.case.trackingCode}</Descriptions.Item>
          )}
        </Descriptions>
        {error === undefined ? null : <ProblemAlert error={error} />}
        {a.isAwaitingConfirmation ? (
          <Space wrap>
            <Button type="primary" onClick={() => void confirm(true)} data-testid="track-confirm">
              {t('linkage.appeal.confirmYes')}
            </Button>
            <Button onClick={() => void confirm(false)}>{t('linkage.appeal.confirmNo')}</Button>
          </Space>
        ) : null}
        <Typography.Title level={5}>{t('linkage.appeal.steps')}</Typography.Title>
        <Timeline
          data-testid="track-steps"
          items={a.steps.map((s, i) => ({
            key: i,
            children: `${when(s.at)} · ${t(`linkage.actions.${s.action}`, { defaultValue: s.action })} · ${t(
              `linkage.levels.${s.toLevel}`,
              { defaultValue: s.toLevel },
            )}`,
          }))}
        />
      </Space>
    </Card>
  );
};

export const TrackAppealPage = () => {
  const { t } = useTranslation();
  const { code } = useParams<{ code?: string }>();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code ?? '');
  return (
    <PublicLayout>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Title level={4}>{t('linkage.track.title')}</Typography.Title>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={typed}
            placeholder={t('linkage.appeal.code')}
            onChange={(e) => {
              setTyped(e.target.value.trim().toUpperCase());
            }}
          />
          <Button
            type="primary"
            disabled={typed === ''}
            onClick={() => {
              void navigate(`/appeal/${typed}`);
            }}
          >
            {t('linkage.track.find')}
          </Button>
        </Space.Compact>
        {code === undefined ? null : <Appeal key={code} code={code} />}
      </Space>
    </PublicLayout>
  );
};
