import { Suspense, useEffect, useRef, type MouseEvent } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { ErrorBoundary } from "../components/ErrorBoundary.tsx";
import { LoadingState } from "../components/StateMessage.tsx";
import { SessionMenu } from "../features/auth/SessionMenu.tsx";
import { usePrefetchOrg } from "../features/org/usePrefetchOrg.ts";
import { MainNav } from "./MainNav.tsx";

export function Layout() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);
  // Settings (the time zone every window needs) load while the page's code downloads.
  usePrefetchOrg();

  // After a client-side page change, move focus to the new content so keyboard and screen
  // reader users start there, as they would after a full page load.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
    // Focus directly: a "#main" fragment would add a history entry for the router to handle.
    event.preventDefault();
    mainRef.current?.focus();
  }

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <div className="shell">
        <header className="app-header">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Keel
          </Link>
          <MainNav />
          <SessionMenu />
        </header>
        <main id="main" ref={mainRef} tabIndex={-1} className="content">
          {/* Keyed by page so a crash on one page is forgotten when leaving it. */}
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<LoadingState label="Loading page…" lines={2} />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </>
  );
}
