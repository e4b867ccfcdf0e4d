// A year's five-star results on the map of the scope's villages (coloured by level, total or movement against last
// year) and by town in a table. Without the right to read grids, only the table.
import { useMemo, useState } from 'react';
import { Flex, Segmented, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchOutlines } from '../grids/api';
import { assessmentPaths, fetchAwards, fetchCycles, fetchSheets, fetchTowns } from './api';
import { Legend, legendOf, StarsMap } from './StarsMap';
import { scoreStepsOf, starsColourings, townRows, villageResults, type StarsColouring } from './starsSummary';
import { StarsTownTable } from './StarsTownTable';

export const StarsMapTab = ({ year }: { year: number }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canReadGrids = useAbility('grid.read');
  const [colouring, setColouring] = useState<StarsColouring>('level');
  const results = useLoader(
    async (signal) => {
      const [sheets, awards] = await Promise.all([
        fetchSheets(year, undefined, signal),
        fetchAwards(year, signal),
      ]);
      return villageResults(sheets.items, awards.items);
    },
    [year],
  );
  // Last year's levels come from last year's cycle, if there was one.
  const previous = useLoader(
    async (signal) => {
      const { items } = await fetchCycles(signal);
      return items.some((c) => c.year === year - 1) ? (await fetchAwards(year - 1, signal)).items : null;
    },
    [year],
  );
  const shapes = useLoader(
    async (signal) => {
      if (!canReadGrids) {
        return null;
      }
      const [villages, towns] = await Promise.all([
        fetchOutlines('village', signal),
        fetchOutlines('town', signal),
      ]);
      return { villages, towns };
    },
    [canReadGrids],
  );
  const towns = useLoader((signal) => fetchTowns(signal), []);
  const townIds = useMemo(() => new Map((towns.data ?? []).map((o) => [o.name, o.id])), [towns.data]);
  const steps = useMemo(
    () => scoreStepsOf([...(results.data?.values() ?? [])].map((v) => v.total)),
    [results.data],
  );
  const table = useMemo(
    () => (results.data === undefined ? null : townRows(results.data, previous.data ?? null)),
    [results.data, previous.data],
  );
  const legend = useMemo(() => legendOf(t, colouring, steps), [t, colouring, steps]);

  const map = (() => {
    if (!canReadGrids) {
      return (
        <Typography.Text type="secondary" data-testid="stars-map-no-access">
          {t('assessment.map.noAccess')}
        </Typography.Text>
      );
    }
    if (shapes.error !== undefined) {
      return <ProblemAlert error={shapes.error} onRetry={shapes.reload} />;
    }
    if (results.error !== undefined) {
      return null;
    }
    if (shapes.data === undefined || results.data === undefined) {
      return (
        <Flex justify="center" align="center" style={{ height: 320 }}>
          <Spin />
        </Flex>
      );
    }
    if (shapes.data === null || shapes.data.villages.features.length === 0) {
      return <Typography.Text type="secondary">{t('assessment.map.noOutlines')}</Typography.Text>;
    }
    return (
      <Flex vertical gap={8}>
        <StarsMap
          villages={shapes.data.villages}
          towns={shapes.data.towns}
          results={results.data}
          colouring={colouring}
          steps={steps}
          onPick={(sheetId) => void navigate(assessmentPaths.sheet(sheetId))}
        />
        <Legend entries={legend} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.map.hint')}
        </Typography.Text>
      </Flex>
    );
  })();

  return (
    <Flex vertical gap={12}>
      {canReadGrids ? (
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">{t('assessment.map.colouring')}</Typography.Text>
          <Segmented<StarsColouring>
            value={colouring}
            onChange={setColouring}
            options={starsColourings.map((c) => ({ value: c, label: t(`assessment.map.by.${c}`) }))}
            data-testid="stars-map-colouring"
          />
        </Flex>
      ) : null}
      {results.error === undefined ? null : <ProblemAlert error={results.error} onRetry={results.reload} />}
      {map}
      {previous.error === undefined ? null : (
        <ProblemAlert error={previous.error} onRetry={previous.reload} />
      )}
      {towns.error === undefined ? null : <ProblemAlert error={towns.error} onRetry={towns.reload} />}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('assessment.map.townTable')}
      </Typography.Title>
      <StarsTownTable
        year={year}
        rows={table?.rows ?? []}
        all={table?.all ?? null}
        townIds={townIds}
        isLoading={results.isLoading || previous.isLoading}
      />
    </Flex>
  );
};
