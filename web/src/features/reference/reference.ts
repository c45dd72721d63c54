import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { District, Offence, RoleInfo, State } from '../../api/types.ts';

/**
 * Reference lists change only with a release: each is fetched once per page load and shared. A failed
 * load is forgotten, so the next screen that needs the list asks again.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | null = null;
  return () => {
    if (!promise) {
      promise = load();
      promise.catch(() => {
        promise = null;
      });
    }
    return promise;
  };
}

/** In the API's statute order (POCSO, BNS, IPC, ITPA, JJ, IT; sections by number), which screens keep. */
export const loadOffences = once(() => api.offences().then((r) => r.items));
export const loadRoles = once(() => api.roles().then((r) => r.items));
export const loadStates = once(() =>
  api.states().then((r) => [...r.items].sort((a, b) => a.name.localeCompare(b.name))),
);

const districtLoads = new Map<number, () => Promise<District[]>>();
export function loadDistricts(stateLgdCode: number): Promise<District[]> {
  let load = districtLoads.get(stateLgdCode);
  if (!load) {
    load = once(() =>
      api.districts(stateLgdCode).then((r) => [...r.items].sort((a, b) => a.name.localeCompare(b.name))),
    );
    districtLoads.set(stateLgdCode, load);
  }
  return load();
}

/**
 * The list `load(key)` answers, or `undefined` while it loads, when it failed, or when `key` is null.
 * `load` must be a module-level function, so that the key alone decides what is shown.
 */
function useLoaded<K, T>(key: K | null, load: (key: K) => Promise<T>): T | undefined {
  const [value, setValue] = useState<{ key: K; data: T } | undefined>();
  useEffect(() => {
    if (key === null) return;
    let live = true;
    load(key).then(
      (data) => {
        if (live) setValue({ key, data });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key, load]);
  return value && key !== null && value.key === key ? value.data : undefined;
}

export function useOffences(): Offence[] | undefined {
  return useLoaded('offences', loadOffences);
}

export function useStates(): State[] | undefined {
  return useLoaded('states', loadStates);
}

export function useRoles(): RoleInfo[] | undefined {
  return useLoaded('roles', loadRoles);
}

/** Districts of one state; `undefined` while loading or when no state is chosen. */
export function useDistricts(stateLgdCode: number | null): District[] | undefined {
  return useLoaded(stateLgdCode, loadDistricts);
}

/** Offences by code, for showing titles beside the codes a case carries. */
export function useOffenceIndex(): Map<string, Offence> | undefined {
  const offences = useOffences();
  return useMemo(() => offences && new Map(offences.map((o) => [o.code, o])), [offences]);
}
