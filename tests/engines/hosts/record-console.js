// Loaded before the embed script on the engine tests' host pages. Writes every console error,
// uncaught error and unhandled rejection into sessionStorage, tagged with the document it came
// from, so a test can read them after the page was reloaded or left in the same tab: WebDriver
// classic (WebKit) has no console log, and a page that is going away may not get its last
// messages to a driver.
(() => {
  const KEY = "engines:problems";
  const documentNumber = Number(sessionStorage.getItem("engines:documents") ?? 0) + 1;
  sessionStorage.setItem("engines:documents", String(documentNumber));
  const record = (line) => {
    const lines = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    lines.push(`document ${documentNumber} (${location.pathname}): ${line}`);
    sessionStorage.setItem(KEY, JSON.stringify(lines));
  };
  const show = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  const error = console.error;
  console.error = (...args) => {
    record(`console error: ${args.map(show).join(" ")}`);
    error.apply(console, args);
  };
  addEventListener("error", (event) => record(`uncaught: ${event.message}`));
  addEventListener("unhandledrejection", (event) => record(`unhandled rejection: ${show(event.reason)}`));
})();
