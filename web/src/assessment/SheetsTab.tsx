// A year's sheets in scope, ranked by total: filter by town and status, find by name; each star's score beside. The
// unit in the address (?orgId=) sets the filters: a town its town, a village its town and its name; picking a town
// writes it back. A level in the address (?level=, from the map tab's town table) keeps the villages awarded it.
import { useEffect, useMemo, useState } from 'react';
import { Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchOrg } from '../api/orgs';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import {
  assessmentPaths,
  fetchSheets,
  fetchTowns,
  sheetStatuses,
  type SheetRow,
  type SheetStatus,
} from './api';
import { levelText, msg, sheetStatusLabel, starMarks } from './labels';
import { StatusCounts, StatusTag } from './StatusCounts';

export const SheetsTab = ({ year }: { year: number }) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [status, setStatus] = useState<SheetStatus | undefined>(undefined);
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const levelParam = params.get('level');
  const level = levelParam !== null && /^[0-5]$/.test(levelParam) ? Number(levelParam) : undefined;
  /** A town picked that has no id to put in the address (not among the scope's towns). */
  const [pickedTown, setPickedTown] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchSheets(year, status, signal),
    [year, status],
  );
  const unit = useLoader(
    (signal) => (orgId === undefined ? Promise.resolve(undefined) : fetchOrg(orgId, signal)),
    [orgId],
  );
  const scopeTowns = useLoader((signal) => fetchTowns(signal), []);
  // The unit of the address now (not one an earlier address named while the next one loads or fails).
  const linked = unit.data?.item.id === orgId ? unit.data?.item : undefined;
  const linkedTown =
    linked === undefined
      ? undefined
      : linked.level === 'town'
        ? linked
        : linked.level === 'village'
          ? linked.ancestors.find((a) => a.level === 'town')
          : undefined;
  const town = orgId === undefined ? pickedTown : linkedTown?.name;
  // A village's link finds it by name.
  useEffect(() => {
    if (linked?.level === 'village') {
      setText(linked.name);
    }
  }, [linked]);
  const setOrgId = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id === undefined) {
      next.delete('orgId');
    } else {
      next.set('orgId', id);
    }
    setParams(next, { replace: true });
  };
  const pickTown = (name: string | undefined) => {
    const id =
      name === undefined
        ? undefined
        : [...(scopeTowns.data ?? []), ...(linkedTown === undefined ? [] : [linkedTown])].find(
            (o) => o.name === name,
          )?.id;
    setPickedTown(id === undefined ? name : undefined);
    if (linked?.level === 'village') {
      setText('');
    }
    setOrgId(id);
  };
  const towns = useMemo(
    () => [...new Set((data?.items ?? []).map((s) => s.townName))].sort((a, b) => a.localeCompare(b, 'zh')),
    [data],
  );
  const rows = useMemo(() => {
    const q = text.trim();
    // A unit not (yet) found narrows to nothing rather than showing the whole scope as if it were the unit's.
    if (orgId !== undefined && linked === undefined) {
      return [];
    }
    return (data?.items ?? []).filter(
      (s) =>
        (town === undefined || s.townName === town) &&
        (q === '' || s.orgName.includes(q)) &&
        (level === undefined || s.award?.level === level),
    );
  }, [data, town, text, orgId, linked, level]);
  const stars = data?.stars ?? [];
  return (
    <Flex vertical gap={12}>
      {data === undefined ? null : <StatusCounts counts={data.counts} />}
      <Flex gap={8} wrap align="center">
        <Select<string>
          allowClear
          placeholder={t('assessment.cycle.allTowns')}
          aria-label={t('assessment.cycle.town')}
          value={town}
          onChange={pickTown}
          options={towns.map((name) => ({ value: name, label: name }))}
          style={{ width: isMobile ? '100%' : 200 }}
          data-testid="filter-town"
        />
        <Select<SheetStatus>
          allowClear
          placeholder={t('assessment.cycle.allStatuses')}
          aria-label={t('assessment.cycle.status')}
          value={status}
          onChange={setStatus}
          options={sheetStatuses.map((s) => ({ value: s, label: sheetStatusLabel(t, s) }))}
          style={{ width: isMobile ? '100%' : 160 }}
          data-testid="filter-status"
        />
        <Input.Search
          allowClear
          placeholder={t('assessment.cycle.search')}
          aria-label={t('assessment.cycle.search')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            // Once the village's name is edited, the address names only its town.
            if (linked?.level === 'village') {
              setOrgId(linkedTown?.id);
            }
          }}
          style={{ width: isMobile ? '100%' : 240 }}
        />
        {level === undefined ? null : (
          <Tag
            closable
            color="gold"
            data-testid="filter-level"
            onClose={() => {
              const next = new URLSearchParams(params);
              next.delete('level');
              setParams(next, { replace: true });
            }}
          >
            {t('assessment.cycle.onlyLevel', { level: levelText(t, level) })}
          </Tag>
        )}
        <Typography.Text type="secondary">
          {t('assessment.cycle.loaded', { count: rows.length })}
        </Typography.Text>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {unit.error === undefined ? null : <ProblemAlert error={unit.error} onRetry={unit.reload} />}
      <Table<SheetRow>
        rowKey="id"
        size="middle"
        loading={isLoading || (orgId !== undefined && unit.isLoading)}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, size: isMobile ? 'small' : undefined }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('assessment.cycle.empty') }}
        data-testid="sheet-table"
        columns={[
          {
            title: t('assessment.cycle.rank'),
            dataIndex: 'rank',
            width: isMobile ? 48 : 64,
            fixed: isMobile ? undefined : 'left',
          },
          {
            title: t('assessment.cycle.village'),
            dataIndex: 'orgName',
            width: 150,
            render: (_: unknown, s) => (
              <Flex vertical>
                <Link to={assessmentPaths.sheet(s.id)} data-testid="sheet-link">
                  {s.orgName}
                </Link>
                {isMobile ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('assessment.cycle.total')} {s.total}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { title: t('assessment.cycle.town'), dataIndex: 'townName', width: 130, responsive: ['sm'] },
          {
            title: t('assessment.cycle.status'),
            dataIndex: 'status',
            width: 110,
            render: (v: string) => <StatusTag status={v} />,
          },
          {
            title: t('assessment.cycle.total'),
            dataIndex: 'total',
            width: 90,
            align: 'right',
            render: (v: number) => <Typography.Text strong>{v}</Typography.Text>,
          },
          ...stars.map((star) => ({
            key: star.code,
            title: msg(star.name),
            width: 96,
            align: 'right' as const,
            responsive: ['lg' as const],
            render: (_: unknown, s: SheetRow) => {
              const r = s.stars.find((x) => x.code === star.code);
              return r === undefined ? '—' : <Tag color={r.isEarned ? 'gold' : undefined}>{r.score}</Tag>;
            },
          })),
          {
            title: t('assessment.cycle.basics'),
            dataIndex: 'basicsPassed',
            width: 80,
            responsive: ['md'],
            render: (v: boolean) => (
              <Tag color={v ? 'success' : 'error'}>
                {t(v ? 'assessment.cycle.basicsPassed' : 'assessment.cycle.basicsFailed')}
              </Tag>
            ),
          },
          {
            title: t('assessment.cycle.stars'),
            key: 'stars',
            width: 110,
            render: (_: unknown, s) =>
              s.award === null ? (
                <span title={t('assessment.cycle.earned')}>
                  {t('assessment.cycle.starCount', { count: s.earned })}
                </span>
              ) : (
                <Typography.Text style={{ color: '#d48806' }}>{starMarks(s.award.level)}</Typography.Text>
              ),
          },
          {
            title: t('assessment.cycle.previous'),
            dataIndex: 'previousLevel',
            width: 90,
            responsive: ['md'],
            render: (v: number) => starMarks(v),
          },
        ]}
      />
    </Flex>
  );
};
