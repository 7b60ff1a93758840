use crate::model::digits::{push_signed, signed_decimal};
use qrcodegen::{QrCode as Code, QrCodeEcc};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    pub text: AttrValue,
    pub label: AttrValue,
}

/// CSS pixels a module is drawn at: phones' cameras read 4 and more reliably off a screen.
const MODULE_PX: i32 = 4;

/// A QR code as an SVG image: one path of black squares on white in any theme, sized from
/// its module count so that each module is `MODULE_PX` wide.
#[component]
pub fn QrCode(props: &QrCodeProps) -> Html {
    let drawn = use_memo(props.text.clone(), |text| {
        let code = Code::encode_text(text, QrCodeEcc::Low).ok()?;
        let size = code.size();
        let mut path = String::new();
        // One rectangle for each run of dark modules in a row: a shorter path to build and draw.
        for y in 0..size {
            let mut x = 0;
            while x < size {
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                if x > start {
                    path.push('M');
                    push_signed(&mut path, i64::from(start));
                    path.push(' ');
                    push_signed(&mut path, i64::from(y));
                    path.push('h');
                    push_signed(&mut path, i64::from(x - start));
                    path.push_str("v1H");
                    push_signed(&mut path, i64::from(start));
                    path.push('z');
                }
                x += 1;
            }
        }
        Some((size, path))
    });
    let Some((size, path)) = drawn.as_ref().clone() else {
        return html! {};
    };
    // A quiet zone of four modules all round, as scanners expect.
    let side = signed_decimal(i64::from(size) + 8);
    let shown = signed_decimal((i64::from(size) + 8) * i64::from(MODULE_PX));
    html! {
        <svg class="et-qr" viewBox={["-4 -4 ", &*side, " ", &*side].concat()} width={shown.clone()} height={shown}
            role="img" aria-label={props.label.clone()}>
            <rect x="-4" y="-4" width={side.clone()} height={side} fill="#ffffff" />
            <path d={path} fill="#000000" />
        </svg>
    }
}
