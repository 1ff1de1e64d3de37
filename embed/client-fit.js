/*! Client Fit embed loader. How to use it: the README, "Embed on your site". */
/* Turns the elements the page names into the quiz in an iframe, inline or in an overlay, and
 * re-emits the widget's events on them.
 *
 *   <div id="quiz" data-client-fit data-quiz="client" data-agency="Acme Digital"
 *        data-accent="#c2185b" data-contact="mailto:hello@acme.example" data-currency="EUR"></div>
 *   <script src="https://YOUR-HOST/client-fit/client-fit.js" data-mount="quiz" async></script>
 *
 * Only the ids in data-mount (space or comma separated) are mounted, and whatever the page passes
 * to window.ClientFit.mount(element): never any element that merely carries data-client-fit (one
 * in a visitor's comment, say).
 *
 * data-mode: inline (the default: the frame in the element, loaded when it nears the viewport),
 * popup (a modal dialog), slider (a drawer, data-side="left" or "right") or launcher (a floating
 * button in a bottom corner that opens the popup; data-label, data-side). An overlay opens on a
 * click on any element with data-client-fit-open="<id>", through window.ClientFit.open(id), or by
 * itself: data-open-after="<seconds>", data-open-at-scroll="<percent>", data-open-on-exit (a
 * desktop pointer leaving the window), limited by data-once or data-every-days="<n>" (kept in this
 * page's localStorage). Its frame loads on first open, or when an opener is hovered or focused.
 *
 * data-hidden-<name>="<value>" fields (at most 10; names a-z 0-9 _, values up to 200 characters)
 * go to the widget for its "Send my result" address and come back in every event's detail.
 *
 * Everything it draws lives in shadow roots of its own elements (<client-fit-frame> in an inline
 * widget's element, <client-fit-overlay> under <body>), so the page's styles and its own cannot
 * meet. It has
 * no dependencies and touches nothing outside the elements it mounts and the overlays it adds. */
(function () {
  'use strict';
  var PREFIX = 'client-fit:';
  var VERSION = 2;
  var PARAMS = ['quiz', 'lang', 'accent', 'agency', 'contact', 'currency', 'desk'];
  // What an event's detail may carry: the widget's documented fields, nothing else.
  var FIELDS = { type: 'string', version: 'number', quiz: 'string', band: 'string', overall: 'number', question: 'number', total: 'number', link: 'string' };
  var HIDDEN_NAME = /^[a-z][a-z0-9_]{0,39}$/;
  var HIDDEN_VALUE = /^[^\u0000-\u001f\u007f]{0,200}$/;
  var HIDDEN_MAX = 10;
  var DAY = 86400000;
  var WORDS = {
    en: ['Close', 'Take the quiz'],
    ru: ['Закрыть', 'Пройти тест'],
    es: ['Cerrar', 'Hacer el test'],
    fi: ['Sulje', 'Tee testi'],
  };
  var CSS =
    '.box{min-height:320px}' +
    ':host{all:initial;display:block;width:100%}' +
    'dialog{box-sizing:border-box;border:0;padding:0;width:min(760px,calc(100vw - 2rem));max-width:100vw;height:min(900px,calc(100vh - 2rem));max-height:100vh;border-radius:12px;background:#fff;color:#1d1f23;box-shadow:0 12px 48px rgba(0,0,0,.35);overflow:hidden}' +
    'dialog[open]{display:flex;flex-direction:column}' +
    'dialog::backdrop{background:rgba(20,22,26,.55)}' +
    '.slider{margin:0;top:0;bottom:0;height:100%;max-height:100%;width:min(520px,100vw);border-radius:0}' +
    '.right{left:auto;right:0}.left{left:0;right:auto}' +
    '.bar{display:flex;justify-content:flex-end;padding:.5rem}' +
    '.body{flex:1;overflow:auto;overscroll-behavior:contain}' +
    'button{font:600 16px/1.2 system-ui,sans-serif;cursor:pointer;border:0;margin:0}' +
    'button:focus-visible{outline:3px solid var(--accent,#2a64c8);outline-offset:2px}' +
    '.close{width:2.75rem;height:2.75rem;border-radius:50%;background:#eef0f3;color:#1d1f23;font-size:1.5rem}' +
    '.launcher{position:fixed;bottom:1.25rem;z-index:2147483000;padding:.9rem 1.3rem;border-radius:999px;background:var(--accent,#2a64c8);color:var(--ink,#fff);box-shadow:0 6px 20px rgba(0,0,0,.25)}' +
    '.launcher.right{right:1.25rem;left:auto}.launcher.left{left:1.25rem}' +
    '@media (max-width:640px){dialog,.slider{width:100vw;height:100%;max-height:100%;margin:0;inset:0;border-radius:0}}' +
    '@media (prefers-reduced-motion:no-preference){dialog[open]{animation:cf-in .2s ease-out}.slider.right[open]{animation-name:cf-right}.slider.left[open]{animation-name:cf-left}}' +
    '@keyframes cf-in{from{opacity:0;transform:translateY(1rem)}}@keyframes cf-right{from{transform:translateX(100%)}}@keyframes cf-left{from{transform:translateX(-100%)}}';

  var script = document.currentScript;
  // The app lives where this file is served from.
  var app = new URL('./', script ? script.src : location.href);
  var widgets = Object.create(null);
  var sheet = null;

  function warn(text) {
    if (window.console) console.warn('Client Fit: ' + text);
  }

  // A shadow root with this loader's styles: a constructed sheet where there is one (a page's
  // Content-Security-Policy does not govern it), else a <style> element.
  function shadow(host) {
    var root = host.attachShadow({ mode: 'open' });
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      var style = document.createElement('style');
      style.textContent = CSS;
      root.appendChild(style);
    }
    return root;
  }

  function element(tag, className, parent) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (parent) parent.appendChild(el);
    return el;
  }

  // The page's pass-through fields; anything malformed is left out, with a warning that names it.
  function hiddenFields(el) {
    var out = {};
    var count = 0;
    Array.prototype.forEach.call(el.attributes, function (attr) {
      if (attr.name.indexOf('data-hidden-') !== 0) return;
      var name = attr.name.slice(12);
      if (!HIDDEN_NAME.test(name)) return warn('ignoring ' + attr.name + ': a name is a-z, 0-9 and _.');
      if (!HIDDEN_VALUE.test(attr.value)) return warn('ignoring ' + attr.name + ': a value is up to 200 characters, none of them control characters.');
      if (count === HIDDEN_MAX) return warn('ignoring ' + attr.name + ': at most ' + HIDDEN_MAX + ' fields.');
      out[name] = attr.value;
      count++;
    });
    return count ? out : null;
  }

  function detailOf(data, hidden) {
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
    if (hidden) out.hidden = hidden;
    return out;
  }

  function emit(w, type) {
    w.el.dispatchEvent(new CustomEvent(PREFIX + type, { detail: detailOf({ type: PREFIX + type, version: VERSION }, w.hidden), bubbles: true }));
  }

  // The readable text colour on an accent given as #rgb or #rrggbb.
  function inkOn(hex) {
    var h = hex.length === 4 ? hex.replace(/\w/g, '$&$&') : hex;
    var n = parseInt(h.slice(1), 16);
    var y = 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
    return y > 150 ? '#111' : '#fff';
  }

  // The frame itself, created once: for an inline widget when it nears the viewport, for an
  // overlay on first open (or when an opener is hovered or focused).
  function load(w) {
    if (w.frame) return;
    var query = new URLSearchParams();
    PARAMS.forEach(function (name) {
      var value = w.el.getAttribute('data-' + name);
      if (value !== null && value !== '') query.set(name, value);
    });
    if (w.hidden) Object.keys(w.hidden).forEach(function (k) { query.set('hidden_' + k, w.hidden[k]); });
    query.set('fit', '1');
    query.set('origin', location.origin);
    var frame = (w.frame = document.createElement('iframe'));
    frame.src = app.href + '?' + query.toString();
    frame.title = w.el.getAttribute('data-title') || 'Client Fit quiz';
    // Scripts and its own storage; popups for the contact link and the share sheet; forms for
    // the quiz's Next button. No top navigation, no access to this page.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
    frame.setAttribute('allow', 'clipboard-write; web-share');
    frame.setAttribute('scrolling', 'no');
    frame.style.cssText = 'display:block;width:100%;min-height:320px;height:640px;border:0;overflow:hidden;';
    w.listen = function (event) {
      if (event.source !== frame.contentWindow || event.origin !== app.origin) return;
      var data = event.data;
      if (!data || typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
      if (data.type === PREFIX + 'resize') {
        var height = Number(data.height);
        if (height > 0 && height < 100000) frame.style.height = Math.ceil(height) + 'px';
        return;
      }
      // Escape pressed inside the quiz, which the key's own handling here cannot hear.
      if (data.type === PREFIX + 'escape') {
        if (w.dialog) close(w.id);
        return;
      }
      if (data.type === PREFIX + 'ready') frame.contentWindow.postMessage({ type: PREFIX + 'measure' }, app.origin);
      w.el.dispatchEvent(new CustomEvent(data.type, { detail: detailOf(data, w.hidden), bubbles: true }));
    };
    window.addEventListener('message', w.listen);
    w.box.appendChild(frame);
  }

  function mount(el) {
    if (!el || el.getAttribute('data-client-fit-mounted') !== null) return null;
    var id = el.id || 'client-fit-' + (Object.keys(widgets).length + 1);
    if (widgets[id]) return null;
    el.setAttribute('data-client-fit-mounted', '');
    var mode = el.getAttribute('data-mode') || 'inline';
    if (!/^(inline|popup|slider|launcher)$/.test(mode)) {
      warn('data-mode is not one of inline, popup, slider, launcher; shown inline.');
      mode = 'inline';
    }
    var side = el.getAttribute('data-side') === 'left' ? 'left' : 'right';
    var lang = (el.getAttribute('data-lang') || document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
    var words = WORDS[lang] || WORDS.en;
    var w = (widgets[id] = { id: id, el: el, mode: mode, hidden: hiddenFields(el), off: [] });
    var accent = el.getAttribute('data-accent');
    if (mode === 'inline') {
      // An element of our own in the page's element, the frame in its shadow root.
      w.host = element('client-fit-frame', '', el);
      w.box = element('div', 'box', shadow(w.host));
      var near = function () {
        // Unmounted (or mounted again) before the page finished loading: nothing to do.
        if (widgets[id] !== w || w.frame) return;
        if (!('IntersectionObserver' in window)) return load(w);
        w.observer = new IntersectionObserver(function (seen) {
          if (seen.some(function (s) { return s.isIntersecting; })) {
            w.observer.disconnect();
            load(w);
          }
        }, { rootMargin: '200px 0px' });
        w.observer.observe(el);
      };
      // A frame delays the load event of the page holding it: this page's own load comes first.
      if (document.readyState === 'complete') near();
      else window.addEventListener('load', near, { once: true });
      return id;
    }
    // An overlay: a host element of our own under <body>, the dialog (and the launcher) in its
    // shadow root.
    w.host = element('client-fit-overlay', '', document.body);
    var root = shadow(w.host);
    if (accent && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent)) {
      w.host.style.setProperty('--accent', accent);
      w.host.style.setProperty('--ink', inkOn(accent));
    }
    var dialog = (w.dialog = element('dialog', mode === 'slider' ? 'slider ' + side : 'popup', root));
    dialog.setAttribute('aria-label', el.getAttribute('data-title') || 'Client Fit quiz');
    var bar = element('div', 'bar', dialog);
    var closer = element('button', 'close', bar);
    closer.type = 'button';
    closer.textContent = '\u00d7';
    closer.setAttribute('aria-label', words[0]);
    closer.addEventListener('click', function () { close(id); });
    w.box = element('div', 'body', dialog);
    // Escape (the dialog's own cancel, or the key itself where an engine has no cancel for it)
    // and the close button end the same way.
    dialog.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(id);
      }
    });
    // A close event queued before the overlay was opened again belongs to the earlier close.
    dialog.addEventListener('close', function () { if (!dialog.open) closed(w); });
    if (mode === 'launcher') {
      var button = element('button', 'launcher ' + side, root);
      button.type = 'button';
      button.textContent = el.getAttribute('data-label') || words[1];
      button.setAttribute('aria-haspopup', 'dialog');
      button.addEventListener('click', function () { open(id); });
      button.addEventListener('pointerenter', function () { load(w); });
      button.addEventListener('focus', function () { load(w); });
    }
    triggers(w);
    return id;
  }

  // When the page has asked: data-once, or not again for data-every-days days.
  function mayShowItself(w) {
    var once = w.el.getAttribute('data-once') !== null;
    var days = Number(w.el.getAttribute('data-every-days'));
    if (!once && !(days > 0)) return true;
    try {
      var last = Number(localStorage.getItem(PREFIX + 'shown:' + w.id));
      if (last && (once || Date.now() - last < days * DAY)) return false;
      localStorage.setItem(PREFIX + 'shown:' + w.id, String(Date.now()));
    } catch (e) {
      // Storage blocked: shown, as if for the first time.
    }
    return true;
  }

  function listen(w, target, type, fn, options) {
    target.addEventListener(type, fn, options);
    w.off.push(function () { target.removeEventListener(type, fn, options); });
  }

  function triggers(w) {
    var el = w.el;
    var fired = false;
    function fire() {
      if (fired || w.dialog.open) return;
      fired = true;
      w.off.forEach(function (off) { off(); });
      w.off = [];
      clearTimeout(w.timer);
      if (mayShowItself(w)) open(w.id);
    }
    var after = Number(el.getAttribute('data-open-after'));
    if (after >= 0 && el.getAttribute('data-open-after') !== null) w.timer = setTimeout(fire, after * 1000);
    var at = Number(el.getAttribute('data-open-at-scroll'));
    if (at > 0 && at <= 100) {
      var deep = function () {
        var range = document.documentElement.scrollHeight - innerHeight;
        if (range > 0 && (scrollY / range) * 100 >= at) fire();
      };
      listen(w, window, 'scroll', deep, { passive: true });
      // A page opened (or reloaded) already scrolled that far.
      setTimeout(deep, 0);
    }
    if (el.getAttribute('data-open-on-exit') !== null && matchMedia('(hover: hover) and (pointer: fine)').matches) {
      listen(w, document, 'mouseout', function (e) {
        if (!e.relatedTarget && e.clientY <= 0) fire();
      });
    }
  }

  function open(id) {
    var w = widgets[id];
    if (!w || !w.dialog || w.dialog.open) return;
    var active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    w.opener = active;
    load(w);
    w.overflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
    w.shown = true;
    w.dialog.showModal();
    emit(w, 'open');
  }

  function close(id) {
    var w = widgets[id];
    if (w && w.dialog && w.dialog.open) {
      w.dialog.close();
      closed(w);
    }
  }

  // After the dialog closed, by any way: the page scrolls again and focus goes back. Run at once
  // for a close the loader makes, since the dialog's close event is a task queued for later, and
  // from that event for any other (a form's method=dialog, the browser's own); once either way.
  function closed(w) {
    if (!w.shown) return;
    w.shown = false;
    document.documentElement.style.overflow = w.overflow || '';
    if (w.opener && w.opener.focus && w.opener.isConnected) w.opener.focus();
    emit(w, 'close');
  }

  function toggle(id) {
    var w = widgets[id];
    if (w && w.dialog) (w.dialog.open ? close : open)(id);
  }

  function unmount(id) {
    var w = widgets[id];
    if (!w) return;
    close(id);
    w.off.forEach(function (off) { off(); });
    clearTimeout(w.timer);
    if (w.observer) w.observer.disconnect();
    if (w.listen) window.removeEventListener('message', w.listen);
    w.host.remove();
    w.el.removeAttribute('data-client-fit-mounted');
    delete widgets[id];
  }

  // fn(detail) for each event of `type` ('complete' or 'client-fit:complete'); returns what stops it.
  function on(id, type, fn) {
    var w = widgets[id];
    if (!w || typeof fn !== 'function') return function () {};
    var name = type.indexOf(PREFIX) === 0 ? type : PREFIX + type;
    var handler = function (e) { fn(e.detail); };
    w.el.addEventListener(name, handler);
    return function () { w.el.removeEventListener(name, handler); };
  }

  // Openers anywhere on the page, now or added later.
  function opener(e) {
    var target = e.target && e.target.closest && e.target.closest('[data-client-fit-open]');
    return target && widgets[target.getAttribute('data-client-fit-open')];
  }
  document.addEventListener('click', function (e) {
    var w = opener(e);
    if (w && w.dialog) {
      e.preventDefault();
      open(w.id);
    }
  });
  ['pointerover', 'focusin'].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var w = opener(e);
      if (w && w.dialog) load(w);
    });
  });

  function mountAll() {
    var ids = ((script && script.getAttribute('data-mount')) || '').split(/[\s,]+/);
    ids.forEach(function (id) {
      if (id) mount(document.getElementById(id));
    });
  }

  window.ClientFit = { mount: mount, open: open, close: close, toggle: toggle, unmount: unmount, on: on };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
