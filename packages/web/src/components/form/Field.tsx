import type { ReactNode } from 'react'

/** What a form control needs to be named, described and marked invalid. */
export interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

interface Props {
  id: string
  label: ReactNode
  hint?: ReactNode
  /** A Swedish message; the control is marked invalid and described by it. */
  error?: string | undefined
  /** The id of a message elsewhere that makes this control invalid (an error about several fields). */
  invalidBy?: string | undefined
  children: (control: ControlProps) => ReactNode
  className?: string
}

export const hintId = (id: string) => `${id}-hint`
export const errorId = (id: string) => `${id}-error`

/** Describes a control by its error first (heard first), then its hint. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  return [hasError ? errorId(id) : null, hasHint ? hintId(id) : null].filter(Boolean).join(' ') || undefined
}

/** A labelled form control with an optional hint and error message. */
export function Field({ id, label, hint, error, invalidBy, children, className }: Props) {
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId(id)} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={id} message={error} /> : null}
      {children({
        id,
        'aria-invalid': error || invalidBy ? true : undefined,
        'aria-describedby':
          [invalidBy, describedBy(id, Boolean(hint), Boolean(error))].filter(Boolean).join(' ') || undefined,
      })}
    </div>
  )
}

export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={errorId(id)} className="field__error">
      <span className="visually-hidden">Fel: </span>
      {message}
    </p>
  )
}
