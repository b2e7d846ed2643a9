import type { PageProps } from '../app/page-props';
import { UpcomingPage } from './UpcomingPage';

/** Dashboard: its own chunk (lazy route), filled by the next parts of issue 13. */
export default function DashboardPage(props: PageProps) {
  return <UpcomingPage {...props} />;
}
