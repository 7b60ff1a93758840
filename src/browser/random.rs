//! Random bytes from the browser's cryptographic generator, for the set-up profile's UUIDs.

/// 32 random bytes from `crypto.getRandomValues`; `None` where the browser has no `crypto`.
pub fn bytes() -> Option<[u8; 32]> {
    let mut bytes = [0u8; 32];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(bytes)
}
