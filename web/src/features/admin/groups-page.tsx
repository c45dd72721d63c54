import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import type { SharingGroup } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { type AgencyChoice, AgencyPicker } from '../../components/agency-picker.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/t.ts';
import { useUser } from '../auth/session.tsx';

/**
 * Sharing groups (MISP's idea): a named set of agencies a case can be distributed to. Only members see a
 * group and its members; only the owning agency changes them.
 */
export function GroupsPage() {
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const groups = useResource((signal) => api.sharingGroups(signal), `groups:${version}`);
  useDocumentTitle(t('groups.title'));
  const items = groups.data?.items ?? [];
  const current = items.find((g) => g.id === selected) ?? items[0];

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('groups.title')}</h1>
          <p className="page-sub">{t('groups.subtitle')}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          + {t('groups.create')}
        </button>
      </div>
      {groups.state === 'loading' && <Loading />}
      {groups.state === 'error' && <ErrorNotice error={groups.error} />}
      {groups.state === 'ready' && items.length === 0 && (
        <div className="panel">
          <p className="empty">{t('groups.empty')}</p>
        </div>
      )}
      {items.length > 0 && (
        <div className="master-detail">
          <ul className="panel group-list" aria-label={t('groups.title')}>
            {items.map((g) => (
              <li key={g.id}>
                <button
                  type="button"
                  className="group-item"
                  aria-current={current?.id === g.id ? 'true' : undefined}
                  onClick={() => setSelected(g.id)}
                >
                  <span className="group-name">{g.name}</span>
                  <span className="muted small">{t('groups.memberCount', { count: g.members.length })}</span>
                </button>
              </li>
            ))}
          </ul>
          {current && (
            <GroupDetail key={current.id} group={current} onChanged={() => setVersion((v) => v + 1)} />
          )}
        </div>
      )}
      {creating && (
        <CreateGroupDialog
          onClose={() => setCreating(false)}
          onCreated={(g) => {
            setCreating(false);
            setSelected(g.id);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}

function GroupDetail({ group, onChanged }: { group: SharingGroup; onChanged: () => void }) {
  const me = useUser();
  const owner = group.owner_agency_id === me.agency.id;
  const [adding, setAdding] = useState<AgencyChoice | null>(null);
  const add = useAction((agencyId: string) => api.addGroupMember(group.id, agencyId));
  const remove = useAction((agencyId: string) => api.removeGroupMember(group.id, agencyId));
  const ownerName = group.members.find((m) => m.id === group.owner_agency_id)?.name;

  return (
    <section className="panel group-detail" aria-labelledby="group-title">
      <div className="section-head-row">
        <h2 id="group-title" className="group-title">
          {group.name}
        </h2>
        <span className="muted small">
          {t('groups.created', { date: formatDate(group.created_at) })}
          {' · '}
          {owner ? t('groups.ownedByYou') : t('groups.ownedBy', { agency: ownerName ?? '—' })}
        </span>
      </div>
      {group.description && <p className="group-description">{group.description}</p>}
      <h3 className="sub-heading">
        {t('groups.members')} <span className="count">{group.members.length}</span>
      </h3>
      <ActionError error={remove.error} />
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('groups.agency')}</th>
            <th scope="col">{t('groups.code')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {group.members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name}
                {m.id === group.owner_agency_id && <span className="tag tag-small">{t('groups.owner')}</span>}
              </td>
              <td>
                <code>{m.code}</code>
              </td>
              <td className="row-actions">
                {owner && m.id !== group.owner_agency_id && (
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    disabled={remove.busy}
                    onClick={async () => {
                      if (await remove.run(m.id)) onChanged();
                    }}
                  >
                    {t('groups.remove')}
                    <span className="visually-hidden"> {m.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {owner ? (
        <form
          className="add-member"
          onSubmit={async (e) => {
            e.preventDefault();
            if (adding && (await add.run(adding.id))) {
              setAdding(null);
              onChanged();
            }
          }}
        >
          <AgencyPicker
            id="gm-agency"
            label={t('groups.addMember')}
            value={adding}
            onChange={setAdding}
            exclude={group.members.map((m) => m.id)}
            error={issueFor(add.error, 'agency_id')}
          />
          <button type="submit" className="btn" disabled={!adding || add.busy}>
            {t('groups.add')}
          </button>
        </form>
      ) : (
        <p className="field-hint section-note">{t('groups.notOwner')}</p>
      )}
      {add.error && !issueFor(add.error, 'agency_id') && <ActionError error={add.error} />}
    </section>
  );
}

function CreateGroupDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (g: SharingGroup) => void;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [members, setMembers] = useState<AgencyChoice[]>([]);
  const [picking, setPicking] = useState<AgencyChoice | null>(null);
  const create = useAction(() =>
    api.createSharingGroup({
      name: name.trim(),
      description: description.trim() || undefined,
      member_agency_ids: members.map((m) => m.id),
    }),
  );
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const g = await create.run();
    if (g) onCreated(g);
  }
  return (
    <Dialog title={t('groups.createTitle')} onClose={onClose} size="wide">
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <Field
          id="cg-name"
          label={t('groups.name')}
          error={issueFor(create.error, 'name')}
          hint={t('groups.nameHint')}
          required
        >
          <input
            type="text"
            {...controlProps('cg-name', issueFor(create.error, 'name'), t('groups.nameHint'))}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field
          id="cg-description"
          label={t('groups.description')}
          error={issueFor(create.error, 'description')}
        >
          <textarea
            {...controlProps('cg-description', issueFor(create.error, 'description'))}
            rows={2}
            maxLength={1000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <div className="field">
          <span className="field-label">{t('groups.members')}</span>
          <p className="field-hint">{t('groups.membersHint')}</p>
          {members.length > 0 && (
            <ul className="chip-list">
              {members.map((m) => (
                <li key={m.id} className="chip chip-removable">
                  {m.name}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('groups.removeNamed', { name: m.name })}
                    onClick={() => setMembers(members.filter((x) => x.id !== m.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <AgencyPicker
          id="cg-member"
          label={t('groups.addMember')}
          value={picking}
          exclude={members.map((m) => m.id)}
          onChange={(a) => {
            if (a) setMembers([...members, a]);
            setPicking(null);
          }}
          error={issueFor(create.error, 'member_agency_ids')}
        />
        <ActionError error={create.error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.busy}>
            {create.busy ? t('common.saving') : t('groups.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
