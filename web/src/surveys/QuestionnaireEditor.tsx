// A simple questionnaire editor: add, remove and reorder questions; each with its kind, text, required and scored
// flags, options with points and a "don't know" flag, a scale's range, and a condition on an earlier choice question.
import { Button, Card, Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Question, QuestionKind, QuestionOption } from './api';

const kinds: QuestionKind[] = ['single', 'multiple', 'scale', 'text'];

/** A copy of an object without one of its optional keys. */
const without = <T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as Omit<T, K>;

export const QuestionnaireEditor = ({
  questions,
  onChange,
  errors,
  newQuestion,
}: {
  questions: Question[];
  onChange: (next: Question[]) => void;
  errors: Record<number, string[]>;
  newQuestion: () => Question;
}) => {
  const { t } = useTranslation();
  const put = (i: number, q: Question) => onChange(questions.map((x, j) => (j === i ? q : x)));
  const move = (i: number, by: number) => {
    const next = [...questions];
    const [q] = next.splice(i, 1);
    next.splice(i + by, 0, q!);
    onChange(next);
  };
  const putOption = (i: number, k: number, o: QuestionOption) =>
    put(i, { ...questions[i]!, options: (questions[i]!.options ?? []).map((x, j) => (j === k ? o : x)) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="questionnaire-editor">
      {questions.map((q, i) => {
        const earlier = questions.slice(0, i).filter((e) => e.kind === 'single' || e.kind === 'multiple');
        const condition = earlier.find((e) => e.code === q.showIf?.question);
        return (
          <Card
            key={i}
            size="small"
            title={t('surveys.form.question', { n: i + 1 })}
            extra={
              <Space>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('surveys.form.up')}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === questions.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('surveys.form.down')}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onChange(questions.filter((_, j) => j !== i))}
                  aria-label={t('surveys.form.remove')}
                />
              </Space>
            }
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Input
                  style={{ width: 140 }}
                  prefix={t('surveys.form.code')}
                  value={q.code}
                  maxLength={30}
                  onChange={(e) => put(i, { ...q, code: e.target.value })}
                />
                <Select<QuestionKind>
                  style={{ width: 140 }}
                  value={q.kind}
                  aria-label={t('surveys.form.kind')}
                  options={kinds.map((k) => ({ value: k, label: t(`surveys.kinds.${k}`) }))}
                  onChange={(kind) =>
                    put(i, {
                      ...q,
                      kind,
                      scored: kind === 'single' || kind === 'scale' ? q.scored : false,
                      options:
                        kind === 'single' || kind === 'multiple'
                          ? (q.options ?? [
                              { code: 'a', label: '' },
                              { code: 'b', label: '' },
                            ])
                          : undefined,
                      scale: kind === 'scale' ? (q.scale ?? { min: 1, max: 5, dontKnow: true }) : undefined,
                    })
                  }
                />
                <Checkbox checked={q.required} onChange={(e) => put(i, { ...q, required: e.target.checked })}>
                  {t('surveys.form.required')}
                </Checkbox>
                <Checkbox
                  checked={q.scored}
                  disabled={q.kind === 'multiple' || q.kind === 'text'}
                  onChange={(e) => put(i, { ...q, scored: e.target.checked })}
                >
                  {t('surveys.form.scored')}
                </Checkbox>
              </Space>
              <Input
                placeholder={t('surveys.form.text')}
                aria-label={t('surveys.form.text')}
                value={q.text}
                maxLength={300}
                onChange={(e) => put(i, { ...q, text: e.target.value })}
              />
              {q.kind === 'single' || q.kind === 'multiple' ? (
                <>
                  {(q.options ?? []).map((o, k) => (
                    <Space key={k} wrap>
                      <Input
                        style={{ width: 100 }}
                        value={o.code}
                        maxLength={30}
                        aria-label={t('surveys.form.code')}
                        onChange={(e) => putOption(i, k, { ...o, code: e.target.value })}
                      />
                      <Input
                        style={{ width: 200 }}
                        value={o.label}
                        maxLength={100}
                        placeholder={t('surveys.form.label')}
                        onChange={(e) => putOption(i, k, { ...o, label: e.target.value })}
                      />
                      <InputNumber
                        min={0}
                        max={100}
                        value={o.score ?? null}
                        placeholder={t('surveys.form.optionScore')}
                        onChange={(v) => {
                          const rest = without(o, 'score');
                          putOption(i, k, v === null ? rest : { ...rest, score: v });
                        }}
                      />
                      <Checkbox
                        checked={o.dontKnow === true}
                        onChange={(e) => {
                          const rest = without(o, 'dontKnow');
                          putOption(i, k, e.target.checked ? { ...rest, dontKnow: true } : rest);
                        }}
                      >
                        {t('surveys.form.optionDontKnow')}
                      </Checkbox>
                      <Button
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('surveys.form.remove')}
                        onClick={() => put(i, { ...q, options: (q.options ?? []).filter((_, j) => j !== k) })}
                      />
                    </Space>
                  ))}
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() =>
                      put(i, {
                        ...q,
                        options: [
                          ...(q.options ?? []),
                          { code: `o${(q.options ?? []).length + 1}`, label: '' },
                        ],
                      })
                    }
                  >
                    {t('surveys.form.addOption')}
                  </Button>
                </>
              ) : null}
              {q.kind === 'scale' ? (
                <Space wrap>
                  <InputNumber
                    prefix={t('surveys.form.scaleMin')}
                    min={0}
                    max={10}
                    value={q.scale?.min ?? 1}
                    onChange={(v) =>
                      put(i, { ...q, scale: { max: 5, dontKnow: true, ...q.scale, min: v ?? 0 } })
                    }
                  />
                  <InputNumber
                    prefix={t('surveys.form.scaleMax')}
                    min={1}
                    max={10}
                    value={q.scale?.max ?? 5}
                    onChange={(v) =>
                      put(i, { ...q, scale: { min: 1, dontKnow: true, ...q.scale, max: v ?? 1 } })
                    }
                  />
                  <Checkbox
                    checked={q.scale?.dontKnow ?? false}
                    onChange={(e) =>
                      put(i, { ...q, scale: { min: 1, max: 5, ...q.scale, dontKnow: e.target.checked } })
                    }
                  >
                    {t('surveys.form.scaleDontKnow')}
                  </Checkbox>
                </Space>
              ) : null}
              {earlier.length === 0 ? null : (
                <Space wrap>
                  <Typography.Text type="secondary">{t('surveys.form.showIf')}</Typography.Text>
                  <Select
                    allowClear
                    style={{ width: 200 }}
                    placeholder={t('surveys.form.showIfQuestion')}
                    value={q.showIf?.question}
                    options={earlier.map((e) => ({ value: e.code, label: `${e.code} ${e.text}` }))}
                    onChange={(code: string | undefined) => {
                      const rest = without(q, 'showIf');
                      put(i, code === undefined ? rest : { ...rest, showIf: { question: code, anyOf: [] } });
                    }}
                  />
                  {condition === undefined ? null : (
                    <Select
                      mode="multiple"
                      style={{ minWidth: 200 }}
                      placeholder={t('surveys.form.showIfOptions')}
                      value={q.showIf?.anyOf ?? []}
                      options={(condition.options ?? []).map((o) => ({ value: o.code, label: o.label }))}
                      onChange={(anyOf: string[]) =>
                        put(i, { ...q, showIf: { question: condition.code, anyOf } })
                      }
                    />
                  )}
                </Space>
              )}
              {(errors[i] ?? []).map((e) => (
                <Typography.Text key={e} type="danger">
                  {e}
                </Typography.Text>
              ))}
            </Space>
          </Card>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={() => onChange([...questions, newQuestion()])}>
        {t('surveys.form.addQuestion')}
      </Button>
    </Space>
  );
};
