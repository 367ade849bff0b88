import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { RequireAuth } from '@/lib/auth/require-auth';
import { ErrorBoundary } from './error-boundary';
import { AppLayout } from './layouts/app-layout';

// Each page is a chunk of its own: the sign-in page loads none of the project screens' code.
const SignInRoute = lazy(() => import('./routes/sign-in'));
const SignUpRoute = lazy(() => import('./routes/sign-up'));
const ProjectsRoute = lazy(() => import('./routes/projects'));
const NewProjectRoute = lazy(() => import('./routes/new-project'));
const ImportProjectRoute = lazy(() => import('./routes/import-project'));
const ProjectRoute = lazy(() => import('./routes/project'));
const SettingsRoute = lazy(() => import('./routes/settings'));
const NotFoundRoute = lazy(() => import('./routes/not-found'));

/** A signed-out page, guarded like the signed-in ones are inside AppLayout. */
function Page({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<Loading label="Loading…" />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/" element={<Navigate to="/projects" replace />} />
        <Route path="/sign-in" element={<Page><SignInRoute /></Page>} />
        <Route path="/sign-up" element={<Page><SignUpRoute /></Page>} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route path="/projects" element={<ProjectsRoute />} />
          <Route path="/projects/new" element={<NewProjectRoute />} />
          <Route path="/projects/import" element={<ImportProjectRoute />} />
          <Route path="/projects/:projectId" element={<ProjectRoute />} />
          <Route path="/settings" element={<SettingsRoute />} />
        </Route>
        <Route path="*" element={<Page><NotFoundRoute /></Page>} />
      </Routes>
    </BrowserRouter>
  );
}
