import { useId, type ReactNode } from 'react';

type Props = {
  readonly title: string;
  /** The refusal or mistake to read out (role alert), or null. */
  readonly problem: string | null;
  /** A success to announce politely (role status), or null. */
  readonly done?: string | null;
  readonly onSubmit: () => void | Promise<void>;
  readonly children: ReactNode;
};

/** A form of a page, named by its heading, checked by the page (noValidate) so mistakes are said in its language. */
export function PanelForm({ title, problem, done = null, onSubmit, children }: Props) {
  const titleId = useId();
  return (
    <form
      className="panel"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {done !== null && <p role="status">{done}</p>}
      {children}
    </form>
  );
}
