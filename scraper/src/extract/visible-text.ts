export type TextPassMode = 'mark' | 'extract';
/** Text runs in reading order; `null` marks a block boundary. */
export type TextChunks = Array<string | null>;

/**
 * Page-side, serialised by Playwright: keep it self-contained.
 * 'mark' remembers every text node visible right now (called at each scroll step, so text that is
 * only shown while in view still counts); 'extract' walks the flat tree (shadow roots, slots,
 * same-origin iframes) and emits the text that is visible now or was marked before.
 */
export function visibleTextPass(mode: TextPassMode): TextChunks {
  type Holder = { __mymeetSeenText?: WeakSet<Node>; __mymeetShadowRoots?: WeakMap<Element, ShadowRoot> };
  const top = window as unknown as Holder;
  const seen = (top.__mymeetSeenText ??= new WeakSet<Node>());
  const skipped = new Set([
    'script',
    'style',
    'noscript',
    'template',
    'head',
    'title',
    'meta',
    'link',
    'desc',
    'defs',
    'symbol',
    'metadata',
    'clippath',
    'mask',
    'pattern',
    'lineargradient',
    'radialgradient',
    'filter',
    'marker',
    'option',
  ]);
  const out: TextChunks = [];
  const extracting = mode === 'extract';

  const shadowOf = (el: Element): ShadowRoot | null =>
    el.shadowRoot ?? (el.ownerDocument.defaultView as Holder | null)?.__mymeetShadowRoots?.get(el) ?? null;

  const childrenOf = (node: Node): Node[] => {
    if (node.nodeType !== 1) return Array.from(node.childNodes);
    const el = node as Element;
    const shadow = shadowOf(el);
    if (shadow) return Array.from(shadow.childNodes);
    if (el.localName === 'slot' && el.getRootNode() instanceof el.ownerDocument.defaultView!.ShadowRoot) {
      const assigned = (el as HTMLSlotElement).assignedNodes();
      if (assigned.length > 0) return assigned;
    }
    if (el.localName === 'iframe' || el.localName === 'frame') {
      let doc: Document | null = null;
      try {
        doc = (el as HTMLIFrameElement).contentDocument;
      } catch {
        doc = null;
      }
      return doc?.body ? [doc.body] : [];
    }
    if (el.localName === 'details' && !(el as HTMLDetailsElement).open) {
      return Array.from(el.children).filter((child) => child.localName === 'summary');
    }
    return Array.from(el.childNodes);
  };

  // Hidden for good: nothing below can become visible again (display:none, opacity:0, clipped to a pixel, off-page).
  const hiddenSubtree = (el: Element, style: CSSStyleDeclaration): boolean => {
    if (style.display === 'none' || style.opacity === '0') return true;
    if (style.display !== 'contents' && !el.checkVisibility()) return true;
    const rect = el.getBoundingClientRect();
    const clips = /hidden|clip/.test(style.overflowX + style.overflowY);
    if (clips && (rect.width <= 1 || rect.height <= 1)) return true;
    const win = el.ownerDocument.defaultView!;
    return rect.width > 0 && (rect.right + win.scrollX <= 0 || rect.bottom + win.scrollY <= 0);
  };

  // Text with no layout box is not drawn (e.g. the body of a closed <details>); whitespace only spaces words.
  const rendered = (text: Text): boolean => {
    if (!/\S/.test(text.data)) return true;
    const range = text.ownerDocument.createRange();
    range.selectNodeContents(text);
    return range.getClientRects().length > 0;
  };

  const pseudoText = (el: Element, which: '::before' | '::after'): string => {
    const style = el.ownerDocument.defaultView!.getComputedStyle(el, which);
    const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(style.content);
    if (!quoted || style.display === 'none') return '';
    return quoted[1]!.replace(/\\(.)/g, '$1').replace(/[\uE000-\uF8FF]/g, '');
  };

  const controlText = (el: Element): string | null => {
    if (el.localName === 'input') {
      const input = el as HTMLInputElement;
      if (['hidden', 'checkbox', 'radio', 'file', 'image', 'range', 'color'].includes(input.type)) return '';
      if (['button', 'submit', 'reset'].includes(input.type)) return input.value;
      return input.value || input.placeholder;
    }
    if (el.localName === 'textarea')
      return (el as HTMLTextAreaElement).value || (el as HTMLTextAreaElement).placeholder;
    if (el.localName === 'select') return (el as HTMLSelectElement).selectedOptions[0]?.text ?? '';
    return null;
  };

  const emit = (text: string, preformatted: boolean) => {
    if (!preformatted) out.push(text.replace(/[\t\n\r\f ]+/g, ' '));
    else text.split('\n').forEach((line, i) => (i > 0 ? out.push(null, line) : out.push(line)));
  };

  const visit = (node: Node, visible: boolean, inheritedVisibility: string, pre: boolean): void => {
    if (node.nodeType === 3) {
      const shown = visible && inheritedVisibility === 'visible' && rendered(node as Text);
      if (shown && !extracting) seen.add(node);
      if (extracting && (shown || seen.has(node))) emit((node as Text).data, pre);
      return;
    }
    if (node.nodeType !== 1) {
      for (const child of childrenOf(node)) visit(child, visible, inheritedVisibility, pre);
      return;
    }
    const el = node as Element;
    if (skipped.has(el.localName.toLowerCase())) return;
    if (el.localName === 'br') return void out.push(null);
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    const shown = visible && !hiddenSubtree(el, style);
    if (!shown && !extracting) return;
    const block = !/^(inline|contents|ruby)/.test(style.display);
    const ownPre =
      /^(pre|break-spaces)/.test(style.whiteSpace) ||
      style.getPropertyValue('white-space-collapse') === 'preserve';
    if (block) out.push(null);
    const control = controlText(el);
    if (control !== null) {
      if (extracting && shown && style.visibility === 'visible') out.push(` ${control} `);
    } else {
      const decorate = extracting && shown && style.visibility === 'visible';
      if (decorate) out.push(pseudoText(el, '::before'));
      for (const child of childrenOf(el)) visit(child, shown, style.visibility, ownPre);
      if (decorate) out.push(pseudoText(el, '::after'));
    }
    if (block) out.push(null);
  };

  const root = document.body ?? document.documentElement;
  if (root) visit(root, true, 'visible', false);
  return extracting ? out : [];
}
