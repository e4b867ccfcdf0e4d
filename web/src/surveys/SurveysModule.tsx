// The surveys module of the console: the list of surveys, and one survey's rules, results and samples.
import { useParams } from 'react-router-dom';
import { SurveyListPage } from './SurveyListPage';
import { SurveyPage } from './SurveyPage';

export const SurveysModule = () => {
  const { id } = useParams<{ id?: string }>();
  return id === undefined ? <SurveyListPage /> : <SurveyPage key={id} id={id} />;
};
