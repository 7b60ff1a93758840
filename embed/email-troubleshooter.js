// <email-troubleshooter>: the one file a host page includes.
// It defines the element and loads the wasm from beside itself, so dist/ can live at any path.
// Whatever the host put inside the element stays on show until the widget is ready.

let app;
const load = () =>
  (app ??= import("./email_troubleshooter.js").then(async (glue) => {
    await glue.default({ module_or_path: new URL("email_troubleshooter_bg.wasm", import.meta.url) });
    return glue;
  }));

class EmailTroubleshooter extends HTMLElement {
  connectedCallback() {
    load()
      .then((glue) => {
        if (this.isConnected && !this.widget) this.widget = glue.mount(this);
      })
      .catch((error) => console.error("email-troubleshooter: could not start; the page's own content stays.", error));
  }

  disconnectedCallback() {
    this.widget?.destroy();
    this.widget?.free();
    this.widget = undefined;
  }
}

if (!customElements.get("email-troubleshooter")) {
  customElements.define("email-troubleshooter", EmailTroubleshooter);
}
