import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Notice } from '@/components/ui/error-alert';
import { PageTitle } from '@/components/ui/page-title';
import { AuthLayout } from '@/features/auth/components/auth-layout';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { nextPath } from '@/lib/auth/next-path';
import { useSession } from '@/lib/auth/use-session';

export default function SignInRoute() {
  const { signedIn, notice } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = nextPath(params.get('next'));

  if (signedIn) {
    return <Navigate to={next} replace />;
  }
  const signUp = params.has('next') ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up';
  return (
    <AuthLayout
      footer={
        <>
          New to Samokoder? <Link to={signUp}>Create an account</Link>
        </>
      }
    >
      <PageTitle title="Sign in" />
      {notice && <Notice>{notice}</Notice>}
      <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
    </AuthLayout>
  );
}
