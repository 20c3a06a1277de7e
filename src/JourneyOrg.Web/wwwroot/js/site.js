// After htmx swaps part of a page in place, keyboard and screen-reader users carry on from there
// instead of being sent back to the top of the page with nothing said (docs/accessibility.md).
(() => {
  'use strict';
  const focusable = 'a[href], button, input, select, textarea, [tabindex]';
  const pending = new Map();
  // Responses that replace the part of the page holding the focus; only those may move it (a poll never does).
  const tookFocus = new WeakSet();

  document.addEventListener('htmx:beforeSwap', event => {
    const active = document.activeElement;
    if (event.detail.xhr && active && active !== document.body && event.detail.target && event.detail.target.contains(active)) {
      tookFocus.add(event.detail.xhr);
    }
  });

  // One response can settle several elements (the main target plus out-of-band ones): handle them together, once.
  document.addEventListener('htmx:afterSettle', event => {
    const key = event.detail.xhr || event.detail;
    let settled = pending.get(key);
    if (!settled) {
      settled = [];
      pending.set(key, settled);
      setTimeout(() => { pending.delete(key); afterSwap(event.detail, settled); });
    }
    settled.push(event.target);
  });

  function afterSwap(detail, elements) {
    const swapped = elements.filter(e => e instanceof Element && e.isConnected);
    if (swapped.length === 0) return;
    const within = selector => swapped.flatMap(e => [...(e.matches(selector) ? [e] : []), ...e.querySelectorAll(selector)]);
    announce(within('[data-announce]').map(e => e.textContent.trim()).filter(Boolean));

    // Focus that survived the swap (a search box being typed in, a filter, a field htmx re-focused by id) stays.
    const active = document.activeElement;
    if (!detail.xhr || !tookFocus.has(detail.xhr) || (active && active !== document.body && active.isConnected)) return;
    const oldTarget = detail.target;
    const region = (oldTarget && oldTarget.isConnected ? oldTarget : oldTarget && oldTarget.id && document.getElementById(oldTarget.id)) || swapped[0];
    // (An element the fragment marks autofocus has been focused by htmx already.)
    const target = region.querySelector('[aria-invalid="true"]')
      || region.querySelector('[role="alert"]') || region.querySelector('h1, h2, h3') || region;
    if (!target.matches(focusable)) target.setAttribute('tabindex', '-1');
    target.focus();
  }

  // The page's one polite live region, present from the start so that screen readers listen to it; swapped
  // fragments mark their confirmation with data-announce instead of being live regions themselves, so each
  // change is read once rather than once per nested or re-inserted live region.
  function announce(messages) {
    const announcer = document.getElementById('announcer');
    if (!announcer || messages.length === 0) return;
    announcer.textContent = '';
    // A new text node after clearing: the same message twice in a row is still read the second time.
    setTimeout(() => { announcer.textContent = [...new Set(messages)].join(' '); }, 50);
  }
})();
