import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { TextField } from '@/components/ui/text-field';
import { session } from '@/lib/api';
import { useFormSubmit } from '@/lib/use-form-submit';
import { login, register } from '../api/auth-api';
import styles from './auth-form.module.css';
import { validateSignUp, type SignUpValues } from './auth-validation';

/** Creates the account, then signs in with it: nobody wants to type the password twice. */
export function SignUpForm({ onSignedIn }: { onSignedIn(): void }) {
  const [values, setValues] = useState<SignUpValues>({ email: '', password: '', displayName: '' });
  const { form, errors, failure, busy, onSubmit } = useFormSubmit({
    validate: () => validateSignUp(values),
    send: async () => {
      const email = values.email.trim();
      const displayName = values.displayName.trim();
      await register({ email, password: values.password, ...(displayName ? { displayName } : {}) });
      session.signIn(await login(email, values.password));
      onSignedIn();
    },
    apiFields: { email: 'email', password: 'password', displayName: 'displayName' },
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
