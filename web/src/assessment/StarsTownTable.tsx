// The year's stars by town: villages assessed, villages per level, the average level this year and last, the average
// total; each count opens the town's sheets (narrowed to the level it counts).
import type { HTMLAttributes, ReactNode } from 'react';
import { Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { assessmentPaths } from './api';
import { levelText } from './labels';
import { STAR_LEVELS, type TownRow } from './starsSummary';

type Props = {
  year: number;
  rows: readonly TownRow[];
  /** The whole scope's row; null while loading. */
  all: TownRow | null;
  /** Town name → id, for the links; a town not found shows its counts without one. */
  townIds: ReadonlyMap<string, string>;
  isLoading: boolean;
};

const oneDecimal = (v: number | null): string => (v === null ? '—' : v.toFixed(1));

export const StarsTownTable = ({ year, rows, all, townIds, isLoading }: Props) => {
  const { t } = useTranslation();
  const count = (row: TownRow, n: number, level: number | undefined, isAll: boolean) => {
    const townId = isAll ? undefined : townIds.get(row.townName);
    const column = level === undefined ? 'assessed' : `level${level}`;
    if (n === 0 || (!isAll && townId === undefined)) {
      return (
        <span data-testid="stars-town-count" data-column={column}>
          {n}
        </span>
      );
    }
    return (
      <Link
        to={assessmentPaths.cycle(year, undefined, townId, level)}
        data-testid="stars-town-count"
        data-column={column}
      >
        {n}
      </Link>
    );
  };
  const columns: { key: string; title: string; cell: (row: TownRow, isAll: boolean) => ReactNode }[] = [
    {
      key: 'assessed',
      title: t('assessment.map.assessed'),
      cell: (row, isAll) => count(row, row.assessed, undefined, isAll),
    },
    ...STAR_LEVELS.map((l) => ({
      key: `level${l}`,
      title: levelText(t, l),
      cell: (row: TownRow, isAll: boolean) => count(row, row.perLevel[l] ?? 0, l, isAll),
    })),
    { key: 'average', title: t('assessment.map.averageLevel'), cell: (row) => oneDecimal(row.averageLevel) },
    {
      key: 'lastYear',
      title: t('assessment.map.averageLastYear'),
      cell: (row) => oneDecimal(row.averageLastYear),
    },
    { key: 'total', title: t('assessment.map.averageTotal'), cell: (row) => oneDecimal(row.averageTotal) },
  ];
  return (
    <Table<TownRow>
      rowKey="townName"
      size="small"
      loading={isLoading}
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('assessment.map.emptyTowns') }}
      data-testid="stars-town-table"
      onRow={(row) => ({ 'data-town': row.townName }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('assessment.cycle.town'), dataIndex: 'townName', fixed: 'left', width: 130 },
        ...columns.map((c) => ({
          key: c.key,
          title: c.title,
          align: 'right' as const,
          render: (_: unknown, row: TownRow) => c.cell(row, false),
        })),
      ]}
      summary={() =>
        rows.length === 0 || all === null ? null : (
          <Table.Summary.Row data-testid="stars-town-all">
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('assessment.map.all')}</Typography.Text>
            </Table.Summary.Cell>
            {columns.map((c, i) => (
              <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                {c.cell(all, true)}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )
      }
    />
  );
};
