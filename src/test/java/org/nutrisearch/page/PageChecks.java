package org.nutrisearch.page;

/** Checks run inside the page (JavaScript handed to the browser). */
final class PageChecks {

    private PageChecks() {
    }

    /**
     * The lowest WCAG contrast ratio between text colour and the background behind it, over the visible
     * elements matching the selector (argument 0); returns {@code [ratio, description of the worst]}.
     */
    static final String MIN_CONTRAST = """
            function rgb(s) {
              const m = s.match(/rgba?\\(([^)]+)\\)/);
              if (!m) return null;
              const p = m[1].split(',').map(Number);
              return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
            }
            function lum(c) {
              const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
            }
            function background(el) {
              for (let e = el; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c && c.a > 0.5) return c;
              }
              return { r: 255, g: 255, b: 255, a: 1 };
            }
            let worst = [99, ''];
            document.querySelectorAll(arguments[0]).forEach((el) => {
              if (!el.offsetParent || !el.textContent.trim()) return;
              const fg = lum(rgb(getComputedStyle(el).color));
              const bg = lum(background(el));
              const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
              if (ratio < worst[0]) worst = [ratio, el.className + ' "' + el.textContent.trim().slice(0, 40) + '"'];
            });
            return worst;
            """;

    /** True when nothing is wider than the viewport (no sideways scrolling of the page). */
    static final String NO_SIDEWAYS_SCROLL =
            "return document.documentElement.scrollWidth <= window.innerWidth;";

    /** Whether the element (argument 0) starts within the viewport. */
    static final String STARTS_IN_VIEW =
            "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;";

    /** What {@code window.__xss} is: "undefined" unless injected script ran. */
    static final String XSS_MARKER = "return window.__xss === undefined ? 'undefined' : String(window.__xss);";
}
