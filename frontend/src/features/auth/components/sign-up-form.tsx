import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { TextField } from '@/components/ui/text-field';
import { session } from '@/lib/api';
import { focusFirstInvalid, hasErrors, serverFieldErrors, type FieldErrors } from '@/lib/forms';
import { login, register } from '../api/auth-api';
import styles from './auth-form.module.css';
import { validateSignUp, type SignUpValues } from './auth-validation';

/** Creates the account, then signs in with it: nobody wants to type the password twice. */
export function SignUpForm({ onSignedIn }: { onSignedIn(): void }) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SignUpValues>({ email: '', password: '', displayName: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof SignUpValues>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSignUp(values);
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    const email = values.email.trim();
    const displayName = values.displayName.trim();
    try {
      await register({ email, password: values.password, ...(displayName ? { displayName } : {}) });
      session.signIn(await login(email, values.password));
      onSignedIn();
    } catch (error) {
      setErrors(serverFieldErrors(error, { email: 'email', password: 'password', displayName: 'displayName' }));
      setFailure(error);
      setBusy(false);
      requestAnimationFrame(() => focusFirstInvalid(form.current));
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
        autoComplete="new-password"
        hint="At least 10 characters; not your email, not a common password."
        value={values.password}
        onChange={(e) => setValues({ ...values, password: e.target.value })}
        error={errors.password}
      />
      <TextField
        label="Your name"
        optional
        autoComplete="name"
        value={values.displayName}
        onChange={(e) => setValues({ ...values, displayName: e.target.value })}
        error={errors.displayName}
      />
      <Button type="submit" busy={busy}>
        Create account
      </Button>
    </form>
  );
}
