// The staff pages of the regional party-building alliance behind one navigation entry: the alliances in view, and
// one alliance with its members, numbers and three lists (an item opens in a drawer named by ?item=).
import { useParams } from 'react-router-dom';
import { AlliancePage } from './AlliancePage';
import { AlliancesPage } from './AlliancesPage';

export const AllianceModule = () => {
  const { id } = useParams<{ id?: string }>();
  return id === undefined ? <AlliancesPage /> : <AlliancePage key={id} id={id} />;
};
