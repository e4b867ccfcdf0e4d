// The "new survey" form: title, year, last day, sampling and coverage rules, and the questionnaire, which starts
// from a copy of the last survey's. Field errors of the server are shown on their fields.
import { useEffect, useState } from 'react';
import { App, Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { createSurvey, fetchSurvey, type Question, type SurveyBody } from './api';
import { QuestionnaireEditor } from './QuestionnaireEditor';

type Values = {
  title: string;
  year: number;
  endsOn: Dayjs;
  share: number;
  minPerVillage: number;
  coverage: number;
  minAnswers: number;
  dontKnowRule: SurveyBody['dontKnowRule'];
};

const topFields = [
  'title',
  'year',
  'endsOn',
  'share',
  'minPerVillage',
  'coverage',
  'minAnswers',
  'dontKnowRule',
];

const blankQuestion = (n: number): Question => ({
  code: `q${n}`,
  kind: 'single',
  text: '',
  required: true,
  scored: false,
  options: [
    { code: 'a', label: '' },
    { code: 'b', label: '' },
  ],
});

export const SurveyForm = ({
  lastSurveyId,
  onClose,
  onCreated,
}: {
  lastSurveyId: string | undefined;
  onClose: () => void;
  onCreated: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [questions, setQuestions] = useState<Question[]>([blankQuestion(1)]);
  const [questionErrors, setQuestionErrors] = useState<Record<number, string[]>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  useEffect(() => {
    if (lastSurveyId === undefined) {
      return;
    }
    const controller = new AbortController();
    fetchSurvey(lastSurveyId, controller.signal).then(
      ({ item }) => {
        setQuestions(structuredClone(item.questionnaire.questions));
        form.setFieldsValue({
          share: Math.round(item.share * 1000) / 10,
          minPerVillage: item.minPerVillage,
          coverage: Math.round(item.coverage * 1000) / 10,
          minAnswers: item.minAnswers,
          dontKnowRule: item.dontKnowRule,
          year: item.year + 1,
        });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [lastSurveyId, form]);

  const save = (v: Values) => {
    setIsSaving(true);
    setError(undefined);
    setQuestionErrors({});
    const body: SurveyBody = {
      title: v.title,
      year: v.year,
      endsOn: v.endsOn.format('YYYY-MM-DD'),
      share: v.share / 100,
      minPerVillage: v.minPerVillage,
      coverage: v.coverage / 100,
      minAnswers: v.minAnswers,
      dontKnowRule: v.dontKnowRule,
      questionnaire: { questions },
    };
    createSurvey(body).then(
      () => {
        setIsSaving(false);
        void message.success(t('surveys.created'));
        onCreated();
      },
      (e: unknown) => {
        setIsSaving(false);
        setError(e);
        if (e instanceof ApiError) {
          const fields: { name: string; errors: string[] }[] = [];
          const perQuestion: Record<number, string[]> = {};
          for (const fe of e.errors) {
            const name = fe.field.replace(/^\/?(body\/)?/, '');
            const top = name.split('/')[0]!;
            const at = /questions\/(\d+)/.exec(name);
            if (topFields.includes(top)) {
              fields.push({ name: top, errors: [fe.message] });
            } else if (at !== null) {
              const i = Number(at[1]);
              perQuestion[i] = [
                ...(perQuestion[i] ?? []),
                `${name.replace(/^.*questions\/\d+\/?/, '')} ${fe.message}`,
              ];
            }
          }
          form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
          setQuestionErrors(perQuestion);
        }
      },
    );
  };

  return (
    <Modal
      open
      width={900}
      title={t('surveys.newSurvey')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      {error === undefined ? null : (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert error={error} />
        </div>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ share: 5, minPerVillage: 20, coverage: 80, minAnswers: 5, dontKnowRule: 'exclude' }}
      >
        <Form.Item
          name="title"
          label={t('surveys.form.title')}
          rules={[{ required: true, min: 2, max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="year" label={t('surveys.form.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="endsOn" label={t('surveys.form.endsOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="share" label={t('surveys.form.share')} rules={[{ required: true }]}>
          <InputNumber min={0.1} max={100} step={0.5} />
        </Form.Item>
        <Form.Item name="minPerVillage" label={t('surveys.form.minPerVillage')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1000} />
        </Form.Item>
        <Form.Item name="coverage" label={t('surveys.form.coverage')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="minAnswers" label={t('surveys.form.minAnswers')} rules={[{ required: true }]}>
          <InputNumber min={3} max={100} />
        </Form.Item>
        <Form.Item name="dontKnowRule" label={t('surveys.form.dontKnowRule')} rules={[{ required: true }]}>
          <Select
            options={(['exclude', 'lowest'] as const).map((r) => ({
              value: r,
              label: t(`surveys.dontKnowRules.${r}`),
            }))}
          />
        </Form.Item>
      </Form>
      <Typography.Title level={5}>{t('surveys.form.questionnaire')}</Typography.Title>
      {lastSurveyId === undefined ? null : (
        <Alert type="info" style={{ marginBottom: 12 }} title={t('surveys.form.fromDefault')} />
      )}
      <QuestionnaireEditor
        questions={questions}
        onChange={setQuestions}
        errors={questionErrors}
        newQuestion={() => blankQuestion(questions.length + 1)}
      />
    </Modal>
  );
};
