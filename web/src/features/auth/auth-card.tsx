import type { ReactNode } from 'react';
import { BrandMark } from '../../components/brand-mark.tsx';
import { t } from '../../i18n/t.ts';

/** The centred card of the sign-in screens (password, second factor, its set-up). */
export function AuthCard({
  titleId,
  wide,
  children,
  footer,
}: {
  titleId: string;
  wide?: boolean;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="signin">
      <main className={`signin-card${wide ? ' signin-card-wide' : ''}`} aria-labelledby={titleId}>
        <div className="signin-brand">
          <BrandMark size={28} />
          <div>
            <div className="signin-product">ChildGrid</div>
            <div className="signin-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        {children}
        <footer className="signin-footer">
          <span>{t('signIn.warning')}</span>
          {footer}
        </footer>
      </main>
    </div>
  );
}
