import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ProfileEvent, ProfileRecord } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { ActionError } from '../../components/notices.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';

/**
 * The history of a profile's links (GET /api/v1/profiles/{id}/events): shown on request, since every read is
 * audited. Records are named as stored (a victim by pseudonym); a record the caller does not read is "another
 * record".
 */
export function LinkHistory({ profileId, records }: { profileId: string; records: ProfileRecord[] }) {
  const load = useAction(() => api.profileEvents(profileId));
  const [events, setEvents] = useState<ProfileEvent[] | null>(null);
  const nameOf = (personId: string | null, stored: string | null) =>
    stored ??
    ((personId && records.find((r) => r.person?.person_id === personId)?.person?.full_name) ||
      t('profile.historyOther'));
  if (events === null)
    return (
      <>
        <button
          type="button"
          className="btn btn-small"
          disabled={load.busy}
          onClick={async () => {
            const got = await load.run();
            if (got) setEvents(got.items);
          }}
        >
          {load.busy ? t('common.loading') : t('profile.historyShow')}
        </button>
        <ActionError error={load.error} />
      </>
    );
  if (events.length === 0) return <p className="muted small">{t('profile.historyNone')}</p>;
  return (
    <ol className="link-history small">
      {events.map((e) => (
        <li key={e.id}>
          <span className="nowrap muted">{formatDateTime(e.occurred_at)}</span>{' '}
          {e.kind === 'unlink'
            ? t('profile.historyUnlink', { name: nameOf(e.person_id, e.person_name) })
            : t('profile.historyLink', {
                name: nameOf(e.person_id, e.person_name),
                other: nameOf(e.other_person_id, e.other_person_name),
              })}
          {e.method && <> · {tValue('linkMethod', e.method)}</>}
          {e.score != null && <> · {t('profile.historyScore', { score: e.score.toFixed(1) })}</>}
          {e.by && (
            <>
              {' '}
              · {e.by.name} ({tValue('userRole', e.by.role)})
            </>
          )}
          {e.reason && <div className="history-reason">“{e.reason}”</div>}
        </li>
      ))}
    </ol>
  );
}
