import type { Dimensions } from './image-dimensions.js';

/** Size of an SVG from its root width/height (px or unitless), else from its viewBox. */
export function svgDimensions(svg: string): Dimensions | null {
  const root = /<(?:[\w-]+:)?svg\b([^>]*)>/i.exec(svg)?.[1];
  if (root === undefined) return null;
  const attr = (name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1];
  const length = (value: string | undefined) => {
    const match = value ? /^\s*(\d*\.?\d+)\s*(px)?\s*$/i.exec(value) : null;
    return match ? Math.round(Number(match[1])) : undefined;
  };
  const box = attr('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const boxWidth = box?.length === 4 ? box[2] : undefined;
  const boxHeight = box?.length === 4 ? box[3] : undefined;
  const width = length(attr('width')) ?? (boxWidth !== undefined ? Math.round(boxWidth) : undefined);
  const height = length(attr('height')) ?? (boxHeight !== undefined ? Math.round(boxHeight) : undefined);
  if (width === undefined || height === undefined || Number.isNaN(width) || Number.isNaN(height)) return null;
  return { width, height };
}
