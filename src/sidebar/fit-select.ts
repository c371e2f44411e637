/**
 * A closed native select shows its chosen option on one line and cuts whatever does not fit,
 * mid-word ("Rate already com"). Mizan's own option texts are written to fit the 300 px
 * sidebar, one select per line; text from the sheet (a long header, a tab or template name) may
 * not. Such an option shows a shortened label ending in "…" that fits the select's text box, and
 * keeps its whole text as its content (what screen readers and the value use) and its tooltip.
 * The select's text box is its content box: the arrow is drawn in its end padding (sidebar.css).
 */

const ELLIPSIS = '…';
let measure: CanvasRenderingContext2D | null = null;

function textWidth(text: string, font: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return 0;
  measure.font = font;
  return measure.measureText(text).width;
}

/** The longest start of `text` that fits in `room` px with "…" after it. */
function shortened(text: string, room: number, font: string): string {
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, font) <= room) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/** Fits every option of a visible select to its width; a hidden one is fitted when shown (fitAll). */
export function fitOptions(select: HTMLSelectElement): void {
  const style = getComputedStyle(select);
  const room =
    select.clientWidth -
    Number.parseFloat(style.paddingInlineStart) -
    Number.parseFloat(style.paddingInlineEnd);
  if (room <= 0) return;
  const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  for (const o of select.options) {
    const full = o.text;
    if (textWidth(full, font) <= room) {
      o.removeAttribute('label');
      o.removeAttribute('title');
    } else {
      o.label = shortened(full, room, font);
      o.title = full;
    }
  }
}

/** Every select on the page, again: after a language switch, a zoom or a panel shown. */
export function fitAll(): void {
  for (const s of document.querySelectorAll('select')) fitOptions(s);
}
