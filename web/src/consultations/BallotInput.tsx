// The ballot of each decision type as a form control, and the chair's record for consensus and a show of hands.
// The server's tally rule checks what is sent; these controls only shape it.
import { Checkbox, Flex, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DecisionType } from './api';
import { choiceLabel } from './labels';

/** Types whose result the chair records when the vote closes, instead of ballots. */
export const isRecordedByChair = (type: string): boolean => type === 'consensus' || type === 'showOfHands';

/** Types whose ballots pick among options set when the vote opens. */
export const needsOptions = (type: string): boolean =>
  type === 'rankedChoice' || type === 'score' || type === 'dotVote' || type === 'timePoll';

type Props = { type: DecisionType; options: string[]; value: unknown; onChange: (value: unknown) => void };

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;

const asNumbers = (v: unknown): Record<string, number> =>
  typeof v === 'object' && v !== null ? (v as Record<string, number>) : {};

const numbers = (value: unknown, key: string): Record<string, number> => asNumbers(field(value, key));

const strings = (value: unknown, key: string): string[] => {
  const v = field(value, key);
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
};

const PerOption = ({
  options,
  values,
  max,
  onChange,
}: {
  options: string[];
  values: Record<string, number>;
  max?: number;
  onChange: (values: Record<string, number>) => void;
}) => (
  <Flex vertical gap={8}>
    {options.map((o) => (
      <Flex key={o} align="center" justify="space-between" gap={12}>
        <Typography.Text>{o}</Typography.Text>
        <InputNumber
          aria-label={o}
          min={0}
          max={max}
          precision={0}
          value={values[o] ?? null}
          onChange={(v) => {
            const next = Object.fromEntries(Object.entries(values).filter(([key]) => key !== o));
            onChange(v === null ? next : { ...next, [o]: v });
          }}
        />
      </Flex>
    ))}
  </Flex>
);

export const BallotInput = ({ type, options, value, onChange }: Props) => {
  const { t } = useTranslation();
  switch (type) {
    case 'consensus':
      return (
        <Flex align="center" gap={8}>
          <Switch
            checked={field(value, 'isReached') === true}
            onChange={(isReached) => onChange({ isReached })}
            aria-label={t('consultations.decision.isReached')}
          />
          <Typography.Text>{t('consultations.decision.isReached')}</Typography.Text>
        </Flex>
      );
    case 'showOfHands': {
      const hands = { approve: 0, oppose: 0, abstain: 0, ...asNumbers(value) };
      return (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('consultations.decision.hands')}</Typography.Text>
          <PerOption
            options={['approve', 'oppose', 'abstain']}
            values={hands}
            onChange={(v) =>
              onChange({ approve: v.approve ?? 0, oppose: v.oppose ?? 0, abstain: v.abstain ?? 0 })
            }
          />
        </Flex>
      );
    }
    case 'approval':
      return (
        <Radio.Group
          value={field(value, 'choice')}
          onChange={(e) => onChange({ choice: e.target.value as string })}
          optionType="button"
          options={['approve', 'oppose', 'abstain'].map((c) => ({ value: c, label: choiceLabel(t, c) }))}
        />
      );
    case 'rankedChoice':
      return (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('consultations.decision.ranking')}</Typography.Text>
          <Select
            mode="multiple"
            value={strings(value, 'ranking')}
            onChange={(ranking) => onChange({ ranking })}
            options={options.map((o) => ({ value: o, label: o }))}
            aria-label={t('consultations.decision.ranking')}
          />
        </Flex>
      );
    case 'score':
      return (
        <PerOption
          options={options}
          values={numbers(value, 'scores')}
          max={5}
          onChange={(scores) => onChange({ scores })}
        />
      );
    case 'dotVote':
      return (
        <PerOption
          options={options}
          values={numbers(value, 'dots')}
          onChange={(dots) => onChange({ dots })}
        />
      );
    case 'timePoll':
      return (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('consultations.decision.available')}</Typography.Text>
          <Checkbox.Group
            value={strings(value, 'available')}
            onChange={(available) => onChange({ available })}
            options={options.map((o) => ({ value: o, label: o }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Flex>
      );
  }
};
