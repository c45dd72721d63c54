import { useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from './client.ts';

export type Resource<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'ready'; data: T; error?: undefined }
  | { state: 'error'; data?: undefined; error: ApiError };

const loading = { state: 'loading' } as const;

/**
 * Load data for a screen; a newer load aborts the older one so a slow answer never overwrites a newer one.
 * `key` names what is loaded: a new key loads again, and shows "loading" at once rather than the old data.
 * @example const c = useResource((signal) => api.getCase(id, signal), `case:${id}`);
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Resource<T> {
  const [loaded, setLoaded] = useState<{ key: string; resource: Resource<T> } | null>(null);
  // The caller's `load` is a new closure on every render; only a new `key` means new data.
  const start = useEffectEvent((signal: AbortSignal) => load(signal));
  useEffect(() => {
    const controller = new AbortController();
    start(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setLoaded({ key, resource: { state: 'ready', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setLoaded({ key, resource: { state: 'error', error: toApiError(error) } });
      },
    );
    return () => controller.abort();
  }, [key]);
  return loaded?.key === key ? loaded.resource : loading;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error));
}
