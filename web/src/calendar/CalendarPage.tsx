// The holiday calendar for district admins: which years it holds, a year's days, and importing a year from the
// State Council's notice as a file (check first, then replace the year).
import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, InputNumber, Row, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import {
  fetchCalendarDays,
  fetchCalendarStatus,
  fetchCalendarYears,
  importCalendarFile,
  type CalendarDay,
  type CalendarImportReport,
  type CalendarYear,
} from './api';
import { CalendarAlerts } from './CalendarAlerts';

type ReportRow = CalendarImportReport['rows'][number];
type ReportIssue = CalendarImportReport['issues'][number];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const KindTag = ({ kind }: { kind: string }) => {
  const { t } = useTranslation();
  if (kind === 'holiday') {
    return <Tag color="red">{t('calendar.holiday')}</Tag>;
  }
  if (kind === 'workday') {
    return <Tag color="blue">{t('calendar.workday')}</Tag>;
  }
  return <Tag>{kind === '' ? t('common.none') : kind}</Tag>;
};

const WeekdayText = ({ weekday }: { weekday: number | null }) => {
  const { t } = useTranslation();
  const key = weekday === null ? undefined : WEEKDAYS[weekday];
  if (key === undefined) {
    return <>{t('common.none')}</>;
  }
  const text = t(`calendar.weekdays.${key}`);
  return weekday === 0 || weekday === 6 ? (
    <Typography.Text type="secondary">{text}</Typography.Text>
  ) : (
    <>{text}</>
  );
};

const YearDays = ({ year }: { year: number }) => {
  const { t } = useTranslation();
  const days = useLoader((signal) => fetchCalendarDays(year, signal), [year]);
  return (
    <Card size="small" title={t('calendar.daysOf', { year })}>
      {days.error === undefined ? null : <ProblemAlert error={days.error} onRetry={days.reload} />}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        loading={days.isLoading}
        dataSource={days.data?.items ?? []}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { key: 'date', title: t('calendar.date'), dataIndex: 'date' },
          { key: 'kind', title: t('calendar.kind'), render: (_: unknown, d) => <KindTag kind={d.kind} /> },
          { key: 'name', title: t('calendar.name'), render: (_: unknown, d) => d.name ?? '' },
        ]}
      />
    </Card>
  );
};

const ImportCard = ({ defaultYear, onImported }: { defaultYear: number; onImported: () => void }) => {
  const { t } = useTranslation();
  const [year, setYear] = useState(defaultYear);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CalendarImportReport | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const run = async (dryRun: boolean) => {
    if (file === null) {
      return;
    }
    setError(undefined);
    setIsBusy(true);
    try {
      const content = await file.text();
      const answer = await importCalendarFile(year, { content, fileName: file.name }, dryRun);
      setReport(answer);
      if (answer.committed) {
        onImported();
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  const reset = () => {
    setFile(null);
    setReport(null);
    setError(undefined);
  };
  const isClean = report !== null && report.issues.length === 0;

  return (
    <Card size="small" title={t('calendar.import.title')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('calendar.import.hint')}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <span>{t('calendar.import.year')}</span>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            aria-label={t('calendar.import.year')}
            onChange={(v) => {
              if (v !== null) {
                setYear(v);
                setReport(null);
              }
            }}
          />
          <Upload
            accept=".json,.csv,.txt"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setReport(null);
              return false;
            }}
            onRemove={reset}
            fileList={file === null ? [] : [{ uid: '1', name: file.name, status: 'done' }]}
          >
            <Button icon={<UploadOutlined />}>{t('calendar.import.pick')}</Button>
          </Upload>
          <Button disabled={file === null || isBusy} loading={isBusy} onClick={() => void run(true)}>
            {t('calendar.import.check')}
          </Button>
          <Button
            type="primary"
            danger={isClean && report.before !== null}
            disabled={!isClean || report.committed || isBusy}
            onClick={() => void run(false)}
          >
            {t('calendar.import.commit', { year })}
          </Button>
        </Flex>
        {error === undefined ? null : <ProblemAlert error={error} />}
        {report === null ? null : <ImportReport report={report} />}
      </Flex>
    </Card>
  );
};

const ImportReport = ({ report }: { report: CalendarImportReport }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {report.committed ? (
        <Alert
          type="success"
          showIcon
          title={t('calendar.import.committed', {
            year: report.year,
            holidays: report.holidays,
            workdays: report.workdays,
          })}
        />
      ) : (
        <Alert
          type={report.issues.length === 0 ? 'info' : 'error'}
          showIcon
          title={t('calendar.import.checked', {
            total: report.total,
            valid: report.valid,
            holidays: report.holidays,
            workdays: report.workdays,
          })}
          description={
            <Flex vertical>
              {report.issues.length > 0 ? (
                <span>{t('calendar.import.hasIssues', { count: report.issues.length })}</span>
              ) : null}
              {report.before === null || report.issues.length > 0 ? null : (
                <span>
                  {t('calendar.import.replaces', {
                    year: report.year,
                    holidays: report.before.holidays,
                    workdays: report.before.workdays,
                  })}
                </span>
              )}
              {report.ignoredOtherYears > 0 ? (
                <span>{t('calendar.import.otherYears', { count: report.ignoredOtherYears })}</span>
              ) : null}
            </Flex>
          }
        />
      )}
      {report.issues.length === 0 ? null : (
        <Table<ReportIssue>
          size="small"
          title={() => t('calendar.import.issues')}
          rowKey={(i) => `${i.row}:${i.field}:${i.message}`}
          dataSource={report.issues}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              key: 'row',
              title: t('calendar.import.row'),
              width: 80,
              render: (_: unknown, i) => (i.row === 0 ? t('calendar.import.fileRow') : i.row),
            },
            { key: 'field', title: t('calendar.import.field'), dataIndex: 'field', width: 100 },
            { key: 'message', title: t('calendar.import.message'), dataIndex: 'message' },
          ]}
        />
      )}
      <Table<ReportRow>
        size="small"
        rowKey="row"
        dataSource={report.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: 'row', title: t('calendar.import.row'), dataIndex: 'row', width: 70 },
          { key: 'date', title: t('calendar.date'), dataIndex: 'date' },
          {
            key: 'weekday',
            title: t('calendar.weekday'),
            render: (_: unknown, r) => <WeekdayText weekday={r.weekday} />,
          },
          { key: 'kind', title: t('calendar.kind'), render: (_: unknown, r) => <KindTag kind={r.kind} /> },
          { key: 'name', title: t('calendar.name'), render: (_: unknown, r) => r.name ?? '' },
          {
            key: 'status',
            title: '',
            render: (_: unknown, r) =>
              r.isValid ? (
                <Tag color="green">{t('calendar.import.ok')}</Tag>
              ) : (
                <Tag color="red">{t('calendar.import.bad')}</Tag>
              ),
          },
        ]}
      />
    </Flex>
  );
};

export const CalendarPage = () => {
  const { t } = useTranslation();
  const status = useLoader((signal) => fetchCalendarStatus(signal), []);
  const years = useLoader((signal) => fetchCalendarYears(signal), []);
  const [shown, setShown] = useState<number | null>(null);
  const items = years.data?.items ?? [];
  const reload = () => {
    status.reload();
    years.reload();
  };
  // The year to offer for import: the first one missing, else the one after the current year.
  const defaultYear =
    status.data === undefined ? null : (status.data.alerts[0]?.year ?? status.data.currentYear + 1);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('calendar.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('calendar.intro')}
      </Typography.Paragraph>
      {status.error === undefined ? null : <ProblemAlert error={status.error} onRetry={status.reload} />}
      <CalendarAlerts alerts={status.data?.alerts ?? []} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('calendar.years')}>
              {years.error === undefined ? null : <ProblemAlert error={years.error} onRetry={years.reload} />}
              <Table<CalendarYear>
                rowKey="year"
                size="small"
                loading={years.isLoading}
                dataSource={items}
                pagination={false}
                columns={[
                  { key: 'year', title: t('calendar.year'), dataIndex: 'year' },
                  { key: 'holidays', title: t('calendar.holidays'), dataIndex: 'holidays' },
                  { key: 'workdays', title: t('calendar.workdays'), dataIndex: 'workdays' },
                  {
                    key: 'importedAt',
                    title: t('calendar.importedAt'),
                    render: (_: unknown, y) =>
                      y.importedAt === null
                        ? t('calendar.seeded')
                        : formatDateTime(y.importedAt, currentLocale()),
                  },
                  {
                    key: 'view',
                    title: '',
                    render: (_: unknown, y) => (
                      <Button size="small" type="link" onClick={() => setShown(y.year)}>
                        {t('calendar.view')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
            {shown === null ? null : <YearDays key={shown} year={shown} />}
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          {defaultYear === null ? null : <ImportCard defaultYear={defaultYear} onImported={reload} />}
        </Col>
      </Row>
    </Flex>
  );
};
