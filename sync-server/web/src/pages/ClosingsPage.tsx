import type { PageProps } from '../app/page-props';
import { UpcomingPage } from './UpcomingPage';

/** Closings: its own chunk (lazy route), filled by the next parts of issue 13. */
export default function ClosingsPage(props: PageProps) {
  return <UpcomingPage {...props} />;
}
