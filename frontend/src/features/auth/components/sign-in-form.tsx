import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { TextField } from '@/components/ui/text-field';
import { session } from '@/lib/api';
import { focusFirstInvalid, hasErrors, serverFieldErrors, type FieldErrors } from '@/lib/forms';
import { login } from '../api/auth-api';
import styles from './auth-form.module.css';
import { validateSignIn, type SignInValues } from './auth-validation';

export function SignInForm({ onSignedIn }: { onSignedIn(): void }) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof SignInValues>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSignIn(values);
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      session.signIn(await login(values.email.trim(), values.password));
      onSignedIn();
    } catch (error) {
      setErrors(serverFieldErrors(error, { email: 'email', password: 'password' }));
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <form ref={form} className={styles.form} onSubmit={submit} noValidate>
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
