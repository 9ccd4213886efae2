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

    /// "Nice" tick values (1, 2 or 5 × 10ⁿ apart) inside the domain, about `count` of them.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let (lo, hi) = if self.domain.0 <= self.domain.1 { self.domain } else { (self.domain.1, self.domain.0) };
        let count = count.max(1) as f64;
        let raw = (hi - lo) / count;
        if !(raw.is_finite() && raw > 0.0) {
            return vec![lo];
        }
        let mag = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
        let first = (lo / step).ceil() as i64;
        let last = (hi / step).floor() as i64;
        (first..=last).map(|i| i as f64 * step).collect()
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
    fn ticks_are_nice() {
        assert_eq!(LinearScale::new((0.0, 384.0), (0.0, 1.0)).ticks(4), vec![0.0, 100.0, 200.0, 300.0]);
        assert_eq!(LinearScale::new((2007.0, 2026.0), (0.0, 1.0)).ticks(4), vec![2010.0, 2015.0, 2020.0, 2025.0]);
    }

    #[test]
    fn a_degenerate_domain_does_not_divide_by_zero() {
        let s = LinearScale::new((5.0, 5.0), (0.0, 10.0));
        assert!(s.map(5.0).is_finite());
        assert!(s.invert(3.0).is_finite());
    }
}
