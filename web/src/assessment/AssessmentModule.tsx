// The staff pages of the five-star assessment behind one navigation entry: the years, a year's sheets, stars and
// notice, a sheet, a year's indicator tree.
import { useParams } from 'react-router-dom';
import { NotFoundPage } from '../common/StatusPages';
import { CyclePage } from './CyclePage';
import { CyclesPage } from './CyclesPage';
import { SheetPage } from './SheetPage';
import { TreePage } from './TreePage';

const yearOf = (raw: string): number | null => (/^\d{4}$/.test(raw) ? Number(raw) : null);

export const AssessmentModule = () => {
  const { kind, id } = useParams<{ kind?: string; id?: string }>();
  if (kind === undefined || id === undefined) {
    return <CyclesPage />;
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
