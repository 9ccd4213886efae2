//! The one definition of the charts' colours, for canvas, SVG and DOM alike.
//!
//! The class ramps are sequential and vary in lightness (so they stay ordered
//! for every colour-vision deficiency); each class colour reaches 3:1 against
//! its theme's background (see `tests/contrast.rs`).

/// A colour as 8-bit sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let f = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(self.0) + 0.7152 * f(self.1) + 0.0722 * f(self.2)
    }

    /// Whether a text on this colour should be light: its weighted sRGB
    /// value under 118 of 255 (relative luminance under about 0.18), without
    /// `powf`, which would bring libm's `pow` into the first-paint kernel.
    pub fn is_dark(self) -> bool {
        2126 * u32::from(self.0) + 7152 * u32::from(self.1) + 722 * u32::from(self.2) < 118 * 10_000
    }

    /// WCAG 2 contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

impl From<Rgb> for plotters::style::RGBColor {
    fn from(c: Rgb) -> Self {
        plotters::style::RGBColor(c.0, c.1, c.2)
    }
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Dark text on a light background (the default).
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

impl ThemeName {
    /// Parses `light` or `dark`.
    pub fn parse(s: &str) -> Result<ThemeName, String> {
        match s {
            "light" => Ok(ThemeName::Light),
            "dark" => Ok(ThemeName::Dark),
            other => Err(format!("theme: \"{}\" is not a theme; use \"light\" or \"dark\"", crate::model::clip(other))),
        }
    }

    /// The theme's name as [`ThemeName::parse`] reads it (and CSS's
    /// `color-scheme` takes it): `light` or `dark`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Light => "light",
            ThemeName::Dark => "dark",
        }
    }
}

/// The four system colours of forced-colors mode (Windows high contrast and
/// the like), as the page resolves the CSS keywords: what the canvas, which
/// the browser cannot recolour, is drawn in then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SystemColors {
    /// `CanvasText`: text, lines, marks.
    pub canvas_text: Rgb,
    /// `Canvas`: the background.
    pub canvas: Rgb,
    /// `Highlight`: the focus ring, and what must stand out (alleged claims).
    pub highlight: Rgb,
    /// `GrayText`: grid lines and the active period's band.
    pub gray_text: Rgb,
}

impl SystemColors {
    /// Reads four colours as numbers `0xRRGGBB`: `CanvasText`, `Canvas`,
    /// `Highlight` and `GrayText`, in that order; `None` for any other count.
    pub fn from_numbers(n: &[u32]) -> Option<SystemColors> {
        let rgb = |n: u32| {
            let [_, r, g, b] = n.to_be_bytes();
            Rgb(r, g, b)
        };
        match *n {
            [canvas_text, canvas, highlight, gray_text] => {
                Some(SystemColors { canvas_text: rgb(canvas_text), canvas: rgb(canvas), highlight: rgb(highlight), gray_text: rgb(gray_text) })
            }
            _ => None,
        }
    }
}

/// Every colour a chart uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// Chart background.
    pub background: Rgb,
    /// Titles, labels, values.
    pub text: Rgb,
    /// Subtitles, source lines, axis labels.
    pub text_muted: Rgb,
    /// Axis lines and ticks.
    pub axis: Rgb,
    /// Light grid lines and the unpublished-group markers' outline.
    pub grid: Rgb,
    /// Fill of each colour class, lowest first.
    pub classes: [Rgb; 5],
    /// The active-period span on the timeline.
    pub span: Rgb,
    /// The period's label inside its span.
    pub on_span: Rgb,
    /// Marks of reported events.
    pub reported: Rgb,
    /// Marks of secondary or alleged claims.
    pub alleged: Rgb,
    /// Focus ring.
    pub focus: Rgb,
    /// The map's countries with no victims reported (and the ground of the
    /// "count not published" hatching).
    pub land: Rgb,
    /// The map's borders and coasts.
    pub border: Rgb,
    /// The lines of the map's hatching: affected, count not published.
    pub hatch: Rgb,
}

impl Theme {
    /// The light theme.
    pub const fn light() -> Theme {
        Theme {
            name: ThemeName::Light,
            background: Rgb(0xff, 0xff, 0xff),
            text: Rgb(0x1a, 0x1a, 0x1a),
            text_muted: Rgb(0x5c, 0x5f, 0x66),
            axis: Rgb(0x6b, 0x6f, 0x76),
            grid: Rgb(0xe3, 0xe5, 0xe8),
            classes: [Rgb(0xd4, 0x66, 0x1a), Rgb(0xb8, 0x4a, 0x12), Rgb(0x96, 0x33, 0x0c), Rgb(0x71, 0x20, 0x08), Rgb(0x4a, 0x10, 0x03)],
            span: Rgb(0xf1, 0xd9, 0xc4),
            on_span: Rgb(0x1a, 0x1a, 0x1a),
            reported: Rgb(0x96, 0x33, 0x0c),
            alleged: Rgb(0x4b, 0x4f, 0xa8),
            focus: Rgb(0x1f, 0x5f, 0xd6),
            land: Rgb(0xe9, 0xeb, 0xee),
            border: Rgb(0xb9, 0xbe, 0xc6),
            hatch: Rgb(0x5c, 0x5f, 0x66),
        }
    }

    /// The dark theme: the class ramp runs the other way (more is lighter).
    pub const fn dark() -> Theme {
        Theme {
            name: ThemeName::Dark,
            background: Rgb(0x15, 0x17, 0x1a),
            text: Rgb(0xec, 0xec, 0xec),
            text_muted: Rgb(0xa8, 0xad, 0xb5),
            axis: Rgb(0x8a, 0x90, 0x99),
            grid: Rgb(0x33, 0x37, 0x3d),
            classes: [Rgb(0xb8, 0x54, 0x1c), Rgb(0xdc, 0x73, 0x30), Rgb(0xf0, 0x9a, 0x55), Rgb(0xf8, 0xc0, 0x8c), Rgb(0xfd, 0xe4, 0xc8)],
            span: Rgb(0x4a, 0x33, 0x22),
            on_span: Rgb(0xec, 0xec, 0xec),
            reported: Rgb(0xf0, 0x9a, 0x55),
            alleged: Rgb(0xa9, 0xb0, 0xff),
            focus: Rgb(0x7a, 0xb0, 0xff),
            land: Rgb(0x20, 0x23, 0x27),
            border: Rgb(0x4a, 0x50, 0x58),
            hatch: Rgb(0xa8, 0xad, 0xb5),
        }
    }

    /// The forced-colors theme: only the system colours. Classes are no
    /// longer told apart by colour (every class is `CanvasText`) but by line
    /// patterns, the same on the map, the bars and their legends
    /// (`ChartOptions::patterns`, which the web layer sets with this theme);
    /// each bar carries its figure too. Alleged and secondary claims keep their tags and are
    /// drawn in `Highlight`; the focus ring too. Light or dark by the
    /// lightness of `Canvas` (for the page's `color-scheme`).
    pub fn forced(s: SystemColors) -> Theme {
        let name = if s.canvas.is_dark() { ThemeName::Dark } else { ThemeName::Light };
        Theme {
            name,
            background: s.canvas,
            text: s.canvas_text,
            text_muted: s.canvas_text,
            axis: s.canvas_text,
            grid: s.gray_text,
            classes: [s.canvas_text; 5],
            span: s.gray_text,
            // `GrayText` is made to be read on `Canvas`, and so the other way
            // round; `CanvasText` on it can be 1.5:1.
            on_span: s.canvas,
            reported: s.canvas_text,
            alleged: s.highlight,
            focus: s.highlight,
            land: s.canvas,
            border: s.canvas_text,
            hatch: s.canvas_text,
        }
    }

    /// The theme called `name`, or the forced-colors theme when the page is
    /// in forced-colors mode (`forced`: its system colours).
    pub fn of(name: ThemeName, forced: Option<SystemColors>) -> Theme {
        forced.map_or_else(|| Theme::named(name), Theme::forced)
    }

    /// The theme called `name`.
    pub fn named(name: ThemeName) -> Theme {
        // Copied from two tables in the module's data, not built field by
        // field in code (about 500 B of wasm less).
        const LIGHT: Theme = Theme::light();
        const DARK: Theme = Theme::dark();
        match name {
            ThemeName::Light => LIGHT,
            ThemeName::Dark => DARK,
        }
    }

    /// The fill of class `i` (the top class for an index past the end).
    pub fn class_color(&self, i: usize) -> Rgb {
        let last = self.classes.len().saturating_sub(1);
        self.classes.get(i.min(last)).copied().unwrap_or(self.text)
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn the_forced_theme_uses_the_system_colours_only() {
        let numbers = [0xff_ff_ff, 0, 0x1a_eb_ff, 0x3f_f2_3f];
        let s = SystemColors::from_numbers(&numbers).unwrap_or(SystemColors {
            canvas_text: Rgb(1, 1, 1),
            canvas: Rgb(1, 1, 1),
            highlight: Rgb(1, 1, 1),
            gray_text: Rgb(1, 1, 1),
        });
        assert_eq!(s.canvas, Rgb(0, 0, 0));
        assert_eq!(s.highlight, Rgb(0x1a, 0xeb, 0xff));
        let t = Theme::forced(s);
        assert_eq!(t.name, ThemeName::Dark);
        let allowed = [s.canvas_text, s.canvas, s.highlight, s.gray_text];
        for c in [t.background, t.text, t.text_muted, t.axis, t.grid, t.span, t.reported, t.alleged, t.focus, t.land, t.border, t.hatch]
            .iter()
            .chain(t.classes.iter())
        {
            assert!(allowed.contains(c), "{c:?} is not a system colour");
        }
        assert_eq!(SystemColors::from_numbers(&numbers[..3]), None);
        // Light or dark as the relative luminance says, around its 0.18.
        for c in [Rgb(0, 0, 0), Rgb(0x15, 0x17, 0x1a), Rgb(0x60, 0x60, 0x60), Rgb(0x80, 0x80, 0x80), Rgb(0xff, 0xff, 0xff), Rgb(0, 0, 0x80), Rgb(0xff, 0xff, 0)]
        {
            assert_eq!(c.is_dark(), c.luminance() < 0.18, "{c:?}: luminance {}", c.luminance());
        }
        assert_eq!(Theme::of(ThemeName::Light, None), Theme::light());
    }
}
