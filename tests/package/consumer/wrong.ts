// Mistakes a consumer can make. Each line marked `// error TS<code>: <words>` must fail with
// exactly that diagnostic, its message holding those words, and no other line may fail.
import { mount, unmount } from "email-troubleshooter"; // error TS2724: named 'unmount'

const target = document.body;
mount(target, { theme: "blue" }); // error TS2322: '"blue"' is not assignable to type 'TroubleshooterTheme
mount(target, { lang: "fr" }); // error TS2322: '"fr"' is not assignable to type 'TroubleshooterLang
mount(target, { storagekey: "help" }); // error TS2561: 'storagekey' does not exist in type 'TroubleshooterSettings'
mount(target, { colour: "red" }); // error TS2353: 'colour' does not exist in type 'TroubleshooterSettings'
mount(target, { checkTimeout: "eight" }); // error TS2322: '"eight"' is not assignable
mount(target, { servers: { imap: { host: "mail.example.com", port: 993, security: "tls1.3" } } }); // error TS2322: '"tls1.3"' is not assignable
mount("#help"); // error TS2345: parameter of type 'Element'

const help = mount(target);
help.ready(); // error TS2349: 'Promise<void>' has no call signatures
help.reset("all"); // error TS2554: Expected 0 arguments
help.destroy().then(() => {}); // error TS2339: on type 'void'
help.unmount(); // error TS2339: 'unmount' does not exist on type 'TroubleshooterHandle'

document.addEventListener("troubleshooter-answered", (event) => {
  console.log(event.detail.stp); // error TS2551: 'stp' does not exist on type 'TroubleshooterAnswer'
  const date: string = event.detail.date; // error TS2322: 'string | undefined' is not assignable to type 'string'
  console.log(event.detail.previous); // error TS2339: 'previous' does not exist on type 'TroubleshooterAnswer'
});
document.querySelector("email-troubleshooter")?.addEventListener("troubleshooter-finished", (event) => {
  const findings: string = event.detail.findings; // error TS2322: 'string[]' is not assignable to type 'string'
  console.log(findings, event.detail.finding); // error TS2551: 'finding' does not exist on type 'TroubleshooterFinish'
});
document.addEventListener("troubleshooter-resolved", (event) => {
  console.log(event.detail.answers[0].pointTo); // error TS2551: 'pointTo' does not exist on type 'TroubleshooterAnswer'
});
