import { useId, type ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';

type CardFormProps = {
  readonly title: string;
  readonly intro?: string;
  /** The refusal to read out (role alert), or null. */
  readonly problem: string | null;
  /** The alert's id, for the fields it describes. */
  readonly problemId?: string;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
};

/** The screens before the shell (sign-in, password change, second factor): one form in a card, the language menu above. */
export function CardForm({ title, intro, problem, problemId, onSubmit, children }: CardFormProps) {
  const titleId = useId();
  return (
    <main id="main" className="sign-in">
      <LanguageSwitch />
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        aria-labelledby={titleId}
        noValidate
      >
        <h1 id={titleId}>{title}</h1>
        {intro && <p>{intro}</p>}
        {problem !== null && (
          <p id={problemId} role="alert" className="error">
            {problem}
          </p>
        )}
        {children}
      </form>
    </main>
  );
}
