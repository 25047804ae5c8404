import { useId, type ReactNode } from 'react';
import './text-field.css';

/** What every field shows around its control: a label, a hint, and the errors that apply to it. */
interface FieldFrameProps {
  /** The control's id; a generated one when left out. Hint and error ids derive from it. */
  readonly id?: string | undefined;
  readonly label: ReactNode;
  /** One line under the control saying what to enter. */
  readonly hint?: ReactNode;
  /** Messages shown under the control; the control is marked invalid while there are any. */
  readonly errors?: readonly string[] | undefined;
  readonly className?: string | undefined;
}

interface Wiring {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': boolean;
}

function useFieldWiring(props: FieldFrameProps): { wiring: Wiring; hintId: string; errorId: string } {
  const generated = useId();
  const id = props.id ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = (props.errors?.length ?? 0) > 0;
  const describedBy = [props.hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ');
  return {
    wiring: { id, 'aria-describedby': describedBy || undefined, 'aria-invalid': invalid },
    hintId,
    errorId,
  };
}

function FieldFrame(
  props: FieldFrameProps & { readonly hintId: string; readonly errorId: string; readonly control: ReactNode },
) {
  const { errors = [] } = props;
  return (
    <div className={props.className ? `text-field ${props.className}` : 'text-field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.control}
      {props.hint ? (
        <p id={props.hintId} className="text-field-hint">
          {props.hint}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <p id={props.errorId} className="text-field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** A text input or text area: label, hint and errors wired with `aria-describedby` / `aria-invalid`. */
export interface TextFieldProps extends FieldFrameProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: (() => void) | undefined;
  /** A text area of this many rows instead of a one-line input. */
  readonly rows?: number | undefined;
  readonly type?: 'text' | 'url' | 'search' | undefined;
  /** The id of a `<datalist>` to suggest from. */
  readonly list?: string | undefined;
  readonly placeholder?: string | undefined;
  readonly disabled?: boolean | undefined;
  readonly readOnly?: boolean | undefined;
  readonly controlClassName?: string | undefined;
}

/**
 * The one form field: a labelled input (or text area) with its hint and its errors, each tied to the
 * control so a screen reader reads them with it. Spell checking and autofill are off: these fields take
 * IDs, URLs and permission names. Does not validate; the caller passes the errors it wants shown.
 */
export function TextField(props: TextFieldProps) {
  const { wiring, hintId, errorId } = useFieldWiring(props);
  const common = {
    ...wiring,
    value: props.value,
    spellCheck: false,
    disabled: props.disabled,
    readOnly: props.readOnly,
    placeholder: props.placeholder,
    className: props.controlClassName,
    onBlur: props.onBlur,
  };
  const control =
    props.rows !== undefined ? (
      <textarea {...common} rows={props.rows} onChange={(e) => props.onChange(e.target.value)} />
    ) : (
      <input
        {...common}
        type={props.type ?? 'text'}
        autoComplete="off"
        list={props.list}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  return <FieldFrame {...props} id={wiring.id} hintId={hintId} errorId={errorId} control={control} />;
}

/** A choice of a few fixed options, with the same label, hint and error wiring as `TextField`. */
export interface SelectFieldProps<T extends string> extends FieldFrameProps {
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
}

/** The one select field. Only the listed options can come out of `onChange`. */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { wiring, hintId, errorId } = useFieldWiring(props);
  const control = (
    <select
      {...wiring}
      value={props.value}
      onChange={(e) => {
        const picked = props.options.find((o) => o.value === e.target.value);
        if (picked) props.onChange(picked.value);
      }}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  return <FieldFrame {...props} id={wiring.id} hintId={hintId} errorId={errorId} control={control} />;
}
