import { useId, type InputHTMLAttributes, type Ref } from 'react';

type FieldProps = { readonly label: string; readonly inputRef?: Ref<HTMLInputElement> } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input: the label names it for screen readers and widens its touch target on a tablet. */
export function Field({ label, inputRef, ...input }: FieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input ref={inputRef} id={id} {...input} />
    </>
  );
}
