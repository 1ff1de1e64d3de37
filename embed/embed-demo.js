// The example host page listens to the widgets' events the way an agency's analytics would.
window.clientFitEvents = [];
['client-fit:ready', 'client-fit:start', 'client-fit:complete'].forEach(function (type) {
  document.addEventListener(type, function (event) {
    window.clientFitEvents.push({ widget: event.target.id, detail: event.detail });
    var log = document.querySelector('[data-log-for="' + event.target.id + '"]');
    if (log) log.textContent = type + ' ' + JSON.stringify(event.detail);
  });
});
