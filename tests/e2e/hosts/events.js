// An analytics listener as a host would write one: on the document, for every widget event.
window.received = [];
for (const name of ["troubleshooter-answered", "troubleshooter-changed", "troubleshooter-finished", "troubleshooter-resolved", "troubleshooter-reset"]) {
  document.addEventListener(name, (event) => {
    window.received.push({ name, detail: event.detail, target: event.target.localName, composed: event.composed });
  });
}
