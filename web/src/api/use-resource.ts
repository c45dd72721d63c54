import { useEffect, useState } from 'react';
import { ApiError } from './client.ts';

export type Resource<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'ready'; data: T; error?: undefined }
  | { state: 'error'; data?: undefined; error: ApiError };

/**
 * Load data for a screen; a newer load aborts the older one so a slow answer never overwrites a newer one.
 * `key` names what is loaded: a new key loads again.
 * @example const c = useResource((signal) => api.getCase(id, signal), `case:${id}`);
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Resource<T> {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies what `load` fetches
  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ state: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({ state: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key]);
  return resource;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error));
}
