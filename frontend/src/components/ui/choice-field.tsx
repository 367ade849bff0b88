import { useId } from 'react';
import styles from './field.module.css';

type Option<V extends string> = { value: V; label: string; description: string };

type ChoiceFieldProps<V extends string> = {
  legend: string;
  name: string;
  value: V;
  options: Option<V>[];
  onChange(value: V): void;
  error?: string | undefined;
};

/** One of a few options, each with a sentence saying what it means (radio buttons). */
export function ChoiceField<V extends string>({ legend, name, value, options, onChange, error }: ChoiceFieldProps<V>) {
  const errorId = useId();
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.label}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className={styles.choice}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>
            <strong>{option.label}</strong>
            <br />
            <span className={styles.hint}>{option.description}</span>
          </span>
        </label>
      ))}
      {error && (
        <span id={errorId} className={styles.error}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
