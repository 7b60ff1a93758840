// The webmail portal demo: its help link opens the troubleshooter in a dialog. The widget's
// script is only loaded the first time someone asks for help, so the inbox pays nothing for it.

const dialog = document.getElementById("mail-app-help");

function openHelp() {
  import("./email-troubleshooter.js");
  if (!dialog.open) dialog.showModal();
}

document.getElementById("help-link").addEventListener("click", (event) => {
  event.preventDefault();
  openHelp();
});
document.getElementById("close-help").addEventListener("click", () => dialog.close());

// A continue-link made in the dialog leads back to this page: open the dialog to take it.
if (location.hash.startsWith("#troubleshooter:")) openHelp();
