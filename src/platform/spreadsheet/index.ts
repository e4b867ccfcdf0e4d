// Reading uploaded spreadsheets (.xlsx, UTF-8 or GBK .csv) and the row-level report every import answers with.
export { decodeText, parseCsv, readTable, TableError, type Table, type TableRow } from './readTable.js';
export {
  IssueList,
  isDate,
  mapColumns,
  normaliseDate,
  reportOf,
  tableErrorMessage,
  type ColumnSpec,
  type ImportIssue,
  type ImportReport,
} from './importReport.js';
export { ImportQuery, ImportReportSchema, MAX_UPLOAD_BYTES, uploadedFile } from './upload.js';
