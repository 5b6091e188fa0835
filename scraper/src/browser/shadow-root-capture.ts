/**
 * Init script (runs in every frame before page scripts): remembers every shadow root, including
 * closed ones, so the extractors can walk into them. Must stay self-contained: it is serialised.
 */
export function captureShadowRoots(): void {
  const holder = window as unknown as { __mymeetShadowRoots?: WeakMap<Element, ShadowRoot> };
  if (holder.__mymeetShadowRoots) return;
  const roots = new WeakMap<Element, ShadowRoot>();
  Object.defineProperty(window, '__mymeetShadowRoots', { value: roots, enumerable: false });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
}
