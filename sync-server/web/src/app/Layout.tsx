import { Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeMe } from '../api/office-client';
import { LanguageSwitch } from './LanguageSwitch';
import { LAZY_PAGES } from './lazy-pages';
import { accessTo, pageAt, pagesFor, pathOf, type PageKey } from './navigation';
import { hrefOf, navigate, usePath } from './router';

/**
 * The signed-in shell: a skip link, the banner (who is signed in, language, sign out), the
 * navigation of the role's pages, and the page. On a new page focus goes to its heading, so a
 * screen reader announces it and the keyboard starts from there.
 */
export function Layout({ me, onSignOut, focusHeading = false }: { me: OfficeMe; onSignOut: () => void; focusHeading?: boolean }) {
  const { t } = useTranslation();
  const path = usePath();
  const pages = pagesFor(me.role);
  const at = pageAt(path);
  // A page the role may not see is "not found", as the hub refuses its routes anyway.
  const page: PageKey | null = at && accessTo(me.role, at) ? at : null;
  const access = page ? accessTo(me.role, page) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(!focusHeading);

  useEffect(() => {
    document.title = `${page ? t(`pages.${page}`) : t('pages.notFound')} · ${t('app.title')}`;
    // Not on the first render of a page load: the browser starts at the top, and the skip link is the first
    // stop. After a sign-in, though, the form that had focus is gone: the heading takes it.
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [page, t]);

  const follow = (target: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(target);
  };
  const Page = page ? LAZY_PAGES[page] : null;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="banner">
        <p className="brand">{t('app.title')}</p>
        <p className="who">{t('app.signedInAs', { name: me.name, role: t(`roles.${me.role}`) })}</p>
        <LanguageSwitch />
        <button type="button" onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </header>
      <nav className="nav" aria-label={t('app.navigation')}>
        <ul>
          {pages.map((key) => (
            <li key={key}>
              <a href={hrefOf(pathOf(key))} aria-current={key === page ? 'page' : undefined} onClick={follow(pathOf(key))}>
                {t(`pages.${key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <h1 ref={heading} tabIndex={-1}>
          {page ? t(`pages.${page}`) : t('pages.notFound')}
        </h1>
        {Page && page && access ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <Page page={page} access={access} me={me} />
          </Suspense>
        ) : (
          <>
            <p>{t('upcoming.notFound')}</p>
            <a href={hrefOf('')} onClick={follow('')}>
              {t('upcoming.backHome')}
            </a>
          </>
        )}
      </main>
    </div>
  );
}
