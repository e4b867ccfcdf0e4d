// The command view's pages behind one navigation entry: the screen, the early-warning rules (for those who may keep
// them) and the briefing.
import { useParams } from 'react-router-dom';
import { useAbility } from '../auth/useAuth';
import { ForbiddenPage, NotFoundPage } from '../common/StatusPages';
import { BriefingPage } from './BriefingPage';
import { RulesPage } from './RulesPage';
import { ScreenPage } from './ScreenPage';

export const CommandModule = () => {
  const { page } = useParams<{ page?: string }>();
  const canWarn = useAbility('command.warn');
  switch (page) {
    case undefined:
      return <ScreenPage />;
    case 'rules':
      return canWarn ? <RulesPage /> : <ForbiddenPage />;
    case 'briefing':
      return <BriefingPage />;
    default:
      return <NotFoundPage />;
  }
};
