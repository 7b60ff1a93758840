use qrcodegen::{QrCode as Code, QrCodeEcc};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    pub text: AttrValue,
    pub label: AttrValue,
}

/// A QR code as an SVG image: one path of dark squares, drawn in the text colour.
#[component]
pub fn QrCode(props: &QrCodeProps) -> Html {
    let drawn = use_memo(props.text.clone(), |text| {
        let code = Code::encode_text(text, QrCodeEcc::Low).ok()?;
        let size = code.size();
        let mut path = String::new();
        for y in 0..size {
            for x in 0..size {
                if code.get_module(x, y) {
                    path.push_str(&format!("M{x} {y}h1v1h-1z"));
                }
            }
        }
        Some((size, path))
    });
    let Some((size, path)) = drawn.as_ref().clone() else {
        return html! {};
    };
    // A quiet zone of four modules all round, as scanners expect.
    let view_box = format!("-4 -4 {} {}", size + 8, size + 8);
    html! {
        <svg class="et-qr" viewBox={view_box} role="img" aria-label={props.label.clone()}>
            <rect x="-4" y="-4" width={(size + 8).to_string()} height={(size + 8).to_string()} fill="#ffffff" />
            <path d={path} fill="#000000" />
        </svg>
    }
}
