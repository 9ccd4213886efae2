//! A linear mapping between a data interval and a pixel interval.

/// Maps `domain` linearly onto `range`; [`LinearScale::invert`] maps back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    /// Data interval `(d0, d1)`.
    pub domain: (f64, f64),
    /// Pixel interval `(r0, r1)`.
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` to `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        LinearScale { domain, range }
    }

    fn span(&self) -> f64 {
        let s = self.domain.1 - self.domain.0;
        if s == 0.0 || !s.is_finite() {
            1.0
        } else {
            s
        }
    }

    /// The pixel position of `v`.
    pub fn map(&self, v: f64) -> f64 {
        self.range.0 + (v - self.domain.0) / self.span() * (self.range.1 - self.range.0)
    }

    /// The data value at pixel `px` (the inverse of [`LinearScale::map`]).
    pub fn invert(&self, px: f64) -> f64 {
        let r = self.range.1 - self.range.0;
        if r == 0.0 {
            return self.domain.0;
        }
        self.domain.0 + (px - self.range.0) / r * self.span()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_and_invert_are_inverse() {
        let s = LinearScale::new((0.0, 400.0), (100.0, 500.0));
        assert_eq!(s.map(0.0), 100.0);
        assert_eq!(s.map(384.0), 484.0);
        for px in [100.0, 233.3, 500.0] {
            assert!((s.map(s.invert(px)) - px).abs() < 1e-9);
        }
    }

    #[test]
    fn a_degenerate_domain_does_not_divide_by_zero() {
        let s = LinearScale::new((5.0, 5.0), (0.0, 10.0));
        assert!(s.map(5.0).is_finite());
        assert!(s.invert(3.0).is_finite());
        // A zero-width domain maps as if it were one unit wide.
        assert_eq!(s.map(5.0), 0.0);
        assert!((s.invert(3.0) - 5.3).abs() < 1e-12);
    }
}
