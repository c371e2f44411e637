/**
 * Injected into the sidebar page by accessibility-issue15.test.ts (page.addScriptTag): small,
 * read-only probes of the live DOM. Colours are returned raw; contrast is computed in the test.
 */
(() => {
  const seen = new WeakSet();

  /** Elements a screen reader treats as live regions. */
  function liveRegions() {
    return [
      ...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]'),
    ].filter((el) => el.getAttribute('aria-live') !== 'off');
  }

  function visible(el) {
    if (!(el instanceof Element)) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none';
  }

  /** A colour as [r, g, b, a] from a computed style value; null when the format is unknown. */
  function rgba(value) {
    const m = /^rgba?\(([^)]+)\)$/.exec(value.trim());
    if (!m) return null;
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  }

  /** The opaque colour behind an element: ancestors' backgrounds composited over white. */
  function backdrop(el) {
    const layers = [];
    for (let e = el.parentElement; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) layers.push(c);
      if (c && c[3] === 1) break;
    }
    let out = [255, 255, 255];
    for (const c of layers.reverse()) out = out.map((v, i) => c[i] * c[3] + v * (1 - c[3]));
    return out;
  }

  function describe(el) {
    const label = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 40) || '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${label}"`;
  }

  window.__a11y = {
    /** Remembers the live regions present now (a region must exist before its text arrives). */
    markLiveRegions() {
      for (const el of liveRegions()) seen.add(el);
      return liveRegions().length;
    },
    /** The text of every live region, and whether it was present when marked. */
    liveTexts() {
      return liveRegions().map((el) => ({
        text: (el.textContent || '').replace(/\s+/g, ' ').trim(),
        existedBefore: seen.has(el),
        visible: visible(el),
      }));
    },
    /** Records every non-empty live-region text seen from now on. */
    recordLive() {
      const log = [];
      window.__a11yLog = log;
      const take = () => {
        for (const el of liveRegions()) {
          const t = (el.textContent || '').replace(/\s+/g, ' ').trim();
          if (t && log[log.length - 1] !== t) log.push(t);
        }
      };
      new MutationObserver(take).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      take();
    },
    liveLog() {
      return window.__a11yLog || [];
    },
    /** What has keyboard focus. */
    active() {
      const a = document.activeElement;
      return {
        isBody: !a || a === document.body || a === document.documentElement,
        tag: a ? a.tagName.toLowerCase() : '',
        label: a ? a.getAttribute('aria-label') || '' : '',
        text: a ? (a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 200) : '',
        value: a && 'value' in a ? String(a.value) : '',
        visible: a ? visible(a) : false,
      };
    },
    /** Border and fill colours of every visible control, with the colour behind it. */
    controlColours() {
      const sel =
        'select, textarea, button, input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"])';
      return [...document.querySelectorAll(sel)].filter(visible).map((el) => {
        const s = getComputedStyle(el);
        const sides = ['Top', 'Right', 'Bottom', 'Left'].map((side) => ({
          width: Number.parseFloat(s[`border${side}Width`]) || 0,
          style: s[`border${side}Style`],
          colour: rgba(s[`border${side}Color`]),
          raw: s[`border${side}Color`],
        }));
        return {
          what: describe(el),
          kind: el.tagName.toLowerCase(),
          sides,
          fill: rgba(s.backgroundColor),
          rawFill: s.backgroundColor,
          behind: backdrop(el),
        };
      });
    },
    /** How far the page scrolls sideways (0 when it does not). */
    sidewaysScroll() {
      const d = document.documentElement;
      return Math.max(d.scrollWidth, document.body.scrollWidth) - d.clientWidth;
    },
    /** Sticky or fixed boxes on screen: their heights. */
    pinnedHeights() {
      return [...document.querySelectorAll('body *')]
        .filter((el) => ['sticky', 'fixed'].includes(getComputedStyle(el).position) && visible(el))
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.bottom > 0 && r.top < window.innerHeight)
        .map((r) => Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0));
    },
    /** Whether the focused element's centre is covered by something else (e.g. a sticky bar). */
    focusedCovered() {
      const a = document.activeElement;
      if (!a || a === document.body) return 'no focus';
      const r = a.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (y < 0 || y > window.innerHeight) return `off screen (centre at y=${Math.round(y)})`;
      const top = document.elementFromPoint(x, y);
      return top && (top === a || a.contains(top)) ? '' : `covered by ${top ? describe(top) : 'nothing'}`;
    },
  };
})();
