// Loads the app's wasm; its main() renders the page into <body>.
import init from "./email_troubleshooter_example.js";

await init();
