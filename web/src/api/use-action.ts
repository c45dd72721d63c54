import { useCallback, useState } from 'react';
import type { ApiError } from './client.ts';
import { toApiError } from './use-resource.ts';

/**
 * A write the user starts (a button, a form): whether it is running, and the error it ended with, if any.
 * `run` resolves to the answer, or to `undefined` when the request failed (the error is then in `error`).
 * @example const approve = useAction((id: string) => api.decideDisclosure(id, { decision: 'approve' }));
 */
export function useAction<A extends unknown[], R>(perform: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await perform(...args);
      } catch (e) {
        setError(toApiError(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [perform],
  );
  return { busy, error, run, setError };
}

/** The API's message for one request field (`purpose`, `fields.0`…), to show beside that field. */
export function issueFor(error: ApiError | null, field: string): string | undefined {
  const issues = error?.issues.filter((i) => i.field === field || i.field.startsWith(`${field}.`)) ?? [];
  return issues.length ? issues.map((i) => i.message).join('; ') : undefined;
}
