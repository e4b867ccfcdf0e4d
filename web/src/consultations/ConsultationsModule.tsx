// The staff pages of the consultation rooms behind one navigation entry: councils, a council, a topic, a meeting,
// an outcome.
import { useParams } from 'react-router-dom';
import { NotFoundPage } from '../common/StatusPages';
import { CouncilPage } from './CouncilPage';
import { CouncilsPage } from './CouncilsPage';
import { MeetingPage } from './MeetingPage';
import { OutcomePage } from './OutcomePage';
import { TopicPage } from './TopicPage';

export const ConsultationsModule = () => {
  const { kind, id } = useParams<{ kind?: string; id?: string }>();
  if (kind === undefined || id === undefined) {
    return <CouncilsPage />;
  }
  switch (kind) {
    case 'councils':
      return <CouncilPage key={id} id={id} />;
    case 'topics':
      return <TopicPage key={id} id={id} />;
    case 'meetings':
      return <MeetingPage key={id} id={id} />;
    case 'outcomes':
      return <OutcomePage key={id} id={id} />;
    default:
      return <NotFoundPage />;
  }
};
