//! Colour accessibility, computed from the themes themselves: WCAG 2 contrast
//! of every colour against its background, an ordered class ramp, and the
//! ramp's neighbours kept apart under simulated colour-vision deficiencies.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod golden;

use careto_viz::theme::{Rgb, SystemColors, Theme};

/// WCAG 2.x 1.4.3: normal-size text.
const TEXT_MIN: f64 = 4.5;
/// WCAG 2.x 1.4.11: graphical objects needed to understand the chart (bars, marks, outlines, focus).
const GRAPHIC_MIN: f64 = 3.0;
/// Neighbouring classes: at least this WCAG contrast between them, so that the
/// ramp is read by lightness alone (what every colour-vision deficiency keeps).
/// 1.25 is a clearly visible step for adjacent swatches; five classes at that
/// step still fit between a 3:1 floor and the theme's darkest/lightest colour.
const NEIGHBOUR_MIN: f64 = 1.25;
/// Neighbouring classes under simulated CVD: CIE76 ΔE at least this. ΔE76 ≈ 2.3
/// is a just-noticeable difference for large patches side by side; a bar and a
/// 13 px legend swatch seen apart need several times that. 8 (about 3.5 JND) is
/// the floor we hold; lightness is checked separately (NEIGHBOUR_MIN also under
/// simulation), and every bar carries its figure as text, so colour is never
/// the only cue (WCAG 1.4.1). Common guidance for clearly distinct data colours
/// is ΔE ≥ 10; pairs between 8 and 10 are reported by `report_the_palette`.
const SIMULATED_DELTA_E_MIN: f64 = 8.0;
/// Reported and alleged marks must differ in hue/lightness unmistakably.
const STATUS_DELTA_E_MIN: f64 = 20.0;

fn themes() -> [(&'static str, Theme); 2] {
    [("light", Theme::light()), ("dark", Theme::dark())]
}

// ---------------------------------------------------------------- colour maths

/// sRGB channel (0–255) to linear light (0–1), IEC 61966-2-1.
fn to_linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// Linear light (clamped to 0–1) back to an sRGB channel.
fn from_linear(v: f64) -> u8 {
    let v = v.clamp(0.0, 1.0);
    let s = if v <= 0.003_130_8 { 12.92 * v } else { 1.055 * v.powf(1.0 / 2.4) - 0.055 };
    // In 0..=255 after the clamp.
    u8::try_from(careto_viz::num::saturating_u32((s * 255.0).round())).unwrap_or(u8::MAX)
}

fn linear(c: Rgb) -> [f64; 3] {
    [to_linear(c.0), to_linear(c.1), to_linear(c.2)]
}

/// Machado, Oliveira & Fernandes (2009), "A physiologically-based model for
/// simulation of color vision deficiency", IEEE TVCG 15(6); matrices for
/// severity 1.0 (dichromacy), applied to linear RGB.
const PROTANOPIA: [[f64; 3]; 3] = [[0.152_286, 1.052_583, -0.204_868], [0.114_503, 0.786_281, 0.099_216], [-0.003_882, -0.048_116, 1.051_998]];
const DEUTERANOPIA: [[f64; 3]; 3] = [[0.367_322, 0.860_646, -0.227_968], [0.280_085, 0.672_501, 0.047_413], [-0.011_820, 0.042_940, 0.968_881]];
const TRITANOPIA: [[f64; 3]; 3] = [[1.255_528, -0.076_749, -0.178_779], [-0.078_411, 0.930_809, 0.147_602], [0.004_733, 0.691_367, 0.303_900]];

const DEFICIENCIES: [(&str, [[f64; 3]; 3]); 3] = [("protanopia", PROTANOPIA), ("deuteranopia", DEUTERANOPIA), ("tritanopia", TRITANOPIA)];

/// `c` as a dichromat of the given kind would see it.
fn simulate(c: Rgb, m: &[[f64; 3]; 3]) -> Rgb {
    let l = linear(c);
    let row = |r: &[f64; 3]| r[0] * l[0] + r[1] * l[1] + r[2] * l[2];
    Rgb(from_linear(row(&m[0])), from_linear(row(&m[1])), from_linear(row(&m[2])))
}

/// CIELAB (D65 white) of an sRGB colour.
fn lab(c: Rgb) -> [f64; 3] {
    let [r, g, b] = linear(c);
    let x = 0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b;
    let z = 0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b;
    let (xn, yn, zn) = (0.950_47, 1.0, 1.088_83);
    let d: f64 = 6.0 / 29.0;
    let f = |t: f64| if t > d.powi(3) { t.cbrt() } else { t / (3.0 * d * d) + 4.0 / 29.0 };
    let (fx, fy, fz) = (f(x / xn), f(y / yn), f(z / zn));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIE76 colour difference.
fn delta_e(a: Rgb, b: Rgb) -> f64 {
    let (p, q) = (lab(a), lab(b));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

// ---------------------------------------------------------------- WCAG contrast

fn assert_contrast(theme: &str, what: &str, fg: Rgb, bg: Rgb, min: f64) {
    let c = fg.contrast(bg);
    assert!(c >= min, "{theme}: {what} {} on {} has contrast {c:.2}, needs {min}", fg.hex(), bg.hex());
}

#[test]
fn class_colours_stand_out_from_the_background() {
    for (name, t) in themes() {
        for (k, c) in t.classes.iter().enumerate() {
            assert_contrast(name, &format!("class {k}"), *c, t.background, GRAPHIC_MIN);
        }
    }
}

#[test]
fn text_is_readable() {
    for (name, t) in themes() {
        assert_contrast(name, "text", t.text, t.background, TEXT_MIN);
        assert_contrast(name, "muted text", t.text_muted, t.background, TEXT_MIN);
        // Alleged claims' labels are set in the alleged colour.
        assert_contrast(name, "alleged (as label text)", t.alleged, t.background, TEXT_MIN);
        // The active period's label sits on the span.
        assert_contrast(name, "the period's label on its span", t.on_span, t.span, TEXT_MIN);
    }
}

/// Forced colours as Windows' contrast themes (Aquatic, Desert, Night sky,
/// Dusk) and Chromium's emulation resolve them: `CanvasText`, `Canvas`,
/// `Highlight`, `GrayText`.
const SYSTEM_PALETTES: [(&str, [u32; 4]); 5] = [
    ("Aquatic", [0xffffff, 0x202020, 0x8ee3f0, 0xa6a6a6]),
    ("Desert", [0x3d3d3d, 0xfffaef, 0x903909, 0x676767]),
    ("Night sky", [0xffffff, 0x000000, 0xd6b4fd, 0xa6a6a6]),
    ("Dusk", [0xffffff, 0x2d3236, 0xa1bfde, 0xa6a6a6]),
    ("Chromium's emulation", [0x000000, 0xffffff, 0x37006e, 0x600000]),
];

#[test]
fn in_forced_colours_the_periods_label_is_readable_on_its_span() {
    // `CanvasText` on `GrayText` was 1.5:1 in Chromium's emulation (1.9:1 in Desert):
    // the label inside the span is `Canvas`, which `GrayText` is made to be read on.
    for (name, numbers) in SYSTEM_PALETTES {
        let t = Theme::forced(SystemColors::from_numbers(&numbers).unwrap());
        assert_contrast(name, "the period's label on its span", t.on_span, t.span, TEXT_MIN);
        assert_contrast(name, "text", t.text, t.background, TEXT_MIN);
    }
}

#[test]
fn marks_and_lines_that_carry_meaning_are_visible() {
    for (name, t) in themes() {
        assert_contrast(name, "reported marks", t.reported, t.background, GRAPHIC_MIN);
        assert_contrast(name, "alleged marks", t.alleged, t.background, GRAPHIC_MIN);
        // The axis colour outlines the "count not published" swatch.
        assert_contrast(name, "axis", t.axis, t.background, GRAPHIC_MIN);
        assert_contrast(name, "focus ring", t.focus, t.background, GRAPHIC_MIN);
        // The year labels sit on the grid lines' background, never on the lines; but the
        // grid must stay quieter than the axis so the two are not confused.
        assert!(t.grid.contrast(t.background) < t.axis.contrast(t.background), "{name}: grid louder than axis");
    }
}

#[test]
fn reported_and_alleged_differ_for_everyone() {
    for (name, t) in themes() {
        let d = delta_e(t.reported, t.alleged);
        assert!(d >= STATUS_DELTA_E_MIN, "{name}: reported vs alleged ΔE {d:.1}");
        for (cvd, m) in &DEFICIENCIES {
            let d = delta_e(simulate(t.reported, m), simulate(t.alleged, m));
            assert!(d >= STATUS_DELTA_E_MIN, "{name} {cvd}: reported vs alleged ΔE {d:.1}");
        }
    }
}

#[test]
fn the_maps_tones_are_told_apart() {
    for (name, t) in themes() {
        // A country with a count stands out from its neighbours with none
        // reported: 3:1 (WCAG 1.4.11). Under simulated deficiencies the
        // lightest class loses some lightness (orange darkens for a
        // deuteranope: 2.7:1 in the light theme); it keeps at least 2.5:1 and
        // stays far apart in colour (ΔE ≥ 20), and a border line surrounds
        // every country anyway.
        for (k, c) in t.classes.iter().enumerate() {
            assert_contrast(name, &format!("class {k} on the land tone"), *c, t.land, GRAPHIC_MIN);
            for (cvd, m) in &DEFICIENCIES {
                let (a, b) = (simulate(*c, m), simulate(t.land, m));
                assert!(a.contrast(b) >= 2.5, "{name} {cvd}: class {k} on land {:.2}", a.contrast(b));
                assert!(delta_e(a, b) >= 20.0, "{name} {cvd}: class {k} on land ΔE {:.1}", delta_e(a, b));
            }
        }
        // The hatching of "affected, count not published" shows on the land tone and on the page.
        assert_contrast(name, "hatch lines on the land tone", t.hatch, t.land, GRAPHIC_MIN);
        assert_contrast(name, "hatch lines on the background", t.hatch, t.background, GRAPHIC_MIN);
        // Land is set apart from the sea by its tone and, more, by the border lines.
        assert!(t.land.contrast(t.background) >= 1.1, "{name}: land {} on {}", t.land.hex(), t.background.hex());
        assert!(t.border.contrast(t.background) >= 1.5 && t.border.contrast(t.land) >= 1.4, "{name}: borders");
        // Borders stay quieter than the hatching, so no border reads as a hatch line.
        assert!(t.border.contrast(t.land) < t.hatch.contrast(t.land), "{name}: borders louder than hatching");
    }
}

// ---------------------------------------------------------------- the class ramp

/// Whether luminances run one way, away from the background: darker classes on
/// a light background, lighter ones on a dark background.
fn ordered_away_from(bg: Rgb, classes: &[Rgb]) -> bool {
    let lum: Vec<f64> = classes.iter().map(|c| c.luminance()).collect();
    if bg.luminance() > 0.5 {
        lum.windows(2).all(|w| w[1] < w[0])
    } else {
        lum.windows(2).all(|w| w[1] > w[0])
    }
}

#[test]
fn the_ramp_is_ordered_by_lightness() {
    for (name, t) in themes() {
        assert!(ordered_away_from(t.background, &t.classes), "{name}: class luminances are not monotonic away from the background");
        // More is always more contrast with the background.
        let contrasts: Vec<f64> = t.classes.iter().map(|c| c.contrast(t.background)).collect();
        assert!(contrasts.windows(2).all(|w| w[1] > w[0]), "{name}: {contrasts:?}");
        for (k, w) in t.classes.windows(2).enumerate() {
            let c = w[0].contrast(w[1]);
            assert!(c >= NEIGHBOUR_MIN, "{name}: classes {k} {} and {} {} differ by only {c:.3}:1", w[0].hex(), k + 1, w[1].hex());
        }
    }
}

#[test]
fn the_ramp_survives_colour_vision_deficiencies() {
    for (name, t) in themes() {
        for (cvd, m) in &DEFICIENCIES {
            let sim: Vec<Rgb> = t.classes.iter().map(|c| simulate(*c, m)).collect();
            let bg = simulate(t.background, m);
            assert!(ordered_away_from(bg, &sim), "{name} {cvd}: the simulated ramp is out of order: {:?}", sim.iter().map(|c| c.hex()).collect::<Vec<_>>());
            for k in 0..sim.len() - 1 {
                let (a, b) = (sim[k], sim[k + 1]);
                let d = delta_e(a, b);
                assert!(d >= SIMULATED_DELTA_E_MIN, "{name} {cvd}: classes {k} and {} look alike (ΔE {d:.1}: {} vs {})", k + 1, a.hex(), b.hex());
                let c = a.contrast(b);
                assert!(c >= NEIGHBOUR_MIN, "{name} {cvd}: classes {k} and {} differ in lightness by only {c:.3}:1", k + 1);
            }
        }
    }
}

#[test]
fn the_simulation_is_sane() {
    // Greys are unchanged by every simulation (each matrix row sums to 1).
    for (cvd, m) in &DEFICIENCIES {
        for g in [0u8, 64, 128, 200, 255] {
            let s = simulate(Rgb(g, g, g), m);
            assert!(s.0.abs_diff(g) <= 1 && s.1.abs_diff(g) <= 1 && s.2.abs_diff(g) <= 1, "{cvd}: grey {g} → {s:?}");
        }
    }
    // Red and green, far apart for trichromats, come close for protans and deutans.
    let (red, green) = (Rgb(0xd0, 0x30, 0x30), Rgb(0x30, 0x90, 0x30));
    let normal = delta_e(red, green);
    assert!(normal > 60.0, "{normal}");
    assert!(delta_e(simulate(red, &DEUTERANOPIA), simulate(green, &DEUTERANOPIA)) < normal / 2.0);
    assert!(delta_e(simulate(red, &PROTANOPIA), simulate(green, &PROTANOPIA)) < normal / 2.0);
    // ΔE of white and black is 100.
    assert!((delta_e(Rgb(255, 255, 255), Rgb(0, 0, 0)) - 100.0).abs() < 0.01);
    // Our contrast agrees with WCAG's reference values.
    assert!((Rgb(255, 255, 255).contrast(Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
    assert!((Rgb(0x76, 0x76, 0x76).contrast(Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
}

/// The palette's figures (contrast, luminance, and each colour-vision
/// deficiency's neighbour ΔE and contrast) are the ones reviewed in
/// `tests/snapshots/palette.txt`: a palette change fails here until the new
/// figures are looked at and accepted (`UPDATE_SNAPSHOTS=1 cargo test --test
/// contrast`). Also printed with `--nocapture`.
#[test]
fn the_palette_report_is_the_reviewed_one() {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (name, t) in themes() {
        writeln!(out, "{name}: background {}", t.background.hex()).unwrap();
        for (k, c) in t.classes.iter().enumerate() {
            writeln!(out, "  class {k} {} contrast {:.2} luminance {:.4}", c.hex(), c.contrast(t.background), c.luminance()).unwrap();
        }
        for (cvd, m) in &DEFICIENCIES {
            let sim: Vec<Rgb> = t.classes.iter().map(|c| simulate(*c, m)).collect();
            let de: Vec<String> = sim.windows(2).map(|w| format!("{:.1}", delta_e(w[0], w[1]))).collect();
            let cr: Vec<String> = sim.windows(2).map(|w| format!("{:.2}", w[0].contrast(w[1]))).collect();
            writeln!(out, "  {cvd}: neighbour ΔE [{}], neighbour contrast [{}]", de.join(", "), cr.join(", ")).unwrap();
            for (k, w) in sim.windows(2).enumerate() {
                let d = delta_e(w[0], w[1]);
                if d < 10.0 {
                    writeln!(out, "    note: classes {k}/{} at ΔE {d:.1}, under the common 10", k + 1).unwrap();
                }
            }
        }
    }
    print!("{out}");
    golden::check("contrast", "palette", "txt", &out);
}
