// The pages of the cases module behind one navigation entry: the lists, the intake forms, a case and the town's
// leaders in charge.
import { useParams } from 'react-router-dom';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { IntakePage } from './IntakePage';
import { TownLeadersPage } from './TownLeadersPage';

export const CasesModule = () => {
  const { id } = useParams<{ id?: string }>();
  if (id === undefined) {
    return <CasesPage />;
  }
  if (id === 'new' || id === 'quick') {
    return <IntakePage key={id} isQuick={id === 'quick'} />;
  }
  if (id === 'town-leaders') {
    return <TownLeadersPage />;
  }
  return <CasePage />;
};
