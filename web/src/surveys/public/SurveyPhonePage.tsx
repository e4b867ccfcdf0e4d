// The household's phone page behind its link, without an account: the survey and village, the questions (a
// conditional one appears once its condition holds), and a thank-you, already-answered or closed state. Nothing
// about the household is shown.
import { useState } from 'react';
import { Alert, Card, Result, Spin, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { PublicLayout } from '../../report/PublicLayout';
import { AnswerForm } from '../AnswerForm';
import { answerPublicSurvey, fetchPublicSurvey, type Answers } from '../api';

export const SurveyPhonePage = () => {
  const { t } = useTranslation();
  const { token = '' } = useParams<{ token: string }>();
  const { data, error, isLoading, reload } = useLoader((signal) => fetchPublicSurvey(token, signal), [token]);
  const [isSent, setIsSent] = useState(false);
  const [isSending, setIsSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(undefined);
  const submit = (answers: Answers) => {
    setIsSending(true);
    setSendError(undefined);
    answerPublicSurvey(token, answers).then(
      () => {
        setIsSending(false);
        setIsSent(true);
      },
      (e: unknown) => {
        setIsSending(false);
        setSendError(e);
      },
    );
  };
  let body;
  if (error !== undefined) {
    body =
      error instanceof ApiError && error.status === 404 ? (
        <Result status="warning" title={t('surveys.phone.notFound')} data-testid="survey-not-found" />
      ) : (
        <ProblemAlert error={error} onRetry={reload} />
      );
  } else if (isLoading || data === undefined) {
    body = <Spin />;
  } else if (isSent) {
    body = (
      <Result
        status="success"
        title={t('surveys.phone.thanks')}
        subTitle={t('surveys.phone.thanksHint')}
        data-testid="survey-thanks"
      />
    );
  } else if (data.isAnswered) {
    body = <Result status="info" title={t('surveys.phone.alreadyAnswered')} data-testid="survey-already" />;
  } else if (!data.isOpen) {
    body = <Result status="info" title={t('surveys.phone.closed')} data-testid="survey-closed" />;
  } else {
    body = (
      <>
        <Typography.Paragraph type="secondary">{t('surveys.phone.intro')}</Typography.Paragraph>
        {sendError === undefined ? null : (
          <div style={{ marginBottom: 12 }}>
            <ProblemAlert error={sendError} />
          </div>
        )}
        <AnswerForm
          questionnaire={data.questionnaire}
          onSubmit={submit}
          isSubmitting={isSending}
          submitLabel={t('surveys.phone.submit')}
        />
      </>
    );
  }
  return (
    <PublicLayout>
      <Card>
        {data === undefined ? null : (
          <>
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="survey-title">
              {data.title}
            </Typography.Title>
            <Typography.Paragraph data-testid="survey-village">
              {t('surveys.phone.village', { town: data.townName, village: data.villageName })}
            </Typography.Paragraph>
            {data.isOpen && !data.isAnswered && !isSent ? (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                title={t('surveys.phone.endsOn', { date: data.endsOn })}
              />
            ) : null}
          </>
        )}
        {body}
      </Card>
    </PublicLayout>
  );
};
