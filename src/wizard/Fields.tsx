import { useId, useState } from 'react';
import { LIMITS, OPS_PRACTICES, ROLES, type Capability, type Draft, type OpsPractice } from './answers';
import { patternFor } from './communication';
import { PRACTICE_LABELS, ROLE_LABELS, type Field } from './questions';
import { isRole, parseCapabilities } from './validation';

interface FieldProps<F extends Field> {
  readonly field: F;
  readonly draft: Draft;
  readonly answer: (patch: Draft) => void;
  readonly error: string | undefined;
}

function ErrorLine({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="wizard-field__error">
      {error}
    </p>
  ) : null;
}

export function NumberInput({ field, draft, answer, error }: FieldProps<Extract<Field, { kind: 'number' }>>) {
  const id = useId();
  const value = draft[field.key];
  return (
    <div className={`wizard-field wizard-field--number${error ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        name={field.key}
        type="number"
        inputMode="numeric"
        min={1}
        max={LIMITS.maxDevelopers}
        step={1}
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          const n = e.target.value === '' ? undefined : Number(e.target.value);
          answer({ [field.key]: n !== undefined && Number.isFinite(n) ? n : undefined });
        }}
      />
      <p id={`${id}-hint`} className="wizard-field__hint">
        {field.hint}
      </p>
      <ErrorLine id={`${id}-error`} error={error} />
    </div>
  );
}

export function RadioGroup({ field, draft, answer, error }: FieldProps<Extract<Field, { kind: 'radio' }>>) {
  const id = useId();
  const current = draft[field.key];
  return (
    <fieldset className={`wizard-field wizard-choices${error ? ' is-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{field.legend}</legend>
      {field.choices.map((choice) => (
        <label key={choice.value} className={`wizard-choice${current === choice.value ? ' is-checked' : ''}`}>
          <input
            type="radio"
            name={`${id}-${field.key}`}
            value={choice.value}
            checked={current === choice.value}
            aria-labelledby={`${id}-${choice.value}`}
            aria-describedby={`${id}-${choice.value}-hint`}
            onChange={() => answer({ [field.key]: choice.value })}
          />
          <span className="wizard-choice__text">
            <span id={`${id}-${choice.value}`} className="wizard-choice__label">
              {choice.label}
            </span>
            <span id={`${id}-${choice.value}-hint`} className="wizard-choice__hint">
              {choice.hint}
            </span>
          </span>
        </label>
      ))}
      <ErrorLine id={`${id}-error`} error={error} />
    </fieldset>
  );
}

export function PracticesField({ field, draft, answer }: FieldProps<Extract<Field, { kind: 'practices' }>>) {
  const have = new Set(draft.ops ?? []);
  const toggle = (p: OpsPractice, on: boolean) => {
    const next = OPS_PRACTICES.filter((x) => (x === p ? on : have.has(x)));
    answer({ ops: next });
  };
  return (
    <fieldset className="wizard-field wizard-choices">
      <legend>{field.legend}</legend>
      {OPS_PRACTICES.map((p) => (
        <label key={p} className={`wizard-choice${have.has(p) ? ' is-checked' : ''}`}>
          <input type="checkbox" name={p} checked={have.has(p)} onChange={(e) => toggle(p, e.target.checked)} />
          <span className="wizard-choice__label">{PRACTICE_LABELS[p]}</span>
        </label>
      ))}
      <p className="wizard-field__hint">Leave all unticked if none is in place yet; that is an answer too.</p>
    </fieldset>
  );
}

export function CapabilitiesField({ field, draft, answer, error }: FieldProps<Extract<Field, { kind: 'capabilities' }>>) {
  const id = useId();
  const list = draft.capabilities ?? [];
  const [text, setText] = useState(() => list.map((c) => c.name).join(', '));
  return (
    <div className={`wizard-field${error ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="text"
        className="wizard-field__wide"
        value={text}
        maxLength={600}
        autoComplete="off"
        placeholder="e.g. orders, payments, inventory, shipping, notifications"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-read${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseCapabilities(e.target.value, list);
          answer({ capabilities: parsed.length > 0 ? parsed : undefined });
        }}
      />
      <p id={`${id}-read`} className="wizard-field__hint" aria-live="polite">
        {list.length ? `${list.length} ${list.length === 1 ? 'capability' : 'capabilities'}: ${list.map((c) => c.name).join(' \u00b7 ')}` : 'Name what the business does, not technical layers.'}
      </p>
      <ErrorLine id={`${id}-error`} error={error} />
    </div>
  );
}

export function RolesField({ field, draft, answer, error }: FieldProps<Extract<Field, { kind: 'roles' }>>) {
  const id = useId();
  const list = draft.capabilities ?? [];
  const setRole = (index: number, value: string) => {
    if (!isRole(value)) return;
    answer({ capabilities: list.map((c: Capability, i) => (i === index ? { ...c, role: value } : c)) });
  };
  return (
    <fieldset className={`wizard-field${error ? ' is-invalid' : ''}`}>
      <legend>{field.legend}</legend>
      <p className="wizard-field__hint">First guesses come from the names; correct them where they are wrong.</p>
      <div className="wizard-roles">
        {list.map((c, i) => (
          <div key={`${i}-${c.name}`} className="wizard-roles__row">
            <label htmlFor={`${id}-${i}`}>{c.name}</label>
            <select id={`${id}-${i}`} value={c.role} aria-describedby={`${id}-${i}-pattern`} onChange={(e) => setRole(i, e.target.value)}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            <span id={`${id}-${i}-pattern`} className="wizard-roles__pattern">
              {patternFor(c.role)}
            </span>
          </div>
        ))}
      </div>
      <ErrorLine id={`${id}-error`} error={error} />
    </fieldset>
  );
}
