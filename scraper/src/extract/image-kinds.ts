export type ImageKind =
  | 'img'
  | 'picture'
  | 'lazy'
  | 'css-background'
  | 'css-rule'
  | 'inline-svg'
  | 'svg-image'
  | 'svg-use'
  | 'icon'
  | 'meta'
  | 'poster'
  | 'object'
  | 'preload';

/** What the page-side collector reports, before URLs are resolved and candidates chosen in Node. */
export interface RawReference {
  kind: ImageKind;
  /** Base URL to resolve `value` against. */
  base: string;
  format: 'url' | 'srcset' | 'css' | 'svg';
  /** A URL, a srcset, a CSS value or SVG markup, depending on `format`. */
  value: string;
  /** For `srcset`: the element's `src`, a 1x candidate. */
  src?: string;
  /** Absolute URLs to try when the chosen one fails (e.g. the browser's `currentSrc`). */
  fallbacks?: string[];
  /** For inline SVG: a stable pseudo-URL naming it in the manifest. */
  label?: string;
}
