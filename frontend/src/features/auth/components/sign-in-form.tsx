import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { TextField } from '@/components/ui/text-field';
import { session } from '@/lib/api';
import { useFormSubmit } from '@/lib/use-form-submit';
import { login } from '../api/auth-api';
import styles from './auth-form.module.css';
import { validateSignIn, type SignInValues } from './auth-validation';

export function SignInForm({ onSignedIn }: { onSignedIn(): void }) {
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const { form, errors, failure, busy, onSubmit } = useFormSubmit({
    validate: () => validateSignIn(values),
    send: async () => {
      session.signIn(await login(values.email.trim(), values.password));
      onSignedIn();
    },
    apiFields: { email: 'email', password: 'password' },
  });

  return (
    <form ref={form} className={styles.form} onSubmit={onSubmit} noValidate>
      {failure !== null && <ErrorAlert error={failure} />}
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={(e) => setValues({ ...values, email: e.target.value })}
        error={errors.email}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        value={values.password}
        onChange={(e) => setValues({ ...values, password: e.target.value })}
        error={errors.password}
      />
      <Button type="submit" busy={busy}>
        Sign in
      </Button>
    </form>
  );
}
