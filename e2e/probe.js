// Loaded first by every page the cross-engine tests open (helpers.mjs adds it when asked to):
// records what WebDriver cannot read on every engine (console errors, uncaught errors, rejected
// promises, Content-Security-Policy violations) for the test to collect with `window.__probe`.
(() => {
  const probe = (window.__probe = { errors: [], violations: [] });
  addEventListener('error', (e) => {
    // Capture phase also sees failed loads of scripts, styles and images (no message, a target).
    const what = e.message || (e.target && (e.target.src || e.target.href)) || 'error event';
    probe.errors.push(`error: ${what}`);
  }, true);
  addEventListener('unhandledrejection', (e) => probe.errors.push(`unhandled rejection: ${e.reason}`));
  addEventListener('securitypolicyviolation', (e) => probe.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  const original = console.error;
  console.error = function (...args) {
    probe.errors.push(`console.error: ${args.map(String).join(' ')}`);
    return original.apply(this, args);
  };
  // Every request the page made, for the same-origin check.
  probe.requests = () => performance.getEntriesByType('resource').map((r) => r.name);
})();
