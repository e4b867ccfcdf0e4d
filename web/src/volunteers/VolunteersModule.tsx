// The desk of volunteering behind one navigation entry: registrations, posts, activities, numbers and the ledger,
// and one activity with its sign-ups.
import { useParams } from 'react-router-dom';
import { ActivityPage } from './ActivityPage';
import { DeskPage } from './DeskPage';

export const VolunteersModule = () => {
  const { id } = useParams<{ id?: string }>();
  return id === undefined ? <DeskPage /> : <ActivityPage key={id} id={id} />;
};
