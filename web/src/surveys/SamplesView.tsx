// A village's sample for the interviewer: masked head names and addresses, whether answered, the phone link with
// its QR code, printable slips, and the answers of a phone call entered for a household.
import { useState } from 'react';
import { App, Button, Modal, Popover, QRCode, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { AnswerForm } from './AnswerForm';
import {
  enterInterview,
  fetchSamples,
  surveyPaths,
  type Answers,
  type Sample,
  type SurveyDetail,
} from './api';

const linkOf = (token: string) => `${window.location.origin}${surveyPaths.phone(token)}`;

export const SamplesView = ({
  survey,
  villageId,
  villageName,
}: {
  survey: SurveyDetail;
  villageId: string;
  villageName: string;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchSamples(survey.id, villageId, signal),
    [survey.id, villageId],
  );
  const [isPrinting, setIsPrinting] = useState(false);
  const [calling, setCalling] = useState<Sample | undefined>(undefined);
  const [isSending, setIsSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(undefined);
  const items = data?.items ?? [];
  const send = (answers: Answers) => {
    if (calling === undefined) {
      return;
    }
    setIsSending(true);
    setSendError(undefined);
    enterInterview(survey.id, calling.householdId, answers).then(
      () => {
        setIsSending(false);
        setCalling(undefined);
        void message.success(t('surveys.interviewed'));
        reload();
      },
      (e: unknown) => {
        setIsSending(false);
        setSendError(e);
      },
    );
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Button icon={<PrinterOutlined />} onClick={() => setIsPrinting(true)} disabled={items.length === 0}>
        {t('surveys.slips')}
      </Button>
      <Table<Sample>
        rowKey="householdId"
        size="small"
        loading={isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        data-testid="survey-samples"
        columns={[
          { title: t('surveys.columns.head'), dataIndex: 'headName' },
          { title: t('surveys.columns.address'), dataIndex: 'address' },
          {
            title: t('surveys.columns.answeredMark'),
            dataIndex: 'isAnswered',
            render: (_, s) =>
              s.isAnswered ? <Tag color="success">{t('surveys.yes')}</Tag> : <Tag>{t('surveys.no')}</Tag>,
          },
          {
            title: t('surveys.columns.link'),
            key: 'link',
            render: (_, s) => (
              <Space>
                <a
                  href={surveyPaths.phone(s.token)}
                  target="_blank"
                  rel="noreferrer"
                  data-testid="sample-link"
                >
                  {t('surveys.phoneLink')}
                </a>
                <Popover content={<QRCode value={linkOf(s.token)} bordered={false} />}>
                  <QrcodeOutlined aria-label="QR" />
                </Popover>
              </Space>
            ),
          },
          {
            key: 'call',
            render: (_, s) =>
              s.isAnswered || survey.state !== 'open' ? null : (
                <Button size="small" onClick={() => setCalling(s)}>
                  {t('surveys.interview')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={isPrinting}
        width={800}
        title={t('surveys.slips')}
        onCancel={() => setIsPrinting(false)}
        onOk={() => window.print()}
        okText={<PrinterOutlined />}
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }} className="survey-slips">
          {items
            .filter((s) => !s.isAnswered)
            .map((s) => (
              <div
                key={s.householdId}
                style={{ border: '1px dashed #999', padding: 8, width: 220, breakInside: 'avoid' }}
              >
                <Typography.Text strong>{villageName}</Typography.Text>
                <QRCode value={linkOf(s.token)} size={140} bordered={false} />
                <Typography.Paragraph style={{ fontSize: 12, margin: 0 }}>
                  {t('surveys.slipHint', { title: survey.title })}
                </Typography.Paragraph>
                <Typography.Text style={{ fontSize: 10, wordBreak: 'break-all' }}>
                  {linkOf(s.token)}
                </Typography.Text>
              </div>
            ))}
        </div>
      </Modal>
      <Modal
        open={calling !== undefined}
        title={t('surveys.interviewTitle', { head: calling?.headName ?? '' })}
        onCancel={() => setCalling(undefined)}
        footer={null}
        destroyOnHidden
      >
        {sendError === undefined ? null : <ProblemAlert error={sendError} />}
        <AnswerForm
          questionnaire={survey.questionnaire}
          onSubmit={send}
          isSubmitting={isSending}
          submitLabel={t('surveys.phone.submit')}
        />
      </Modal>
    </Space>
  );
};
