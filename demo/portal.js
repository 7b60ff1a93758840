// The webmail portal demo: its help link opens the troubleshooter in a dialog. The widget's
// script is only loaded the first time someone asks for help, so the inbox pays nothing for it.

const dialog = document.getElementById("mail-app-help");

document.getElementById("help-link").addEventListener("click", (event) => {
  event.preventDefault();
  import("./email-troubleshooter.js");
  dialog.showModal();
});

document.getElementById("close-help").addEventListener("click", () => dialog.close());
