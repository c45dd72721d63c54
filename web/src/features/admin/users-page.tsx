import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { type ApiError, api } from '../../api/client.ts';
import type { AdminUser, NewUser, UserListQuery, UserPatch } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { toApiError } from '../../api/use-resource.ts';
import { type AgencyChoice, AgencyPicker } from '../../components/agency-picker.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError, Done, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { useRoles } from '../reference/reference.ts';

type Pending =
  | { kind: 'edit'; user: AdminUser }
  | { kind: 'disable' | 'enable' | 'unlock' | 'reset'; user: AdminUser }
  | { kind: 'add' };

interface ListState {
  items: AdminUser[];
  next: string | null;
  loading: boolean;
  error: ApiError | null;
}

type StatusFilter = '' | 'active' | 'locked' | 'disabled';
const statusQuery: Record<StatusFilter, Pick<UserListQuery, 'locked' | 'disabled'>> = {
  '': {},
  active: { locked: 'false', disabled: 'false' },
  locked: { locked: 'true' },
  disabled: { disabled: 'true' },
};

/**
 * Accounts of the agencies the administrator looks after: add, change role, disable, unlock, reset MFA. An
 * oversight auditor sees the accounts of their scope read-only, each with a link to what the user looked at.
 */
export function UsersPage() {
  const me = useUser();
  const roles = useRoles();
  const manages = useCan('user:manage') === true;
  const audits = useCan('audit:read') === true;
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [applied, setApplied] = useState<UserListQuery>({});
  const [list, setList] = useState<ListState>({ items: [], next: null, loading: true, error: null });
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('users.title'));

  const load = useCallback((query: UserListQuery, cursor?: string) => {
    setList((l) => ({ ...l, loading: true, error: null }));
    api.users({ ...query, cursor, limit: 100 }).then(
      (page) =>
        setList((l) => ({
          items: cursor ? [...l.items, ...page.items] : page.items,
          next: page.next_cursor,
          loading: false,
          error: null,
        })),
      (e: unknown) => setList((l) => ({ ...l, loading: false, error: toApiError(e) })),
    );
  }, []);
  useEffect(() => load(applied), [applied, load]);

  const replace = (u: AdminUser) =>
    setList((l) => ({ ...l, items: l.items.map((x) => (x.id === u.id ? u : x)) }));

  function onSearch(event: FormEvent) {
    event.preventDefault();
    setApplied({
      q: q.trim() || undefined,
      role: (role || undefined) as UserListQuery['role'],
      ...statusQuery[status],
    });
  }

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="page-sub">
            {t(manages ? 'users.subtitle' : 'users.subtitleAudit', { agency: me.agency.name })}
          </p>
        </div>
        {manages && (
          <button type="button" className="btn btn-primary" onClick={() => setPending({ kind: 'add' })}>
            + {t('users.add')}
          </button>
        )}
      </div>
      {notice && <Done>{notice}</Done>}
      <form
        className="toolbar-form panel panel-flat-bottom"
        onSubmit={onSearch}
        aria-label={t('users.search')}
      >
        <Field id="us-q" label={t('users.search')} className="grow">
          <input
            id="us-q"
            type="search"
            value={q}
            placeholder={t('users.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
          />
        </Field>
        <Field id="us-role" label={t('users.role')}>
          <select id="us-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {roles?.map((r) => (
              <option key={r.role} value={r.role}>
                {tValue('userRole', r.role, r.label)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="us-status" label={t('users.status')}>
          <select id="us-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            {(['', 'active', 'locked', 'disabled'] as const).map((s) => (
              <option key={s || 'all'} value={s}>
                {t(`users.status.${s || 'all'}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="btn">
          {t('filters.search')}
        </button>
      </form>
      <div className="table-panel">
        {list.error && <ErrorNotice error={list.error} onRetry={() => load(applied)} />}
        <table className="data-table users-table" aria-busy={list.loading}>
          <thead>
            <tr>
              <th scope="col" className="col-name">
                {t('users.col.name')}
              </th>
              <th scope="col" className="col-agency">
                {t('users.col.agency')}
              </th>
              <th scope="col" className="col-role">
                {t('users.role')}
              </th>
              <th scope="col" className="col-status">
                {t('users.col.status')}
              </th>
              <th scope="col" className="col-mfa">
                {t('users.col.mfa')}
              </th>
              <th scope="col" className="col-last">
                {t('users.col.lastSignIn')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((u) => (
              <tr key={u.id} className={u.disabled ? 'is-disabled' : undefined}>
                <td>
                  <strong>{u.display_name}</strong>
                  {u.id === me.id && <span className="tag tag-small tag-current">{t('users.you')}</span>}
                  <div className="muted small">{u.email}</div>
                </td>
                <td>
                  {u.agency.name}
                  <div className="muted small">{u.agency.code}</div>
                </td>
                <td>{tValue('userRole', u.role)}</td>
                <td>
                  {u.disabled ? (
                    <span className="badge user-disabled">{t('users.disabled')}</span>
                  ) : (
                    <span className="badge user-active">{t('users.active')}</span>
                  )}
                  {u.locked && <span className="badge user-locked">{t('users.locked')}</span>}
                </td>
                <td>
                  {u.mfa_enabled ? t('users.mfaOn') : <span className="muted">{t('users.mfaOff')}</span>}
                </td>
                <td className="num-date">{formatDateTime(u.last_sign_in_at)}</td>
                <td className="row-actions">
                  {audits && (
                    <Link href={`/audit?view=user&id=${u.id}`} className="btn btn-small btn-ghost">
                      {t('users.activity')}
                    </Link>
                  )}
                  {manages && (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setPending({ kind: 'edit', user: u })}
                    >
                      {t('users.edit')}
                    </button>
                  )}
                  {manages && u.locked && (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setPending({ kind: 'unlock', user: u })}
                    >
                      {t('users.unlock')}
                    </button>
                  )}
                  {manages && u.mfa_enabled && (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => setPending({ kind: 'reset', user: u })}
                    >
                      {t('users.resetMfa')}
                    </button>
                  )}
                  {manages && u.id !== me.id && (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => setPending({ kind: u.disabled ? 'enable' : 'disable', user: u })}
                    >
                      {u.disabled ? t('users.enable') : t('users.disable')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.loading && <Loading />}
        {!list.loading && !list.error && list.items.length === 0 && (
          <p className="empty">{t('users.empty')}</p>
        )}
        <div className="table-footer">
          <span>{t('users.count', { count: list.items.length })}</span>
          {list.next && (
            <button
              type="button"
              className="btn btn-small"
              disabled={list.loading}
              onClick={() => load(applied, list.next ?? undefined)}
            >
              {t('cases.loadMore')}
            </button>
          )}
        </div>
      </div>
      {pending?.kind === 'add' && (
        <AddUserDialog
          onClose={() => setPending(null)}
          onAdded={(u) => {
            setPending(null);
            setList((l) => ({ ...l, items: [u, ...l.items] }));
            setNotice(t('users.added', { name: u.display_name }));
          }}
        />
      )}
      {pending?.kind === 'edit' && (
        <EditUserDialog
          user={pending.user}
          self={pending.user.id === me.id}
          onClose={() => setPending(null)}
          onSaved={(u) => {
            setPending(null);
            replace(u);
            setNotice(t('users.saved', { name: u.display_name }));
          }}
        />
      )}
      {pending && pending.kind !== 'add' && pending.kind !== 'edit' && (
        <UserActionDialog
          kind={pending.kind}
          user={pending.user}
          onClose={() => setPending(null)}
          onDone={(u, message) => {
            setPending(null);
            replace(u);
            setNotice(message);
          }}
        />
      )}
    </div>
  );
}

function UserActionDialog({
  kind,
  user,
  onClose,
  onDone,
}: {
  kind: 'disable' | 'enable' | 'unlock' | 'reset';
  user: AdminUser;
  onClose: () => void;
  onDone: (u: AdminUser, message: string) => void;
}) {
  const act = useAction(() => {
    if (kind === 'unlock') return api.unlockUser(user.id);
    if (kind === 'reset') return api.resetUserMfa(user.id);
    return api.updateUser(user.id, { disabled: kind === 'disable' });
  });
  const name = user.display_name;
  return (
    <ConfirmDialog
      title={t(`users.confirm.${kind}.title`, { name })}
      confirmLabel={t(`users.confirm.${kind}.button`)}
      busy={act.busy}
      error={act.error}
      onClose={onClose}
      onConfirm={async () => {
        const u = await act.run();
        if (u) onDone(u, t(`users.confirm.${kind}.done`, { name }));
      }}
    >
      <p>{t(`users.confirm.${kind}.body`, { name, email: user.email })}</p>
    </ConfirmDialog>
  );
}

function RoleSelect({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (role: string) => void;
  error?: string;
}) {
  const roles = useRoles();
  return (
    <Field id={id} label={t('users.role')} error={error} required>
      <select {...controlProps(id, error)} value={value} onChange={(e) => onChange(e.target.value)}>
        {!value && <option value="">{t('newCase.chooseState')}</option>}
        {roles?.map((r) => (
          <option key={r.role} value={r.role}>
            {tValue('userRole', r.role, r.label)}
          </option>
        ))}
      </select>
    </Field>
  );
}

function EditUserDialog({
  user,
  self,
  onClose,
  onSaved,
}: {
  user: AdminUser;
  self: boolean;
  onClose: () => void;
  onSaved: (u: AdminUser) => void;
}) {
  const [name, setName] = useState(user.display_name);
  const [role, setRole] = useState(user.role);
  const save = useAction(() =>
    api.updateUser(user.id, {
      display_name: name.trim() !== user.display_name ? name.trim() : undefined,
      role: role !== user.role ? (role as NonNullable<UserPatch['role']>) : undefined,
    }),
  );
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const u = await save.run();
    if (u) onSaved(u);
  }
  return (
    <Dialog title={t('users.editTitle', { name: user.display_name })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <p className="muted">
          {user.email} · {user.agency.name}
        </p>
        <Field
          id="eu-name"
          label={t('users.displayName')}
          error={issueFor(save.error, 'display_name')}
          required
        >
          <input
            type="text"
            {...controlProps('eu-name', issueFor(save.error, 'display_name'))}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        {self ? (
          <p className="field-hint">{t('users.ownRole')}</p>
        ) : (
          <RoleSelect id="eu-role" value={role} onChange={setRole} error={issueFor(save.error, 'role')} />
        )}
        <p className="field-hint">{t('users.roleChangeNote')}</p>
        <ActionError error={save.error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={save.busy}>
            {save.busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function AddUserDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (u: AdminUser) => void }) {
  const me = useUser();
  const [agency, setAgency] = useState<AgencyChoice | null>(me.agency);
  const [role, setRole] = useState('investigating_officer');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const add = useAction(() =>
    api.createUser({
      agency_id: agency?.id ?? '',
      role: role as NewUser['role'],
      email: email.trim(),
      display_name: name.trim(),
      password,
    }),
  );
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const u = await add.run();
    if (u) onAdded(u);
  }
  const err = (f: string) => issueFor(add.error, f);
  return (
    <Dialog title={t('users.addTitle')} onClose={onClose} size="wide">
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <div className="form-grid form-grid-2">
          <Field id="au-name" label={t('users.displayName')} error={err('display_name')} required>
            <input
              type="text"
              {...controlProps('au-name', err('display_name'))}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field id="au-email" label={t('signIn.email')} error={err('email')} required>
            <input
              type="email"
              autoComplete="off"
              {...controlProps('au-email', err('email'))}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <RoleSelect id="au-role" value={role} onChange={setRole} error={err('role')} />
          <Field
            id="au-password"
            label={t('users.initialPassword')}
            error={err('password')}
            hint={t('users.initialPasswordHint')}
            required
          >
            <input
              type="password"
              autoComplete="new-password"
              {...controlProps('au-password', err('password'), t('users.initialPasswordHint'))}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
        </div>
        <AgencyPicker
          id="au-agency"
          label={t('users.col.agency')}
          value={agency}
          onChange={setAgency}
          error={err('agency_id')}
          required
        />
        <ActionError error={add.error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={add.busy}>
            {add.busy ? t('common.saving') : t('users.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
