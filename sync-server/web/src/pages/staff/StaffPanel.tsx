import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { AddStaffForm } from './AddStaffForm';
import { PinResetForm } from './PinResetForm';
import type { StaffApi, StaffMember } from './staff-api';
import { StaffTable } from './StaffTable';

type Props = { readonly api: StaffApi; readonly storeId: string; readonly editable: boolean };

/** One store's staff: the list, the changes to each person, and the form adding one. */
export function StaffPanel({ api, storeId, editable }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('staff');
  const [staff, setStaff] = useState<readonly StaffMember[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pinFor, setPinFor] = useState<StaffMember | null>(null);

  const load = useCallback(() => {
    api.list(storeId).then(setStaff, (error: unknown) => setProblem(errorText(error)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- errorText changes each render
  }, [api, storeId]);
  useEffect(() => {
    setStaff(null);
    setProblem(null);
    setNotice(null);
    setPinFor(null);
    load();
  }, [load]);

  const replace = (person: StaffMember) => setStaff((list) => (list ?? []).map((p) => (p.staffId === person.staffId ? person : p)));
  const change = (person: StaffMember, change: Parameters<StaffApi['update']>[2], done: string) => {
    setProblem(null);
    api.update(storeId, person.staffId, change).then(
      (updated) => {
        replace(updated);
        setNotice(done);
      },
      (error: unknown) => setProblem(errorText(error)),
    );
  };

  return (
    <>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <p role="status">{notice}</p>
      {staff !== null && staff.length > 0 && (
        <ExportButtons path={`/stores/${encodeURIComponent(storeId)}/staff`} label={t('staff.listCaption')} />
      )}
      {staff === null ? (
        problem === null && <p>{t('app.loading')}</p>
      ) : (
        <StaffTable
          staff={staff}
          editable={editable}
          onRole={(person, role) => change(person, { role }, t('staff.roleChanged', { name: person.displayName }))}
          onDisabled={(person, disabled) =>
            change(person, { disabled }, t(disabled ? 'staff.disabledDone' : 'staff.enabledDone', { name: person.displayName }))
          }
          onResetPin={setPinFor}
        />
      )}
      {editable && pinFor && (
        <PinResetForm
          key={pinFor.staffId}
          api={api}
          storeId={storeId}
          person={pinFor}
          onDone={(message) => {
            setPinFor(null);
            setNotice(message);
          }}
        />
      )}
      {editable && (
        <AddStaffForm
          api={api}
          storeId={storeId}
          onAdded={(person) => {
            setStaff((list) => [...(list ?? []), person]);
            setNotice(t('staff.added', { name: person.displayName }));
          }}
        />
      )}
    </>
  );
}
