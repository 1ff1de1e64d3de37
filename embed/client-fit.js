/*! Client Fit embed loader. Turns the elements the page names into the quiz in an iframe that is
 * always as tall as its content, and re-emits the widget's events on them.
 *
 *   <div id="quiz" data-client-fit data-quiz="client" data-agency="Acme Digital"
 *        data-accent="#c2185b" data-contact="mailto:hello@acme.example" data-currency="EUR"></div>
 *   <script src="https://YOUR-HOST/client-fit/client-fit.js" data-mount="quiz" async></script>
 *
 * Only the ids in data-mount (space or comma separated) are mounted, and whatever the page passes
 * to window.ClientFit.mount(element): never any element that merely carries data-client-fit (one
 * in a visitor's comment, say). Events (CustomEvent, bubbling, `detail` = the message's known
 * fields): client-fit:ready, client-fit:start, client-fit:complete. This file has no
 * dependencies and touches nothing outside the elements it mounts. */
(function () {
  'use strict';
  var PREFIX = 'client-fit:';
  var PARAMS = ['quiz', 'lang', 'accent', 'agency', 'contact', 'currency', 'desk'];
  // What an event's detail may carry: the widget's documented fields, nothing else.
  var FIELDS = { type: 'string', version: 'number', quiz: 'string', band: 'string', overall: 'number' };

  function detailOf(data) {
    var out = {};
    Object.keys(FIELDS).forEach(function (k) {
      if (typeof data[k] === FIELDS[k]) out[k] = data[k];
    });
    if (data.dimensions && typeof data.dimensions === 'object') {
      out.dimensions = {};
      Object.keys(data.dimensions).forEach(function (k) {
        if (/^[a-z_]{1,30}$/.test(k) && typeof data.dimensions[k] === 'number') out.dimensions[k] = data.dimensions[k];
      });
    }
    return out;
  }
  var script = document.currentScript;
  // The app lives where this file is served from.
  var app = new URL('./', script ? script.src : location.href);

  function mount(el) {
    if (!el || el.getAttribute('data-client-fit-mounted') !== null) return null;
    el.setAttribute('data-client-fit-mounted', '');
    var query = new URLSearchParams();
    PARAMS.forEach(function (name) {
      var value = el.getAttribute('data-' + name);
      if (value !== null && value !== '') query.set(name, value);
    });
    query.set('fit', '1');
    query.set('origin', location.origin);
    var frame = document.createElement('iframe');
    frame.src = app.href + '?' + query.toString();
    frame.title = el.getAttribute('data-title') || 'Client Fit quiz';
    // Scripts and its own storage; popups for the contact link and the share sheet; forms for
    // the quiz's Next button. No top navigation, no access to this page.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
    frame.setAttribute('allow', 'clipboard-write; web-share');
    frame.setAttribute('scrolling', 'no');
    frame.style.cssText = 'display:block;width:100%;min-height:320px;height:640px;border:0;overflow:hidden;';
    window.addEventListener('message', function (event) {
      if (event.source !== frame.contentWindow || event.origin !== app.origin) return;
      var data = event.data;
      if (!data || typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
      if (data.type === PREFIX + 'resize') {
        var height = Number(data.height);
        if (height > 0 && height < 100000) frame.style.height = Math.ceil(height) + 'px';
        return;
      }
      if (data.type === PREFIX + 'ready') frame.contentWindow.postMessage({ type: PREFIX + 'measure' }, app.origin);
      el.dispatchEvent(new CustomEvent(data.type, { detail: detailOf(data), bubbles: true }));
    });
    el.appendChild(frame);
    return frame;
  }

  function mountAll() {
    var ids = ((script && script.getAttribute('data-mount')) || '').split(/[\s,]+/);
    ids.forEach(function (id) {
      if (id) mount(document.getElementById(id));
    });
  }

  window.ClientFit = { mount: mount };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
