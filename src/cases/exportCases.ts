// Streams a filtered case list to .xlsx page by page as the client reads, so memory stays flat however many rows.
import type { Readable } from 'node:stream';
import { localDateTime } from '../platform/time.js';
import { streamXlsx, type Cell } from '../platform/xlsx/streamXlsx.js';
import type { Category } from './catalogue/repository.js';
import { caseLight } from './clock.js';
import type { CaseListFilter, CaseRepository, CaseScope } from './repository.js';

const PAGE = 2000;

const local = (t: number | null) => (t === null ? '' : localDateTime(t));

export const caseExportColumns = [
  { header: '受理编号 Tracking code', width: 22 },
  { header: '状态 State', width: 14 },
  { header: '类别 Category', width: 18 },
  { header: '网格类别 Net', width: 16 },
  { header: '平台 Platform', width: 16 },
  { header: '来源 Source', width: 10 },
  { header: '紧急程度 Urgency', width: 8 },
  { header: '描述 Description', width: 40 },
  { header: '地址 Address', width: 30 },
  { header: '上报时间 Reported (UTC+8)', width: 18 },
  { header: '处置时限 Deadline (UTC+8)', width: 18 },
  { header: '办结时间 Closed (UTC+8)', width: 18 },
  { header: '亮灯 Light', width: 8 },
  { header: '返工次数 Reworks', width: 8 },
  { header: '评价 Rating', width: 8 },
  { header: '诉求人电话 Reporter phone (masked)', width: 16 },
];

export function exportCases(
  repo: CaseRepository,
  scope: CaseScope,
  filter: CaseListFilter,
  catalogue: Category[],
  now: number,
): Readable {
  const names = new Map(catalogue.map((c) => [c.code, c.name.zh]));
  async function* rows(): AsyncGenerator<Cell[]> {
    let after = filter.after;
    for (;;) {
      const page = await repo.exportPage(scope, { ...filter, after, limit: PAGE });
      for (const c of page) {
        yield [
          c.tracking_code,
          c.state,
          names.get(c.category_code) ?? c.category_code,
          c.net,
          c.platform,
          c.source,
          c.urgency,
          c.description,
          c.address ?? '',
          local(c.reported_at),
          local(c.deadline_at),
          local(c.closed_at),
          caseLight(c, now),
          c.rework_count,
          c.rating,
          c.is_anonymous === 1 ? '' : (c.reporter_phone_masked ?? ''),
        ];
      }
      const last = page.at(-1);
      if (page.length < PAGE || last === undefined) {
        return;
      }
      after = { reportedAt: last.reported_at, id: last.id };
    }
  }
  return streamXlsx({ name: '事件 Cases', columns: caseExportColumns }, rows());
}
