// Streams a filtered case list to .xlsx page by page, so memory stays flat however many rows there are.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Category } from './catalogue/repository.js';
import { caseLight } from './clock.js';
import type { CaseListFilter, CaseRepository, CaseScope } from './repository.js';

const PAGE = 2000;

const iso = (t: number | null) =>
  t === null ? '' : new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function exportCases(
  repo: CaseRepository,
  scope: CaseScope,
  filter: CaseListFilter,
  catalogue: Category[],
): PassThrough {
  const out = new PassThrough();
  const names = new Map(catalogue.map((c) => [c.code, c.name.zh]));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('事件 Cases');
  sheet.columns = [
    { header: '受理编号 Tracking code', key: 'code', width: 22 },
    { header: '状态 State', key: 'state', width: 14 },
    { header: '类别 Category', key: 'category', width: 18 },
    { header: '网格类别 Net', key: 'net', width: 16 },
    { header: '平台 Platform', key: 'platform', width: 16 },
    { header: '来源 Source', key: 'source', width: 10 },
    { header: '紧急程度 Urgency', key: 'urgency', width: 8 },
    { header: '描述 Description', key: 'description', width: 40 },
    { header: '地址 Address', key: 'address', width: 30 },
    { header: '上报时间 Reported (UTC+8)', key: 'reported', width: 18 },
    { header: '处置时限 Deadline (UTC+8)', key: 'deadline', width: 18 },
    { header: '办结时间 Closed (UTC+8)', key: 'closed', width: 18 },
    { header: '亮灯 Light', key: 'light', width: 8 },
    { header: '返工次数 Reworks', key: 'reworks', width: 8 },
    { header: '评价 Rating', key: 'rating', width: 8 },
    { header: '诉求人电话 Reporter phone (masked)', key: 'phone', width: 16 },
  ];
  void (async () => {
    const now = Date.now();
    let after = filter.after;
    for (;;) {
      const rows = await repo.list(scope, { ...filter, after, limit: PAGE });
      for (const c of rows) {
        sheet
          .addRow({
            code: c.tracking_code,
            state: c.state,
            category: names.get(c.category_code) ?? c.category_code,
            net: c.net,
            platform: c.platform,
            source: c.source,
            urgency: c.urgency,
            description: c.description,
            address: c.address ?? '',
            reported: iso(c.reported_at),
            deadline: iso(c.deadline_at),
            closed: iso(c.closed_at),
            light: caseLight(c, now),
            reworks: c.rework_count,
            rating: c.rating ?? '',
            phone: c.is_anonymous === 1 ? '' : (c.reporter_phone_masked ?? ''),
          })
          .commit();
      }
      const last = rows.at(-1);
      if (rows.length < PAGE || last === undefined) {
        break;
      }
      after = { reportedAt: last.reported_at, id: last.id };
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
