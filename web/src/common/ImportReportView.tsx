// The row-level report of a spreadsheet import (dry run or commit), shared by every import page: the verdict, the
// issues by row and column, and a preview of the rows as read. Each page passes its own wording.
import { Alert, Table, Typography } from 'antd';

export type ImportReportShape = {
  total: number;
  valid: number;
  issueCount: number;
  issues: { row: number; column: string; reason: string }[];
  columns: string[];
  preview: { row: number; values: Record<string, string> }[];
};

export type ImportReportText = {
  ok: string;
  hasIssues: string;
  total: string;
  row: string;
  column: string;
  reason: string;
  preview: string;
};

export const ImportReportView = ({
  report,
  text,
  issuesTestId,
}: {
  report: ImportReportShape;
  text: ImportReportText;
  issuesTestId: string;
}) => {
  const isClean = report.issueCount === 0;
  return (
    <>
      <Alert
        type={isClean ? 'success' : 'error'}
        showIcon
        title={isClean ? text.ok : text.hasIssues}
        description={text.total}
      />
      {report.issues.length === 0 ? null : (
        <Table
          rowKey={(i) => `${i.row}:${i.column}:${i.reason}`}
          size="small"
          data-testid={issuesTestId}
          dataSource={report.issues}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { key: 'row', title: text.row, dataIndex: 'row', width: 70 },
            { key: 'column', title: text.column, dataIndex: 'column', width: 140 },
            { key: 'reason', title: text.reason, dataIndex: 'reason' },
          ]}
        />
      )}
      <Typography.Title level={5}>{text.preview}</Typography.Title>
      <Table
        rowKey="row"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={report.preview}
        columns={[
          { key: 'row', title: text.row, dataIndex: 'row', width: 60 },
          ...report.columns.map((c) => ({
            key: c,
            title: c,
            render: (_: unknown, r: ImportReportShape['preview'][number]) => r.values[c] ?? '',
          })),
        ]}
      />
    </>
  );
};
