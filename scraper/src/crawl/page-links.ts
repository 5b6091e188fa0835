/** Page-side, serialised by Playwright: absolute hrefs of links in the document and its shadow roots. */
export function collectPageLinks(): string[] {
  type Holder = { __mymeetShadowRoots?: WeakMap<Element, ShadowRoot> };
  const roots = (window as unknown as Holder).__mymeetShadowRoots;
  const links: string[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if ((el.localName === 'a' || el.localName === 'area') && (el as HTMLAnchorElement).href) {
        links.push((el as HTMLAnchorElement).href);
      }
      const shadow = el.shadowRoot ?? roots?.get(el);
      if (shadow) walk(shadow);
    }
  };
  walk(document);
  return links;
}
