import { useEffect, useRef } from "react";
import { useLocation } from "wouter";

const SITE = "Console dos conselhos — Contagem";

/**
 * A page change inside the application is announced as a browser's own navigation would be (WCAG 2.4.2, 2.4.3): the
 * tab's title names the page by its `<h1>`, and focus moves to that heading once it shows (a page loads its data
 * first), so a screen reader says where the secretary now is instead of nothing. The page a load opens keeps the
 * browser's focus. `main` is the element the pages render in.
 */
export function PageAnnouncer({ main, signedIn }: { main: string; signedIn: boolean }) {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    const root = document.getElementById(main);
    if (!root) return;
    let focusPending = !first.current;
    first.current = false;
    const update = () => {
      const heading = root.querySelector("h1");
      const title = heading?.textContent ? `${heading.textContent} — ${SITE}` : SITE;
      if (document.title !== title) document.title = title;
      if (focusPending && heading) {
        focusPending = false;
        heading.tabIndex = -1;
        heading.focus();
      }
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [main, location, signedIn]);
  return null;
}
