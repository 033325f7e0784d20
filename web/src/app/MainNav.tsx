import { useEffect, useRef } from "react";
import { NavLink, useLocation } from "react-router";
import { NAV_ITEMS } from "./navigation.ts";

// NavLink sets aria-current="page" on the active link; the CSS styles that attribute.
export function MainNav() {
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  // On a phone the nav is one scrolling row: bring the current page's link into view. Only the
  // row scrolls (scrollIntoView would also move the page).
  useEffect(() => {
    const nav = navRef.current;
    const active = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !active || nav.scrollWidth <= nav.clientWidth) return;
    const navBox = nav.getBoundingClientRect();
    const linkBox = active.getBoundingClientRect();
    nav.scrollLeft += linkBox.left - navBox.left - (navBox.width - linkBox.width) / 2;
  }, [pathname]);

  return (
    <nav aria-label="Main" className="main-nav" ref={navRef}>
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === "/"}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
