import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { parseDecimal } from '../model';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly unit?: string;
  readonly help?: string;
  readonly defaultValue?: number;
  /** Returns a message when the value is not acceptable. */
  readonly validate: (value: number) => string | null;
  readonly onCommit: (value: number) => void;
  readonly disabled?: boolean;
}

function show(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : '';
}

/**
 * A number input that validates as you type, says what is wrong next to the field, and commits
 * only valid values (on Enter or when leaving the field); Escape puts the stored value back.
 */
export function NumberField({ label, value, unit, help, defaultValue, validate, onCommit, disabled }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(show(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(show(value));
    setError(null);
  }, [value]);

  const parse = (raw: string): { value: number; error: string | null } => {
    // Decimal only: 0x10 or .5e1 are refused with the reason, not silently converted.
    const parsed = parseDecimal(raw);
    if (!parsed.ok) return { value: NaN, error: parsed.message };
    return { value: parsed.value, error: validate(parsed.value) };
  };
  const commit = () => {
    const parsed = parse(text);
    if (parsed.error) return;
    if (parsed.value !== value) onCommit(parsed.value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setText(show(value));
      setError(null);
    }
  };
  const hint = [help, defaultValue !== undefined ? `Default ${show(defaultValue)}${unit ? ` ${unit}` : ''}.` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field__input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={text}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-msg`}
          onChange={(e) => {
            setText(e.target.value);
            setError(parse(e.target.value).error);
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        {unit ? <span className="field__unit">{unit}</span> : null}
      </div>
      <div id={`${id}-msg`} className={error ? 'field__error' : 'field__hint'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </div>
    </div>
  );
}
