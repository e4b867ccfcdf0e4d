// The party member's own pages behind one navigation entry: registration, activities and posts, the on-site
// check-in, the ledger of a year, and the households one is paired with (阳光扶贫).
import { useParams } from 'react-router-dom';
import { NotFoundPage } from '../common/StatusPages';
import { CheckInPage } from './CheckInPage';
import { MyLedgerPage } from './MyLedgerPage';
import { MyPage } from './MyPage';
import { MyReliefPage } from './MyReliefPage';

export const MyVolunteeringModule = () => {
  const { page, id } = useParams<{ page?: string; id?: string }>();
  if (page === undefined) {
    return <MyPage />;
  }
  switch (page) {
    case 'ledger':
      return <MyLedgerPage />;
    case 'relief':
      return <MyReliefPage />;
    case 'check-in':
      return <CheckInPage key={id ?? ''} activityId={id ?? null} />;
    default:
      return <NotFoundPage />;
  }
};
