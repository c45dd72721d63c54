import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { District, Offence, State } from '../../api/types.ts';

// Reference lists change only with a release: fetch each once per page load and share it.
let offencesPromise: Promise<Offence[]> | null = null;
let statesPromise: Promise<State[]> | null = null;
const districtPromises = new Map<number, Promise<District[]>>();

function cached<T>(
  get: () => Promise<T> | null,
  set: (p: Promise<T> | null) => void,
  load: () => Promise<T>,
) {
  let promise = get();
  if (!promise) {
    promise = load();
    set(promise);
    // A failed load must not be cached for the rest of the session.
    promise.catch(() => set(null));
  }
  return promise;
}

// Child-specific law first, then the penal codes, then the older IPC kept for cases registered before July 2024.
const actOrder = ['POCSO', 'BNS', 'ITPA', 'JJ', 'IT', 'IPC'];
const sectionOrder = new Intl.Collator('en', { numeric: true });

/** Offences in reading order: by act, then by section as numbers (BNS-64 before BNS-139). */
export function sortOffences(offences: Offence[]): Offence[] {
  const rank = (act: string) => {
    const i = actOrder.indexOf(act);
    return i === -1 ? actOrder.length : i;
  };
  return [...offences].sort(
    (a, b) =>
      rank(a.act) - rank(b.act) || a.act.localeCompare(b.act) || sectionOrder.compare(a.section, b.section),
  );
}

export function loadOffences(): Promise<Offence[]> {
  return cached(
    () => offencesPromise,
    (p) => {
      offencesPromise = p;
    },
    () => api.offences().then((r) => sortOffences(r.items)),
  );
}

export function loadStates(): Promise<State[]> {
  return cached(
    () => statesPromise,
    (p) => {
      statesPromise = p;
    },
    () => api.states().then((r) => [...r.items].sort((a, b) => a.name.localeCompare(b.name))),
  );
}

export function loadDistricts(stateLgdCode: number): Promise<District[]> {
  return cached(
    () => districtPromises.get(stateLgdCode) ?? null,
    (p) => {
      if (p) districtPromises.set(stateLgdCode, p);
      else districtPromises.delete(stateLgdCode);
    },
    () => api.districts(stateLgdCode).then((r) => [...r.items].sort((a, b) => a.name.localeCompare(b.name))),
  );
}

function useLoaded<T>(load: (() => Promise<T>) | null, key: unknown): T | undefined {
  const [value, setValue] = useState<{ key: unknown; data: T } | undefined>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies what `load` fetches
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then(
      (data) => {
        if (live) setValue({ key, data });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key]);
  return value && value.key === key ? value.data : undefined;
}

export function useOffences(): Offence[] | undefined {
  return useLoaded(loadOffences, 'offences');
}

export function useStates(): State[] | undefined {
  return useLoaded(loadStates, 'states');
}

/** Districts of one state; `undefined` while loading or when no state is chosen. */
export function useDistricts(stateLgdCode: number | null): District[] | undefined {
  return useLoaded(stateLgdCode ? () => loadDistricts(stateLgdCode) : null, stateLgdCode);
}

/** Offences by code, for showing titles beside the codes a case carries. */
export function useOffenceIndex(): Map<string, Offence> | undefined {
  const offences = useOffences();
  return useMemo(() => offences && new Map(offences.map((o) => [o.code, o])), [offences]);
}
