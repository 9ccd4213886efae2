//! Conversions from floats to integers and from counts to floats, in one
//! place. Cargo.toml turns the cast lints on (`cast_possible_truncation`,
//! `cast_sign_loss`, `cast_possible_wrap`, `cast_precision_loss`); the casts
//! below are the crate's only exceptions outside the model's
//! [`crate::model::whole_u32`], and each says why it cannot surprise.

/// `v` as a `u32`, saturating, as Rust's float-to-integer `as` is defined to
/// do: NaN and anything below 0 give 0, anything above `u32::MAX` gives
/// `u32::MAX`; a fraction is dropped. Callers round and clamp first.
pub fn saturating_u32(v: f64) -> u32 {
    // Saturating by definition of `as` (no undefined or wrapped value).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = v as u32;
    n
}

/// `v` as an `i32`, saturating: NaN gives 0, out-of-range values the
/// nearest bound; a fraction is dropped. Callers round and clamp first.
pub fn saturating_i32(v: f64) -> i32 {
    // Saturating by definition of `as`.
    #[allow(clippy::cast_possible_truncation)]
    let n = v as i32;
    n
}

/// A CSS px coordinate rounded to the backends' integer grid (plotters
/// draws in whole units): layout keeps coordinates within a few thousand
/// px; anything not finite gives 0.
pub fn grid_px(v: f64) -> i32 {
    if v.is_finite() {
        saturating_i32(v.round().clamp(-1.0e6, 1.0e6))
    } else {
        0
    }
}

/// `v` as an `i64`, saturating: NaN gives 0, out-of-range values the
/// nearest bound; a fraction is dropped. Callers round and clamp first.
pub fn saturating_i64(v: f64) -> i64 {
    // Saturating by definition of `as`.
    #[allow(clippy::cast_possible_truncation)]
    let n = v as i64;
    n
}

/// `v` as an `f32`, for the font rasteriser of the native PNG renderer
/// (pixel positions and sizes of a few thousand at most, where `f32`'s 24
/// bits of mantissa are exact to far below a pixel). Out-of-range values
/// become infinities, which the rasteriser draws nothing for.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_f32(v: f64) -> f32 {
    // Rounding to the nearest f32 is what is wanted here.
    #[allow(clippy::cast_possible_truncation)]
    let n = v as f32;
    n
}

/// A count (of lanes, items, events) as a float: exact up to 2⁵³, far
/// beyond any count a chart holds.
pub fn count_f64(n: usize) -> f64 {
    // Exact for every n < 2^53.
    #[allow(clippy::cast_precision_loss)]
    let v = n as f64;
    v
}

/// A length in CSS px as whole pixels for a canvas: rounded up, at least 1
/// and at most 16,384 (layout keeps widths and heights to a few thousand).
pub fn css_px(v: f64) -> u32 {
    saturating_u32(v.ceil().clamp(1.0, 16_384.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_saturate_and_css_px_rounds_up_within_bounds() {
        assert_eq!(saturating_u32(f64::NAN), 0);
        assert_eq!(saturating_u32(-3.0), 0);
        assert_eq!(saturating_u32(1e12), u32::MAX);
        assert_eq!(saturating_u32(7.9), 7);
        assert_eq!(saturating_i32(-1e12), i32::MIN);
        assert_eq!(saturating_i64(2007.0), 2007);
        assert_eq!(count_f64(31), 31.0);
        assert_eq!(css_px(640.2), 641);
        assert_eq!(css_px(0.0), 1);
        assert_eq!(css_px(1e9), 16_384);
    }
}
