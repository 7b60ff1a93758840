//! Numbers written as text by hand: `format!` and `to_string()` on a number bring in
//! `core::fmt`'s machinery and a formatter per type, kilobytes of the wasm for a few digits.

/// `n` in decimal: "0", "42".
pub fn decimal(n: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, n);
    out
}

/// Appends `n` in decimal.
pub fn push_decimal(out: &mut String, n: u64) {
    push_padded(out, n, 0);
}

/// `n` in decimal, with a minus sign if it is negative.
pub fn signed_decimal(n: i64) -> String {
    let mut out = String::new();
    push_signed(&mut out, n);
    out
}

/// Appends `n` in decimal, with a minus sign if it is negative.
pub fn push_signed(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_decimal(out, n.unsigned_abs());
}

/// Appends `n` in decimal with at least `width` digits, zeros in front: ("{n:02}").
pub fn push_padded(out: &mut String, n: u64, width: usize) {
    push_digits(out, n, 10, width, b"0123456789");
}

/// Appends `n` in lower-case hexadecimal with at least `width` digits ("{n:08x}").
pub fn push_hex(out: &mut String, n: u64, width: usize) {
    push_digits(out, n, 16, width, b"0123456789abcdef");
}

/// Appends `n` in upper-case hexadecimal with at least `width` digits ("{n:02X}").
pub fn push_upper_hex(out: &mut String, n: u64, width: usize) {
    push_digits(out, n, 16, width, b"0123456789ABCDEF");
}

fn push_digits(out: &mut String, n: u64, base: u64, width: usize, symbols: &[u8]) {
    // u64::MAX has 20 decimal digits, fewer in any larger base.
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = symbols[(rest % base) as usize];
        rest /= base;
        if rest == 0 || start == 0 {
            break;
        }
    }
    for _ in digits.len() - start..width {
        out.push('0');
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [
            0,
            1,
            9,
            10,
            99,
            100,
            255,
            4096,
            65_535,
            1_234_567_890,
            u64::MAX,
        ] {
            assert_eq!(decimal(n), format!("{n}"));
            let signed = i64::try_from(n / 2).unwrap_or(i64::MAX);
            for m in [signed, -signed, i64::MIN] {
                let mut out = String::new();
                push_signed(&mut out, m);
                assert_eq!(out, format!("{m}"));
            }
            for width in [0, 1, 2, 4, 8, 16, 25] {
                let mut out = String::from(">");
                push_padded(&mut out, n, width);
                push_hex(&mut out, n, width);
                push_upper_hex(&mut out, n, width);
                assert_eq!(out, format!(">{n:0width$}{n:0width$x}{n:0width$X}"));
            }
        }
    }
}
