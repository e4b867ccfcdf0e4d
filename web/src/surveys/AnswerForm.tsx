// A questionnaire to answer, for the household's phone page and the interviewer's call: each question in turn, a
// conditional one only while the earlier answer it depends on holds one of its options.
import { Button, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, Answers, Question, Questionnaire } from './api';

/** Whether a question is asked, given the answers before it. */
export const isAsked = (question: Question, answers: Answers): boolean =>
  question.showIf === undefined ||
  (answers[question.showIf.question]?.options ?? []).some((c) => question.showIf!.anyOf.includes(c));

/** The answers of the asked questions only, as the server accepts them. */
export const askedAnswers = (q: Questionnaire, answers: Answers): Answers => {
  const out: Answers = {};
  for (const question of q.questions) {
    const a = answers[question.code];
    if (a !== undefined && isAsked(question, out)) {
      out[question.code] = a;
    }
  }
  return out;
};

const isEmpty = (a: Answer | undefined) =>
  a === undefined ||
  (a.options === undefined && a.value === undefined && a.dontKnow !== true && (a.text ?? '').trim() === '');

export const AnswerForm = ({
  questionnaire,
  onSubmit,
  isSubmitting,
  submitLabel,
}: {
  questionnaire: Questionnaire;
  onSubmit: (answers: Answers) => void;
  isSubmitting: boolean;
  submitLabel: string;
}) => {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<string[]>([]);
  const set = (code: string, a: Answer | undefined) =>
    setAnswers((prev) => {
      const next = Object.fromEntries(Object.entries(prev).filter(([k]) => k !== code));
      return a === undefined || isEmpty(a) ? next : { ...next, [code]: a };
    });
  const asked = askedAnswers(questionnaire, answers);
  const submit = () => {
    const gaps = questionnaire.questions
      .filter((q) => q.required && isAsked(q, asked) && isEmpty(asked[q.code]))
      .map((q) => q.code);
    setMissing(gaps);
    if (gaps.length === 0) {
      onSubmit(asked);
    }
  };
  let n = 0;
  return (
    <Form layout="vertical" onFinish={submit} data-testid="survey-answer-form">
      {questionnaire.questions.map((q) => {
        if (!isAsked(q, asked)) {
          return null;
        }
        n += 1;
        const a = answers[q.code];
        const isMissing = missing.includes(q.code) && isEmpty(a);
        return (
          <Form.Item
            key={q.code}
            label={`${n}. ${q.text}`}
            required={q.required}
            validateStatus={isMissing ? 'error' : undefined}
            help={isMissing ? t('surveys.phone.required') : undefined}
            data-testid={`question-${q.code}`}
          >
            {q.kind === 'single' ? (
              <Radio.Group
                value={a?.options?.[0]}
                onChange={(e) => set(q.code, { options: [e.target.value as string] })}
              >
                <Space orientation="vertical">
                  {(q.options ?? []).map((o) => (
                    <Radio key={o.code} value={o.code}>
                      {o.label}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            ) : q.kind === 'multiple' ? (
              <Checkbox.Group
                value={a?.options ?? []}
                onChange={(v) => set(q.code, v.length === 0 ? undefined : { options: v })}
              >
                <Space orientation="vertical">
                  {(q.options ?? []).map((o) => (
                    <Checkbox key={o.code} value={o.code}>
                      {o.label}
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            ) : q.kind === 'scale' ? (
              <Radio.Group
                value={a?.dontKnow === true ? 'dontKnow' : a?.value}
                onChange={(e) =>
                  set(
                    q.code,
                    e.target.value === 'dontKnow' ? { dontKnow: true } : { value: e.target.value as number },
                  )
                }
              >
                <Space wrap>
                  {Array.from(
                    { length: Math.max(0, (q.scale?.max ?? 0) - (q.scale?.min ?? 0) + 1) },
                    (_, i) => (q.scale?.min ?? 0) + i,
                  ).map((v) => (
                    <Radio.Button key={v} value={v}>
                      {v}
                    </Radio.Button>
                  ))}
                  {q.scale?.dontKnow === true ? (
                    <Radio.Button value="dontKnow">{t('surveys.phone.dontKnow')}</Radio.Button>
                  ) : null}
                </Space>
              </Radio.Group>
            ) : (
              <Input.TextArea
                rows={3}
                maxLength={1000}
                value={a?.text ?? ''}
                onChange={(e) => set(q.code, { text: e.target.value })}
              />
            )}
          </Form.Item>
        );
      })}
      {questionnaire.questions.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={isSubmitting}
        data-testid="survey-submit"
      >
        {submitLabel}
      </Button>
    </Form>
  );
};
