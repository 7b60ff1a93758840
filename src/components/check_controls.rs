use crate::hooks::CheckRunner;
use crate::model::UiText;
use yew::prelude::*;

/// A check's button (start, or cancel while it runs) and its status line, which is always
/// there so that "Checking…" and what follows are announced. A function rather than a
/// component: it has no state of its own, and each component costs the wasm about 1 KB gzip.
pub fn check_controls(
    text: &UiText,
    check: &CheckRunner,
    start_label: &str,
    on_start: Callback<MouseEvent>,
) -> Html {
    let running = check.is_running();
    html! {
        <>
            <div class="et-actions">
                if running {
                    <button type="button" class="et-button et-button--secondary" onclick={check.on_cancel()}>{ text.check_cancel() }</button>
                } else {
                    <button type="button" class="et-button et-button--secondary" onclick={on_start}>{ start_label.to_owned() }</button>
                }
            </div>
            <p class="et-check-status" role="status">
                { if running { text.check_running().to_owned() } else { check.message() } }
            </p>
        </>
    }
}
