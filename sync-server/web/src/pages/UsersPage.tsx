import type { PageProps } from '../app/page-props';
import { UpcomingPage } from './UpcomingPage';

/** Users: its own chunk (lazy route), filled by the next parts of issue 13. */
export default function UsersPage(props: PageProps) {
  return <UpcomingPage {...props} />;
}
