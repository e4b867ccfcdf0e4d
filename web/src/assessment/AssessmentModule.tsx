// The staff pages of the five-star assessment behind one navigation entry: the years, a year's sheets, stars and
// notice, a sheet, a year's indicator tree. /assessment?year=<yyyy>&orgId=<unit> (the command view's link) opens that
// year's sheets narrowed to the unit.
import { Navigate, useParams, useSearchParams } from 'react-router-dom';
import { NotFoundPage } from '../common/StatusPages';
import { assessmentPaths } from './api';
import { CyclePage } from './CyclePage';
import { CyclesPage } from './CyclesPage';
import { SheetPage } from './SheetPage';
import { TreePage } from './TreePage';

const yearOf = (raw: string): number | null => (/^\d{4}$/.test(raw) ? Number(raw) : null);

export const AssessmentModule = () => {
  const { kind, id } = useParams<{ kind?: string; id?: string }>();
  const [params] = useSearchParams();
  if (kind === undefined || id === undefined) {
    const linkedYear = yearOf(params.get('year') ?? '');
    const orgId = params.get('orgId');
    return linkedYear === null ? (
      <CyclesPage />
    ) : (
      <Navigate replace to={assessmentPaths.cycle(linkedYear, undefined, orgId ?? undefined)} />
    );
  }
  const year = yearOf(id);
  switch (kind) {
    case 'cycles':
      return year === null ? <NotFoundPage /> : <CyclePage key={year} year={year} />;
    case 'trees':
      return year === null ? <NotFoundPage /> : <TreePage key={year} year={year} />;
    case 'sheets':
      return <SheetPage key={id} id={id} />;
    default:
      return <NotFoundPage />;
  }
};
