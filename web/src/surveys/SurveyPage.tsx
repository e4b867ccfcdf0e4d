// One survey: its rules and state, open and close for the owner, each village's figures (sortable, by town), the
// answers tallied per question, and for a village the owner's comments or the interviewer's sample list.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { FullPageSpin } from '../common/FullPageSpin';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import {
  closeSurvey,
  fetchResults,
  fetchSurvey,
  fetchTexts,
  openSurvey,
  surveyPaths,
  type SurveyDetail,
  type Tally,
  type VillageFigure,
} from './api';
import { percent, stateColour } from './labels';
import { SamplesView } from './SamplesView';

export const SurveyPage = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const mayManage = useAbility('survey.manage');
  const mayInterview = useAbility('survey.interview');
  const survey = useLoader((signal) => fetchSurvey(id, signal), [id]);
  const results = useLoader((signal) => fetchResults(id, undefined, signal), [id]);
  const [town, setTown] = useState<string | undefined>(undefined);
  const [village, setVillage] = useState<{ figure: VillageFigure; view: 'texts' | 'samples' } | undefined>();
  if (survey.error !== undefined) {
    return <ProblemAlert error={survey.error} onRetry={survey.reload} />;
  }
  if (survey.data === undefined) {
    return <FullPageSpin />;
  }
  const s = survey.data.item;
  const isOwner = s.isOwnedHere && mayManage;
  const act = (verb: 'open' | 'close') => {
    modal.confirm({
      title: t(verb === 'open' ? 'surveys.openConfirm' : 'surveys.closeConfirm'),
      onOk: async () => {
        await (verb === 'open' ? openSurvey(id) : closeSurvey(id));
        void message.success(t(verb === 'open' ? 'surveys.opened' : 'surveys.closed'));
        survey.reload();
        results.reload();
      },
    });
  };
  const villages = results.data?.villages ?? [];
  const towns = [...new Set(villages.map((v) => v.townName))];
  const shown = town === undefined ? villages : villages.filter((v) => v.townName === town);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={surveyPaths.list}>← {t('surveys.title')}</Link>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="survey-heading">
          {s.title} <Tag color={stateColour[s.state]}>{t(`surveys.states.${s.state}`)}</Tag>
        </Typography.Title>
        {isOwner ? (
          <Space>
            {s.state === 'draft' ? (
              <Button type="primary" onClick={() => act('open')} data-testid="survey-open">
                {t('surveys.open')}
              </Button>
            ) : null}
            {s.state === 'open' ? (
              <Button danger onClick={() => act('close')} data-testid="survey-close">
                {t('surveys.close')}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Space>
      <Rules survey={s} />
      {results.error === undefined ? null : <ProblemAlert error={results.error} onRetry={results.reload} />}
      {results.data === undefined ? null : (
        <>
          {results.data.isShown ? null : (
            <Typography.Text type="secondary">{t('surveys.notShown')}</Typography.Text>
          )}
          <Card>
            <Space wrap size="large">
              <Statistic title={t('surveys.columns.sampled')} value={results.data.total.sampled} />
              <Statistic title={t('surveys.columns.answered')} value={results.data.total.answered} />
              <Statistic title={t('surveys.columns.coverage')} value={percent(results.data.total.coverage)} />
              <Statistic title={t('surveys.columns.score')} value={results.data.total.score ?? '—'} />
              <Statistic
                title={t('surveys.villagesMet')}
                value={`${results.data.total.villagesMet} / ${villages.length}`}
                data-testid="survey-villages-met"
              />
            </Space>
          </Card>
        </>
      )}
      <Card
        title={t('surveys.results')}
        extra={
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('surveys.allTowns')}
            aria-label={t('surveys.filterTown')}
            value={town}
            onChange={(v: string | undefined) => setTown(v)}
            options={towns.map((n) => ({ value: n, label: n }))}
          />
        }
      >
        <Table<VillageFigure>
          rowKey="villageId"
          size="small"
          loading={results.isLoading}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="survey-villages"
          columns={[
            {
              title: t('surveys.columns.town'),
              dataIndex: 'townName',
              sorter: (a, b) => a.townName.localeCompare(b.townName, 'zh'),
            },
            {
              title: t('surveys.columns.village'),
              dataIndex: 'villageName',
              sorter: (a, b) => a.villageName.localeCompare(b.villageName, 'zh'),
            },
            {
              title: t('surveys.columns.households'),
              dataIndex: 'households',
              align: 'right',
              sorter: (a, b) => a.households - b.households,
            },
            {
              title: t('surveys.columns.sampled'),
              dataIndex: 'sampled',
              align: 'right',
              sorter: (a, b) => a.sampled - b.sampled,
            },
            {
              title: t('surveys.columns.answered'),
              dataIndex: 'answered',
              align: 'right',
              sorter: (a, b) => a.answered - b.answered,
              render: (_, v) => <span data-testid="village-answered">{v.answered}</span>,
            },
            {
              title: t('surveys.columns.coverage'),
              dataIndex: 'coverage',
              align: 'right',
              sorter: (a, b) => (a.coverage ?? -1) - (b.coverage ?? -1),
              render: (_, v) => (
                <Space size={4}>
                  {percent(v.coverage)}
                  {v.coverage !== null && !v.isCoverageMet ? (
                    <Tooltip title={t('surveys.belowRule')}>
                      <WarningOutlined style={{ color: '#faad14' }} aria-label={t('surveys.belowRule')} />
                    </Tooltip>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('surveys.columns.score'),
              dataIndex: 'score',
              align: 'right',
              sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
              render: (_, v) => v.score ?? '—',
            },
            {
              key: 'actions',
              render: (_, v) => (
                <Space>
                  {isOwner ? (
                    <Button size="small" onClick={() => setVillage({ figure: v, view: 'texts' })}>
                      {t('surveys.texts')}
                    </Button>
                  ) : null}
                  {mayInterview && s.state !== 'draft' ? (
                    <Button
                      size="small"
                      onClick={() => setVillage({ figure: v, view: 'samples' })}
                      data-testid="village-samples"
                    >
                      {t('surveys.samples')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {results.data === undefined || !results.data.isShown ? null : (
        <Tallies survey={s} tallies={results.data.tallies} />
      )}
      <Drawer
        open={village !== undefined}
        size={Math.min(900, window.innerWidth)}
        title={village === undefined ? '' : `${village.figure.townName} ${village.figure.villageName}`}
        onClose={() => {
          setVillage(undefined);
          results.reload();
        }}
        destroyOnHidden
      >
        {village?.view === 'texts' ? <Texts surveyId={id} villageId={village.figure.villageId} /> : null}
        {village?.view === 'samples' ? (
          <SamplesView
            survey={s}
            villageId={village.figure.villageId}
            villageName={village.figure.villageName}
          />
        ) : null}
      </Drawer>
    </Space>
  );
};

const Rules = ({ survey: s }: { survey: SurveyDetail }) => {
  const { t } = useTranslation();
  return (
    <Card title={t('surveys.rules.title')}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('surveys.rules.share')}>{percent(s.share)}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.rules.minPerVillage')}>{s.minPerVillage}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.rules.coverage')}>{percent(s.coverage)}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.rules.minAnswers')}>{s.minAnswers}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.rules.dontKnowRule')}>
          {t(`surveys.dontKnowRules.${s.dontKnowRule}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.rules.endsOn')}>{s.endsOn}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.rules.openedAt')}>{s.openedAt ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.rules.closedAt')}>{s.closedAt ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
};

const Tallies = ({ survey, tallies }: { survey: SurveyDetail; tallies: Tally[] }) => {
  const { t } = useTranslation();
  return (
    <Card title={t('surveys.tallies')} data-testid="survey-tallies">
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        {survey.questionnaire.questions
          .filter((q) => q.kind !== 'text')
          .map((q) => {
            const tally = tallies.find((x) => x.code === q.code);
            const answered = tally?.answered ?? 0;
            const rows =
              q.kind === 'scale'
                ? Array.from({ length: (q.scale?.max ?? 0) - (q.scale?.min ?? 0) + 1 }, (_, i) => {
                    const v = String((q.scale?.min ?? 0) + i);
                    return { key: v, label: v, dontKnow: false };
                  }).concat(
                    q.scale?.dontKnow === true
                      ? [{ key: 'dontKnow', label: t('surveys.dontKnow'), dontKnow: true }]
                      : [],
                  )
                : (q.options ?? []).map((o) => ({
                    key: o.code,
                    label: o.label,
                    dontKnow: o.dontKnow === true,
                  }));
            const count = (k: string) => tally?.counts[k] ?? 0;
            const opinions = rows.filter((r) => !r.dontKnow);
            const apart = rows.filter((r) => r.dontKnow);
            return (
              <div key={q.code}>
                <Typography.Text strong>{q.text}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {t('surveys.tallyAnswered', { count: answered })}
                </Typography.Text>
                {opinions.map((r) => (
                  <div key={r.key} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                    <span style={{ width: 120, flex: 'none' }}>{r.label}</span>
                    <Progress
                      percent={answered === 0 ? 0 : Math.round((count(r.key) / answered) * 1000) / 10}
                      format={() => count(r.key)}
                    />
                  </div>
                ))}
                {apart.map((r) => (
                  <Typography.Paragraph key={r.key} type="secondary" style={{ margin: 0 }}>
                    {r.label}: {count(r.key)}
                  </Typography.Paragraph>
                ))}
              </div>
            );
          })}
      </Space>
    </Card>
  );
};

const Texts = ({ surveyId, villageId }: { surveyId: string; villageId: string }) => {
  const { t } = useTranslation();
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchTexts(surveyId, villageId, signal),
    [surveyId, villageId],
  );
  if (error !== undefined) {
    return <ProblemAlert error={error} onRetry={reload} />;
  }
  return (
    <Table
      rowKey={(_, i) => String(i)}
      loading={isLoading}
      dataSource={data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('surveys.noTexts') }}
      columns={[
        { title: t('surveys.texts'), dataIndex: 'text' },
        { title: t('surveys.rules.endsOn'), dataIndex: 'on', width: 100 },
      ]}
    />
  );
};
