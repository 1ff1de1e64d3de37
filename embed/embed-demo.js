// The example host page listens to the widgets' events the way an agency's analytics would, and
// hands a result over to its own endpoint only when the visitor pressed "Send my result".
window.clientFitEvents = [];
['ready', 'start', 'progress', 'complete', 'open', 'close', 'send'].forEach(function (name) {
  var type = 'client-fit:' + name;
  document.addEventListener(type, function (event) {
    window.clientFitEvents.push({ widget: event.target.id, detail: event.detail });
    var log = document.querySelector('[data-log-for="' + event.target.id + '"]');
    if (log) log.textContent = type + ' ' + JSON.stringify(event.detail);
  });
});
document.addEventListener('client-fit:send', function (event) {
  // A real page would post it to its own CRM endpoint, e.g.
  //   fetch('/api/leads', { method: 'POST', headers: { 'content-type': 'application/json' },
  //     body: JSON.stringify({ link: event.detail.link, fields: event.detail.hidden }) });
  window.clientFitLead = { link: event.detail.link, fields: event.detail.hidden || {} };
});
