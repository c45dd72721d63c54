import { useEffect } from 'react';
import { t } from '../i18n/t.ts';

/**
 * Name the browser tab after the screen, so an officer with several cases open can tell the tabs apart.
 * Never pass a person's name: titles are kept in the browser's history.
 * @example useDocumentTitle(t('case.firTitle', { number: '12/2025' }));
 */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = t('app.title', { page });
  }, [page]);
}
