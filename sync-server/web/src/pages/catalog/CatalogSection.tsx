import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../app/ConfirmAction';

type Props = {
  /** The heading's id, naming the section (a region) for screen readers. */
  readonly headingId: string;
  readonly title: string;
  readonly help: string;
  readonly problem: string | null;
  readonly done: string | null;
  /** The "new …" button's words, or null when the user may not create one. */
  readonly newLabel: string | null;
  readonly onNew: () => void;
  readonly children: ReactNode;
};

/** A section of the catalog page listing documents head office keeps (price lists, promotions). */
export function CatalogSection({ headingId, title, help, problem, done, newLabel, onNew, children }: Props) {
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{title}</h2>
      <p className="help">{help}</p>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {done !== null && <p role="status">{done}</p>}
      {newLabel !== null && (
        <p>
          <button type="button" onClick={onNew}>
            {newLabel}
          </button>
        </p>
      )}
      {children}
    </section>
  );
}

type ActionsProps = {
  readonly name: string;
  readonly canEdit: boolean;
  readonly deleteLabel: string;
  readonly deleteQuestion: string;
  readonly onOpen: () => void;
  readonly onDelete: () => void;
};

/** A row's actions: open it (to edit, or to read), and delete it once confirmed. */
export function RowActions({ name, canEdit, deleteLabel, deleteQuestion, onOpen, onDelete }: ActionsProps) {
  const { t } = useTranslation();
  return (
    <td>
      <button type="button" aria-label={t(canEdit ? 'catalog.editLabel' : 'catalog.viewLabel', { name })} onClick={onOpen}>
        {t(canEdit ? 'catalog.edit' : 'catalog.view')}
      </button>{' '}
      {canEdit && <ConfirmAction label={deleteLabel} question={deleteQuestion} onConfirm={onDelete} />}
    </td>
  );
}
