using Microsoft.Playwright;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>
/// WCAG checks a browser can make on a rendered page, in the page itself (computed styles, after layout):
/// <list type="bullet">
/// <item>text contrast (1.4.3, AA): 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold);</item>
/// <item>contrast of form controls against their surroundings, by their border or their own fill (1.4.11): 3:1;</item>
/// <item>every form control has a label, every button a name (1.3.1, 4.1.2); the page has a language and one h1;</item>
/// <item>every link, button and form control shows an outline of at least 2 px when focused (2.4.7).</item>
/// </list>
/// Colours are composed over the opaque ancestor behind them (the page has no background images).
/// </summary>
internal static class PageAudit
{
    private const string Script = """
        () => {
          const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
                               return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
                                          b: top.b * top.a + under.b * (1 - top.a), a: 1 });
          const background = el => {
            const layers = [];
            for (let e = el; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c.a > 0) { layers.push(c); if (c.a === 1) break; }
            }
            return layers.reduceRight((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
          };
          const luminance = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                                   return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const shown = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                                return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0; };
          const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\s+/g, '.') : '');
          const failures = [];

          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const seen = new Set();
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!node.textContent.trim() || seen.has(el) || !shown(el)) continue;
            seen.add(el);
            const s = getComputedStyle(el);
            const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
            const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
            const bg = background(el);
            const got = ratio(over(parse(s.color), bg), bg);
            if (got < needed) failures.push(`text ${describe(el)} "${node.textContent.trim().slice(0, 40)}": ${got.toFixed(2)}:1 < ${needed}:1`);
          }

          for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
            if (!shown(el)) continue;
            if (el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) failures.push(`no label: ${describe(el)}`);
            const s = getComputedStyle(el);
            if (el.type !== 'checkbox' && el.type !== 'radio') {
              // The control is identifiable by its border or by its own fill against what surrounds it.
              const around = background(el.parentElement);
              const border = parseFloat(s.borderTopWidth) > 0 ? ratio(over(parse(s.borderTopColor), around), around) : 1;
              const got = Math.max(border, ratio(background(el), around));
              if (got < 3) failures.push(`border ${describe(el)}: ${got.toFixed(2)}:1 < 3:1`);
            }
          }
          for (const el of document.querySelectorAll('button, a[href]')) {
            if (!el.textContent.trim() && !el.getAttribute('aria-label')) failures.push(`no name: ${describe(el)}`);
          }
          // A visible focus (2.4.7): focused from script, so the rule reads the :focus style the stylesheet gives.
          for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')) {
            if (!shown(el) && !el.matches('.skip-link')) continue;
            el.focus({ preventScroll: true });
            if (document.activeElement !== el) continue;
            const s = getComputedStyle(el);
            if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) failures.push(`no visible focus: ${describe(el)}`);
            el.blur();
          }
          if (!document.documentElement.lang) failures.push('no lang on html');
          const headings = document.querySelectorAll('h1').length;
          if (headings !== 1) failures.push(`${headings} h1 elements`);
          return failures;
        }
        """;

    /// <summary>What the page at its current state fails, one line each; empty when it passes.</summary>
    public static async Task<string[]> FailuresAsync(IPage page) => await page.EvaluateAsync<string[]>(Script);

    /// <summary>Fails the test with every failure of the page, named by its address.</summary>
    public static async Task AssertPassesAsync(IPage page)
    {
        var failures = await FailuresAsync(page);
        Assert.True(failures.Length == 0, $"{page.Url}:\n" + string.Join('\n', failures));
    }
}
