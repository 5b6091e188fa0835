import type { ImageKind, RawReference } from './image-kinds.js';

/**
 * Page-side, serialised by Playwright: keep it self-contained. Lists every image the page shows or
 * references, across open and closed shadow roots and same-origin iframes, including stylesheet rules
 * that do not currently apply (mobile or hover backgrounds). `blob:` URLs are read into `data:` URLs.
 */
export async function collectImageReferences(): Promise<RawReference[]> {
  type Holder = { __mymeetShadowRoots?: WeakMap<Element, ShadowRoot> };
  const refs: RawReference[] = [];
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const XLINK_NS = 'http://www.w3.org/1999/xlink';
  const cssProps = [
    'background-image',
    'mask-image',
    '-webkit-mask-image',
    'border-image-source',
    'list-style-image',
    'content',
  ];
  const supportedType = /^image\/(avif|webp|png|apng|jpe?g|gif|svg\+xml|bmp|x-icon|vnd\.microsoft\.icon)$/i;
  const lazySet = /^data-(srcset|lazy-srcset|original-set|bgset)$/i;
  const lazyName =
    /^data-(src|lazy|lazy-src|original|original-src|echo|large|retina|hi-res|full|full-src|zoom-image)$/i;
  const imageNamed = /^data-[\w-]*(bg|background|image|img|poster)[\w-]*$/i;
  const imageUrl = /^(data:image\/|[^\s]+\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)(?:[?#]|$))/i;
  const iconRel = /(^|\s)(icon|apple-touch-icon|apple-touch-icon-precomposed|mask-icon|image_src)(\s|$)/i;
  const metaImage =
    /^(og:image(:url|:secure_url)?|twitter:image(:src)?|msapplication-tileimage|thumbnail|image)$/i;
  let svgCount = 0;

  const add = (
    kind: ImageKind,
    base: string,
    format: RawReference['format'],
    value: string | null,
    extra: Partial<RawReference> = {},
  ) => {
    if (value && value.trim()) refs.push({ kind, base, format, value: value.trim(), ...extra });
  };
  const shadowOf = (el: Element): ShadowRoot | null =>
    el.shadowRoot ?? (el.ownerDocument.defaultView as Holder | null)?.__mymeetShadowRoots?.get(el) ?? null;
  const href = (el: Element) => el.getAttribute('href') ?? el.getAttributeNS(XLINK_NS, 'href');

  const scanRules = (rules: CSSRuleList, base: string) => {
    for (const rule of Array.from(rules)) {
      const imported = (rule as Partial<CSSImportRule>).styleSheet;
      if (imported) scanSheet(imported);
      const style = (rule as CSSStyleRule).style;
      if (style)
        for (const prop of cssProps) add('css-rule', base, 'css', style.getPropertyValue(prop) || null);
      const nested = (rule as CSSGroupingRule).cssRules;
      if (nested) scanRules(nested, base);
    }
  };
  const scanSheet = (sheet: CSSStyleSheet, fallbackBase = document.baseURI) => {
    try {
      scanRules(sheet.cssRules, sheet.href ?? fallbackBase);
    } catch {
      // Cross-origin stylesheet: its rules are unreadable; computed styles still cover what applies.
    }
  };

  const serializeSvg = (svg: SVGSVGElement): string | null => {
    const drawable = Array.from(svg.children).some(
      (c) => !['defs', 'symbol', 'title', 'desc', 'style', 'metadata'].includes(c.localName),
    );
    if (!drawable) return null;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    const root = svg.getRootNode() as Document | ShadowRoot;
    const defs = svg.ownerDocument.createElementNS(SVG_NS, 'defs');
    for (const use of Array.from(clone.querySelectorAll('use'))) {
      const id = href(use)?.startsWith('#') ? href(use)!.slice(1) : '';
      const target = id ? root.getElementById(id) : null;
      if (
        target &&
        !clone.querySelector(`[id="${CSS.escape(id)}"]`) &&
        !defs.querySelector(`[id="${CSS.escape(id)}"]`)
      ) {
        defs.appendChild(target.cloneNode(true));
      }
    }
    if (defs.childNodes.length > 0) clone.insertBefore(defs, clone.firstChild);
    const rect = svg.getBoundingClientRect();
    if (!clone.getAttribute('viewBox') && !clone.getAttribute('width') && rect.width > 0) {
      clone.setAttribute('width', String(Math.round(rect.width)));
      clone.setAttribute('height', String(Math.round(rect.height)));
    }
    return new XMLSerializer().serializeToString(clone);
  };

  const isLazyImage = (el: Element, attr: Attr): boolean => {
    const value = attr.value.trim();
    if (!attr.name.startsWith('data-') || !value) return false;
    if (imageUrl.test(value) || value.includes('url(')) return true;
    const urlLike = /^\S+$/.test(value) && /[./]/.test(value);
    return (
      urlLike &&
      (imageNamed.test(attr.name) || (lazyName.test(attr.name) && /^(img|source|image)$/.test(el.localName)))
    );
  };

  const visitImg = (img: HTMLImageElement, base: string) => {
    const fallbacks = [img.currentSrc, img.src].filter((u) => u);
    const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null;
    for (const source of picture ? Array.from(picture.querySelectorAll(':scope > source')) : []) {
      const media = source.getAttribute('media');
      const type = source.getAttribute('type');
      if (media && !img.ownerDocument.defaultView!.matchMedia(media).matches) continue;
      if (type && !supportedType.test(type.trim())) continue;
      if (source.getAttribute('srcset'))
        return add('picture', base, 'srcset', source.getAttribute('srcset'), { fallbacks });
    }
    if (img.getAttribute('srcset')) {
      const src = img.getAttribute('src');
      return add('img', base, 'srcset', img.getAttribute('srcset'), { fallbacks, ...(src ? { src } : {}) });
    }
    add('img', base, 'url', img.getAttribute('src'));
  };

  const visitElement = (el: Element) => {
    const win = el.ownerDocument.defaultView!;
    const base = el.baseURI;
    for (const pseudo of [null, '::before', '::after']) {
      const style = win.getComputedStyle(el, pseudo);
      for (const prop of cssProps) {
        const value = style.getPropertyValue(prop);
        if (value.includes('url(')) add('css-background', base, 'css', value);
      }
    }
    for (const attr of Array.from(el.attributes)) {
      if (lazySet.test(attr.name)) add('lazy', base, 'srcset', attr.value);
      else if (isLazyImage(el, attr))
        add('lazy', base, attr.value.includes('url(') ? 'css' : 'url', attr.value);
    }
    const name = el.localName;
    const rel = el.getAttribute('rel') ?? '';
    if (name === 'img') visitImg(el as HTMLImageElement, base);
    else if (name === 'image' && el.namespaceURI === SVG_NS) add('svg-image', base, 'url', href(el));
    else if (name === 'use' && href(el) && !href(el)!.startsWith('#'))
      add('svg-use', base, 'url', href(el)!.replace(/#.*$/, ''));
    else if (name === 'svg' && !(el as SVGSVGElement).ownerSVGElement) {
      const markup = serializeSvg(el as SVGSVGElement);
      if (markup)
        add('inline-svg', base, 'svg', markup, {
          label: `${el.ownerDocument.URL.replace(/#.*$/, '')}#inline-svg-${++svgCount}`,
        });
    } else if (name === 'link' && iconRel.test(rel)) add('icon', base, 'url', el.getAttribute('href'));
    else if (name === 'link' && /(^|\s)preload(\s|$)/i.test(rel) && el.getAttribute('as') === 'image') {
      if (el.getAttribute('imagesrcset')) add('preload', base, 'srcset', el.getAttribute('imagesrcset'));
      else add('preload', base, 'url', el.getAttribute('href'));
    } else if (
      name === 'meta' &&
      metaImage.test(
        el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '',
      )
    ) {
      add('meta', base, 'url', el.getAttribute('content'));
    } else if (name === 'video') add('poster', base, 'url', el.getAttribute('poster'));
    else if (name === 'input' && el.getAttribute('type') === 'image')
      add('img', base, 'url', el.getAttribute('src'));
    else if (name === 'object' || name === 'embed') {
      const url = el.getAttribute(name === 'object' ? 'data' : 'src');
      if (/^image\//i.test(el.getAttribute('type') ?? '') || imageUrl.test(url ?? ''))
        add('object', base, 'url', url);
    }
  };

  const walk = (root: Document | ShadowRoot) => {
    for (const sheet of [...Array.from(root.styleSheets), ...root.adoptedStyleSheets])
      scanSheet(sheet, root.baseURI);
    for (const el of Array.from(root.querySelectorAll('*'))) {
      visitElement(el);
      const shadow = shadowOf(el);
      if (shadow) walk(shadow);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        let doc: Document | null = null;
        try {
          doc = (el as HTMLIFrameElement).contentDocument;
        } catch {
          doc = null;
        }
        if (doc) walk(doc);
      }
    }
  };
  walk(document);

  for (const ref of refs) {
    if (ref.format !== 'url' || !ref.value.startsWith('blob:')) continue;
    try {
      const blob = await (await fetch(ref.value)).blob();
      ref.value = await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(blob);
      });
    } catch {
      // A revoked blob URL can no longer be read; it is reported as a failure later.
    }
  }
  return refs;
}
