import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { STAFF_ROLES, type StaffApi, type StoreRoles } from './staff-api';

type Props = { readonly api: StaffApi; readonly storeId: string; readonly editable: boolean };

/**
 * The store's role permissions: for each role, the chain's permissions and which the store keeps.
 * A store may only tighten (untick); what the chain does not give is never offered.
 */
export function RolesPanel({ api, storeId, editable }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('staff');
  const [roles, setRoles] = useState<StoreRoles | null>(null);
  const [kept, setKept] = useState<Record<string, readonly string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    setRoles(null);
    api.roles(storeId).then(
      (answer) => {
        if (!live) return;
        setRoles(answer);
        setKept({ ...answer.roles });
      },
      (error: unknown) => live && setProblem(errorText(error)),
    );
    return () => {
      live = false;
    };
    // errorText is a new function each render; the store is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, storeId]);

  const permissions = [...new Set(STAFF_ROLES.flatMap((role) => roles?.chain[role] ?? []))];
  const toggle = (role: string, permission: string, on: boolean) => {
    setSaved(false);
    setKept((before) => {
      const list = before[role] ?? [];
      return { ...before, [role]: on ? [...list, permission] : list.filter((p) => p !== permission) };
    });
  };
  const save = async () => {
    setProblem(null);
    try {
      const answer = await api.setRoles(storeId, kept);
      setRoles(answer);
      setKept({ ...answer.roles });
      setSaved(true);
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <PanelForm title={t('staff.rolesTitle')} problem={problem} done={saved ? t('staff.rolesSaved') : null} onSubmit={save}>
      {roles === null ? (
        problem === null && <p role="status">{t('app.loading')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('staff.permission')}</th>
              {STAFF_ROLES.map((role) => (
                <th key={role} scope="col">
                  {t(`staff.roles.${role}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {permissions.map((permission) => (
              <tr key={permission}>
                <th scope="row">{t(`staff.permissions.${permission.replaceAll('.', '_')}`, { defaultValue: permission })}</th>
                {STAFF_ROLES.map((role) => {
                  const given = roles.chain[role]?.includes(permission) ?? false;
                  const label = t('staff.permissionOf', {
                    role: t(`staff.roles.${role}`),
                    permission: t(`staff.permissions.${permission.replaceAll('.', '_')}`, { defaultValue: permission }),
                  });
                  return (
                    <td key={role}>
                      {given ? (
                        <input
                          type="checkbox"
                          aria-label={label}
                          checked={kept[role]?.includes(permission) ?? false}
                          disabled={!editable}
                          onChange={(e) => toggle(role, permission, e.target.checked)}
                        />
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && roles !== null && <button type="submit">{t('staff.saveRoles')}</button>}
    </PanelForm>
  );
}
