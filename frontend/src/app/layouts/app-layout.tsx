import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { getMe } from '@/features/auth/api/auth-api';
import { session } from '@/lib/api';
import { useQuery } from '@/lib/use-query';
import { ErrorBoundary } from '../error-boundary';
import styles from './app-layout.module.css';

/** The frame of every signed-in page: who is signed in, the way out, and the page. */
export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const me = useQuery('me', (signal) => getMe(signal));

  function signOut() {
    void session.signOut();
    navigate('/sign-in', { replace: true });
  }

  return (
    <>
      <a className={styles.skip} href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link className={styles.brand} to="/projects">
            <img src="/favicon.svg" alt="" width={24} height={24} />
            Samokoder
          </Link>
          <nav className={styles.nav} aria-label="Account">
            <Link className={styles.navLink} to="/settings" aria-current={location.pathname === '/settings' ? 'page' : undefined}>
              Settings
            </Link>
            {me.state.status === 'success' && <span className={styles.who}>{me.state.data.displayName || me.state.data.email}</span>}
            <Button variant="secondary" onClick={signOut}>
              Sign out
            </Button>
          </nav>
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading label="Loading…" />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
