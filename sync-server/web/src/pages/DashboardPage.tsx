import type { PageProps } from '../app/page-props';
import { DashboardView } from './dashboard/DashboardView';

/** Dashboard (issue 13): key figures, charts and breakdowns of the stores chosen over a period, updated live as sales arrive. */
export default function DashboardPage({ me }: PageProps) {
  return <DashboardView me={me} />;
}
