// The surveys of the caller's organisation and those around it: year filter, state, sample and answers, and a
// "new survey" form for those who may manage.
import { useState } from 'react';
import { Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchSurveys, surveyPaths, type SurveyItem } from './api';
import { percent, stateColour } from './labels';
import { SurveyForm } from './SurveyForm';

export const SurveyListPage = () => {
  const { t } = useTranslation();
  const mayManage = useAbility('survey.manage');
  const [year, setYear] = useState<number | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchSurveys({ year: year ?? undefined }, signal),
    [year],
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('surveys.title')}
        </Typography.Title>
        <Space wrap>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => setYear(v)}
            placeholder={t('surveys.allYears')}
            aria-label={t('surveys.year')}
            data-testid="surveys-year"
          />
          {mayManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsCreating(true)}
              data-testid="survey-new"
            >
              {t('surveys.newSurvey')}
            </Button>
          ) : null}
        </Space>
      </Space>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Card>
        <Table<SurveyItem>
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          data-testid="surveys-table"
          columns={[
            {
              title: t('surveys.columns.title'),
              dataIndex: 'title',
              render: (_, s) => <Link to={surveyPaths.survey(s.id)}>{s.title}</Link>,
            },
            { title: t('surveys.year'), dataIndex: 'year' },
            {
              title: t('surveys.columns.state'),
              dataIndex: 'state',
              render: (_, s) => <Tag color={stateColour[s.state]}>{t(`surveys.states.${s.state}`)}</Tag>,
            },
            { title: t('surveys.columns.endsOn'), dataIndex: 'endsOn' },
            { title: t('surveys.columns.sampled'), dataIndex: 'sampled', align: 'right' },
            { title: t('surveys.columns.answered'), dataIndex: 'answered', align: 'right' },
            {
              title: t('surveys.columns.coverage'),
              key: 'coverage',
              align: 'right',
              render: (_, s) => percent(s.sampled === 0 ? null : s.answered / s.sampled),
            },
          ]}
        />
      </Card>
      {isCreating ? (
        <SurveyForm
          lastSurveyId={data?.items[0]?.id}
          onClose={() => setIsCreating(false)}
          onCreated={() => {
            setIsCreating(false);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
};
