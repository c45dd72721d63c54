import { useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches now, following changes (a window resized, a zoom level changed).
 * @example const narrow = useMediaQuery('(max-width: 1100px)');
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
