/**
 * The Build bar sticks to the bottom of the sidebar only while it is small beside the window
 * (WCAG 1.4.10 and 2.4.11): at 200% zoom, or with a long error in it, a sticky bar would cover
 * much of a short sidebar, so it then sits in the flow like the other cards. While it sticks, the
 * page keeps focused controls above it: scroll-padding-bottom is the bar's height (a CSS variable
 * read by sidebar.css).
 */

/** The largest share of the window's height the bar may cover while it sticks. */
const MAX_SHARE = 0.25;

export function watchStickyBar(bar: HTMLElement): void {
  const root = document.documentElement;
  const update = (): void => {
    const height = bar.getBoundingClientRect().height;
    const sticks = height > 0 && height <= window.innerHeight * MAX_SHARE;
    bar.classList.toggle('sticky', sticks);
    root.style.setProperty('--sticky-bar', sticks ? `${Math.ceil(height)}px` : '0px');
  };
  new ResizeObserver(update).observe(bar);
  window.addEventListener('resize', update);
  update();
}
