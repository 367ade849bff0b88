import { Link } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import styles from './not-found.module.css';

export default function NotFoundRoute() {
  return (
    <main className={styles.page}>
      <PageTitle title="Page not found" />
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/projects">Go to your projects</Link>
      </p>
    </main>
  );
}
