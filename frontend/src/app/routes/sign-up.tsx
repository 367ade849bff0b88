import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { AuthLayout } from '@/features/auth/components/auth-layout';
import { SignUpForm } from '@/features/auth/components/sign-up-form';
import { nextPath } from '@/lib/auth/next-path';
import { useSession } from '@/lib/auth/use-session';

export default function SignUpRoute() {
  const { signedIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = nextPath(params.get('next'));

  if (signedIn) {
    return <Navigate to={next} replace />;
  }
  return (
    <AuthLayout
      footer={
        <>
          Have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <PageTitle title="Create your account" />
      <SignUpForm onSignedIn={() => navigate(next, { replace: true })} />
    </AuthLayout>
  );
}
