import { Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useRoles } from '../reference/reference.ts';

/**
 * What each role may see and do, as the server enforces it (GET /api/v1/reference/roles): its scope, whether it
 * must use a second factor, its actions, and its field allow-list — the case fields beyond the record fields,
 * and the persons it sees by their role in the case. Roles are part of the release, not settings: this page is
 * for administrators choosing a role for a user, and for auditors checking who could see what.
 */
export function RolesPage() {
  const roles = useRoles();
  useDocumentTitle(t('roles.title'));
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('roles.title')}</h1>
          <p className="page-sub">{t('roles.subtitle')}</p>
        </div>
      </div>
      {roles === undefined && <Loading />}
      {roles && roles.length > 0 && (
        <div className="table-panel table-scroll">
          <table className="data-table roles-table">
            <caption className="visually-hidden">{t('roles.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roles.role')}</th>
                <th scope="col">{t('roles.scope')}</th>
                <th scope="col">{t('roles.mfa')}</th>
                <th scope="col">{t('roles.actions')}</th>
                <th scope="col">{t('roles.caseFields')}</th>
                <th scope="col">{t('roles.persons')}</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((r) => (
                <tr key={r.role}>
                  <th scope="row">{tValue('userRole', r.role, r.label)}</th>
                  <td>{tValue('roleScope', r.scope, r.scope)}</td>
                  <td>{r.mfa ? t('roles.mfaYes') : t('roles.mfaNo')}</td>
                  <td>
                    <code className="small">{r.actions.join(', ') || '—'}</code>
                  </td>
                  <td>
                    <code className="small">{r.fields.case.join(', ') || t('roles.recordOnly')}</code>
                  </td>
                  <td>
                    {Object.keys(r.fields.persons).length === 0 ? (
                      t('roles.noPersons')
                    ) : (
                      <ul className="plain-list small">
                        {groupBySameFields(r.fields.persons).map(({ roles: who, fields }) => (
                          <li key={who.join()}>
                            <strong>{who.map((w) => tValue('personRole', w, w)).join(', ')}</strong>:{' '}
                            {fields.length ? fields.join(', ') : t('roles.recordOnly')}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Person roles that see the same fields, together: "Victim, Witness, Guardian: …" rather than three lines. */
function groupBySameFields(persons: Record<string, string[]>): { roles: string[]; fields: string[] }[] {
  const groups = new Map<string, { roles: string[]; fields: string[] }>();
  for (const [role, fields] of Object.entries(persons)) {
    const key = fields.join(',');
    const group = groups.get(key);
    if (group) group.roles.push(role);
    else groups.set(key, { roles: [role], fields });
  }
  return [...groups.values()];
}
