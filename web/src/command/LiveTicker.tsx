// The live ticker: the newest red cards and alerts under the unit, newest first; on the big screen it scrolls.
import { Flex, Tag, Tooltip } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTimeShort, formatTime } from '../common/labels';
import { LIVE_POLL_MS, type LiveEvent } from './useLiveFeed';
import { screenPath } from './paths';

const EventText = ({
  event,
  categories,
  isBigScreen,
}: {
  event: LiveEvent;
  categories: ReadonlyMap<string, string>;
  isBigScreen: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const time = formatTime(event.at, i18n.language);
  switch (event.kind) {
    case 'redCard':
      return (
        <Link to={`/cases/${encodeURIComponent(event.card.caseId)}`} className="tx-cmd-tick">
          <span className="tx-cmd-tick-time">{time}</span>
          <Tag color="red">{t('command.live.redCard')}</Tag>
          {t('command.live.redCardText', {
            code: event.card.trackingCode,
            category: categories.get(event.card.categoryCode) ?? event.card.categoryCode,
          })}
        </Link>
      );
    case 'alert': {
      const a = event.alert;
      return (
        <Link to={screenPath(a.orgId, isBigScreen)} className="tx-cmd-tick">
          <span className="tx-cmd-tick-time">{time}</span>
          <Tag color={a.severity === 'high' ? 'magenta' : 'orange'}>
            {a.severity === 'high' ? t('command.live.urgentAlert') : t('command.live.alert')}
          </Tag>
          {t('command.live.alertText', {
            org: a.orgName,
            rule: a.ruleName,
            category: a.categoryCode === null ? '' : (categories.get(a.categoryCode) ?? a.categoryCode),
          })}
        </Link>
      );
    }
  }
};

type Props = {
  events: readonly LiveEvent[];
  lastPolledAt: number | null;
  categories: ReadonlyMap<string, string>;
  isBigScreen: boolean;
};

export const LiveTicker = ({ events, lastPolledAt, categories, isBigScreen }: Props) => {
  const { t, i18n } = useTranslation();
  const list = events.map((e) => (
    <EventText key={e.id} event={e} categories={categories} isBigScreen={isBigScreen} />
  ));
  // On the big screen the row runs twice, so the loop joins without a jump.
  const isScrolling = isBigScreen && events.length > 2;
  return (
    <Flex align="center" gap={12} className="tx-cmd-ticker" data-testid="command-ticker" role="status">
      <Tooltip
        title={t('command.live.polling', {
          seconds: LIVE_POLL_MS / 1000,
          time: lastPolledAt === null ? t('common.none') : formatDateTimeShort(lastPolledAt, i18n.language),
        })}
      >
        <span className="tx-cmd-ticker-label">
          <ThunderboltOutlined /> {t('command.live.title')}
        </span>
      </Tooltip>
      <div className="tx-cmd-ticker-window">
        {events.length === 0 ? (
          <span className="tx-cmd-ticker-empty">{t('command.live.empty')}</span>
        ) : (
          <div className={isScrolling ? 'tx-cmd-ticker-row tx-cmd-ticker-run' : 'tx-cmd-ticker-row'}>
            {list}
            {isScrolling ? <span aria-hidden>{list}</span> : null}
          </div>
        )}
      </div>
    </Flex>
  );
};
