// Small tags of a case: its state, traffic light, supervision card and pause.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from './api';
import { lightColour, lightLabel, stateLabel, supervisionLabel } from './labels';

const FINAL_STATES = ['closed', 'voided', 'merged'];

export const StateTag = ({ state }: { state: string }) => {
  const { t } = useTranslation();
  const colour = state === 'closed' ? 'success' : FINAL_STATES.includes(state) ? 'default' : 'processing';
  return (
    <Tag color={colour} data-testid="case-state">
      {stateLabel(t, state)}
    </Tag>
  );
};

export const ClockTags = ({
  item,
}: {
  item: Pick<CaseSummary, 'state' | 'light' | 'supervision' | 'isPaused'>;
}) => {
  const { t } = useTranslation();
  return (
    <>
      {FINAL_STATES.includes(item.state) ? null : (
        <Tag color={lightColour(item.light)}>{lightLabel(t, item.light)}</Tag>
      )}
      {item.supervision === null ? null : (
        <Tag color={item.supervision === 'red' ? 'red' : 'gold'} variant="solid">
          {supervisionLabel(t, item.supervision)}
        </Tag>
      )}
      {item.isPaused ? <Tag>{t('cases.detail.paused')}</Tag> : null}
    </>
  );
};
