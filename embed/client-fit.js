/*! Client Fit embed loader. Turns each <div data-client-fit> into the quiz in an iframe that is
 * always as tall as its content, and re-emits the widget's events on the div.
 *
 *   <div data-client-fit data-quiz="client" data-agency="Acme Digital"
 *        data-accent="#c2185b" data-contact="mailto:hello@acme.example" data-currency="EUR"></div>
 *   <script src="https://YOUR-HOST/client-fit/client-fit.js" async></script>
 *
 * Events (CustomEvent, bubbling, `detail` = the widget's message): client-fit:ready,
 * client-fit:start, client-fit:complete. Call window.ClientFit.mount(element) for elements added
 * later. This file has no dependencies and touches nothing outside the elements it mounts. */
(function () {
  'use strict';
  var PREFIX = 'client-fit:';
  var PARAMS = ['quiz', 'lang', 'accent', 'agency', 'contact', 'currency'];
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
      el.dispatchEvent(new CustomEvent(data.type, { detail: data, bubbles: true }));
    });
    el.appendChild(frame);
    return frame;
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-client-fit]'), mount);
  }

  window.ClientFit = { mount: mount };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
