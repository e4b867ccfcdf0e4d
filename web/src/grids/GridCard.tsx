// The card of one grid: code, type, village and town, party organisation, leader and workers, households, nets.
import { Button, Card, Descriptions, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { Link } from 'react-router-dom';
import { fetchGrid, fetchGridOpenCases, type GridDetail } from './api';
import { areaText } from './labels';

type Props = {
  gridId: string;
  onClose: () => void;
  /** Extra actions (edit outline) for users who may write. */
  actions?: (grid: GridDetail) => React.ReactNode;
  reloadKey?: number;
};

export const GridCard = ({ gridId, onClose, actions, reloadKey = 0 }: Props) => {
  const { t } = useTranslation();
  const loaded = useLoader((signal) => fetchGrid(gridId, signal).then((r) => r.item), [gridId, reloadKey]);
  if (loaded.error !== undefined) {
    return <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  const grid = loaded.data;
  if (grid === undefined || grid.id !== gridId) {
    return (
      <Card>
        <Flex justify="center">
          <Spin />
        </Flex>
      </Card>
    );
  }
  const leaders = grid.staff.filter((s) => s.role === 'leader');
  const workers = grid.staff.filter((s) => s.role === 'worker');
  const person = (s: GridDetail['staff'][number]) => (s.phone === null ? s.name : `${s.name} ${s.phone}`);
  return (
    <Card
      className="tx-grid-card"
      size="small"
      title={grid.name}
      extra={
        <Button size="small" onClick={onClose}>
          {t('grids.card.close')}
        </Button>
      }
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('grids.card.code')}>
          <Typography.Text copyable>{grid.code}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('grids.card.type')}>
          {t(`grids.types.${grid.type}`)}
          {grid.subType === null ? null : ` · ${t(`grids.subTypes.${grid.subType as 'school'}`)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('grids.card.town')}>
          {grid.town?.name ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('grids.card.village')}>
          {grid.village?.name ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('grids.card.partyOrg')}>
          {grid.partyOrg === null
            ? t('grids.card.none')
            : `${t(`grids.partyKinds.${grid.partyOrg.kind as 'branch'}`)} · ${grid.partyOrg.name}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('grids.card.leader')}>
          {leaders.length === 0 ? t('grids.card.none') : leaders.map(person).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('grids.card.workers')}>
          {workers.length === 0 ? t('grids.card.none') : workers.map(person).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('grids.card.households')}>{grid.householdCount}</Descriptions.Item>
        <Descriptions.Item label={t('grids.card.area')}>{areaText(t, grid.areaM2)}</Descriptions.Item>
        <Descriptions.Item label={t('grids.card.nets')}>
          <Flex wrap gap={4}>
            {grid.nets.map((n) => (
              <Tag key={n} color="green">
                {t(`grids.nets.${n}`)}
              </Tag>
            ))}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('grids.card.openCases')}>
          <GridOpenCases gridId={grid.id} />
        </Descriptions.Item>
      </Descriptions>
      {actions === undefined ? null : <Flex style={{ marginTop: 12 }}>{actions(grid)}</Flex>}
    </Card>
  );
};

export const NoGridSelected = () => <Empty />;

/** The grid's open cases with their traffic lights, linking to the filtered case list. */
const GridOpenCases = ({ gridId }: { gridId: string }) => {
  const { t } = useTranslation();
  const counts = useLoader((signal) => fetchGridOpenCases(gridId, signal), [gridId]);
  if (counts.data === undefined) {
    return <Spin size="small" />;
  }
  return (
    <Link to={`/cases?gridId=${encodeURIComponent(gridId)}`} data-testid="grid-open-cases">
      {t('grids.card.casesSummary', counts.data)}
    </Link>
  );
};
