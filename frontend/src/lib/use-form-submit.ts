import { useRef, useState, type FormEvent } from 'react';
import { focusFirstInvalid, hasErrors, serverFieldErrors, type FieldErrors } from './forms';

type Options<F extends string> = {
  /** The form's own checks; any error stops the submission. */
  validate(): FieldErrors<F>;
  send(): Promise<void>;
  /** The form's fields under the names the API reports errors for. */
  apiFields: Record<F, string>;
};

/**
 * How every form submits: check the fields, send once (the button shows it is busy), and on a
 * failure show the API's field errors next to the fields and its problem above them. Focus goes to
 * the first field to fix, so keyboard and screen reader users land on it.
 */
export function useFormSubmit<F extends string>({ validate, send, apiFields }: Options<F>) {
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function focusFirstError() {
    requestAnimationFrame(() => focusFirstInvalid(form.current));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      await send();
    } catch (error) {
      setErrors(serverFieldErrors(error, apiFields));
      setFailure(error);
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }

  return { form, errors, failure, busy, onSubmit };
}
