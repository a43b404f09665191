import { createContext, useContext, type ReactNode } from 'react';
import type { z } from 'zod';
import { checkNumber, type FieldTable, type NumberField } from '../../model';
import { NumberField as NumberInput } from '../../ui/NumberField';
import { SelectField, Toggle } from '../../ui/Toggle';
import { checkAt, getAt, type Path } from './pathEdit';

/** The item the inspector edits: every field reads and writes it through a path. */
export interface InspectorTarget {
  readonly item: unknown;
  readonly schema: z.ZodType;
  /** Stores a new, already validated version of the item as one undoable step. */
  readonly commit: (next: unknown, label: string) => void;
}

const TargetContext = createContext<InspectorTarget | null>(null);

export function TargetProvider({ target, children }: { target: InspectorTarget; children: ReactNode }) {
  return <TargetContext.Provider value={target}>{children}</TargetContext.Provider>;
}

export function useTarget(): InspectorTarget {
  const target = useContext(TargetContext);
  if (!target) throw new Error('inspector field outside a TargetProvider');
  return target;
}

/** Sets a value at a path if the whole item stays valid; returns the problem otherwise. */
export function useSetter(): (path: Path, value: unknown, label: string) => string | null {
  const target = useTarget();
  return (path, value, label) => {
    const result = checkAt(target.schema, target.item, path, value);
    if (!result.ok) return result.message;
    target.commit(result.value, label);
    return null;
  };
}

/**
 * A row of a kind's field table (model's NODE_KIND_FIELDS, FAULT_KIND_FIELDS) as the props of
 * `Num`: the path comes from the key, so the default shown is the one the model fills in.
 */
export function fieldAt<T extends FieldTable>(table: T, key: keyof T & string): { field: NumberField; path: Path } {
  return { field: table[key] as NumberField, path: key.split('.') };
}

/** A number parameter: label, unit, default and inline validation from its description. */
export function Num({ field, path, label, hideDefault }: { field: NumberField; path: Path; label?: string; hideDefault?: boolean }) {
  const target = useTarget();
  const value = getAt(target.item, path);
  return (
    <NumberInput
      label={label ?? field.label}
      value={typeof value === 'number' ? value : field.default}
      unit={field.unit}
      help={field.help}
      defaultValue={hideDefault ? undefined : field.default}
      validate={(v) => {
        const own = checkNumber(field, v);
        if (own) return own;
        const whole = checkAt(target.schema, target.item, path, v);
        return whole.ok ? null : whole.message;
      }}
      onCommit={(v) => {
        const whole = checkAt(target.schema, target.item, path, v);
        if (whole.ok) target.commit(whole.value, `Set ${label ?? field.label}`);
      }}
    />
  );
}

export function Bool({ label, path, help }: { label: string; path: Path; help?: string }) {
  const set = useSetter();
  const value = getAt(useTarget().item, path) === true;
  return <Toggle label={label} checked={value} help={help} onChange={(v) => set(path, v, `Set ${label}`)} />;
}

export function Choice<T extends string>({ label, path, options, help }: { label: string; path: Path; options: readonly { value: T; label: string }[]; help?: string }) {
  const set = useSetter();
  const value = getAt(useTarget().item, path) as T;
  return <SelectField label={label} value={value} options={options} help={help} onChange={(v) => set(path, v, `Set ${label}`)} />;
}

/**
 * An optional part (a breaker, a retry, a rate limit): a switch, and its fields when on.
 * Switching on stores `{}`, which the schema fills with the defaults.
 */
export function OptionalSection({ label, path, help, children, onValue }: { label: string; path: Path; help?: string; children: ReactNode; onValue?: unknown }) {
  const target = useTarget();
  const set = useSetter();
  const value = getAt(target.item, path);
  const on = value !== null && value !== undefined;
  return (
    <fieldset className={`section${on ? ' section--on' : ''}`}>
      <legend>
        <Toggle label={label} checked={on} onChange={(v) => set(path, v ? (onValue ?? {}) : null, `${v ? 'Enable' : 'Disable'} ${label}`)} />
      </legend>
      {help ? <p className="section__help">{help}</p> : null}
      {on ? <div className="section__body">{children}</div> : null}
    </fieldset>
  );
}
