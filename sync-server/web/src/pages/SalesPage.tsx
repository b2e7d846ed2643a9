import type { PageProps } from '../app/page-props';
import { UpcomingPage } from './UpcomingPage';

/** Sales: its own chunk (lazy route), filled by the next parts of issue 13. */
export default function SalesPage(props: PageProps) {
  return <UpcomingPage {...props} />;
}
