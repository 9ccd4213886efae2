//! The Equal Earth projection: equal-area, so no country looks bigger than
//! it is, with the pleasing outline of a Robinson-like world.
//!
//! Bojan Šavrič, Tom Patterson and Bernhard Jenny (2018), "The Equal Earth
//! map projection", International Journal of Geographical Information
//! Science 33(3): 454–465, doi:10.1080/13658816.2018.1504949. The forward
//! equations (their eq. 2) on a sphere of radius 1, central meridian 0.
//!
//! Conventions: input in degrees (longitude east, latitude north); output in
//! sphere radii, x east and y NORTH (the map layout flips y for the screen).

/// The polynomial coefficients A1–A4 of the paper.
const A1: f64 = 1.340_264;
const A2: f64 = -0.081_106;
const A3: f64 = 0.000_893;
const A4: f64 = 0.003_796;

/// M = √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;

/// The projected x of longitude ±180° on the equator (the map's half width).
pub const HALF_WIDTH: f64 = std::f64::consts::PI / (M * A1);

/// Projects a point in degrees to unit-sphere Equal Earth coordinates
/// (x east, y north). Latitudes outside ±90° are clamped.
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let phi = lat.clamp(-90.0, 90.0).to_radians();
    let theta = (M * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The radius of the sphere with the WGS84 ellipsoid's area (its authalic
    /// radius), as PROJ and cartopy use for `+proj=eqearth +ellps=WGS84`.
    const R_AUTHALIC_WGS84: f64 = 6_371_007.180_918_475;

    #[test]
    fn published_extents_and_aspect_ratio() {
        // Cartopy's tests of PROJ's eqearth (+ellps=WGS84): x limits
        // ±17,243,959.0622169 m, y limits ±8,392,927.59846646 m. On the
        // equator and at the poles the authalic latitude equals the
        // geodetic one, so the spherical formula at the authalic radius gives
        // exactly these.
        let (x, y0) = equal_earth(180.0, 0.0);
        assert!((x * R_AUTHALIC_WGS84 - 17_243_959.062_216_9).abs() < 1e-3, "{}", x * R_AUTHALIC_WGS84);
        assert_eq!(y0, 0.0);
        let (x_pole, y) = equal_earth(180.0, 90.0);
        assert!((y * R_AUTHALIC_WGS84 - 8_392_927.598_466_46).abs() < 1e-3, "{}", y * R_AUTHALIC_WGS84);
        // PROJ's gie test: +proj=eqearth +R=6378137, (180, 0) → 17,263,256.84 m (1 cm).
        assert!((x * 6_378_137.0 - 17_263_256.84).abs() < 0.01, "{}", x * 6_378_137.0);
        // The paper: the ratio of the axes is 2.05458; the poles are lines
        // (x at the pole about 0.5 of x on the equator: a flat-polar projection).
        assert!((x / y - 2.05458).abs() < 1.5e-5, "{}", x / y);
        assert!((HALF_WIDTH - x).abs() < 1e-12);
        assert!(x_pole > 0.5 * x && x_pole < 0.6 * x, "{x_pole}");
    }

    #[test]
    fn symmetric_and_monotonic() {
        for (lon, lat) in [(10.0, 20.0), (-75.5, 63.0), (179.9, -55.0)] {
            let (x, y) = equal_earth(lon, lat);
            assert_eq!(equal_earth(-lon, lat), (-x, y));
            assert_eq!(equal_earth(lon, -lat), (x, -y));
        }
        let ys: Vec<f64> = (-90..=90).map(|lat| equal_earth(0.0, f64::from(lat)).1).collect();
        assert!(ys.windows(2).all(|w| matches!(w, [a, b] if b > a)));
        assert_eq!(equal_earth(0.0, 200.0), equal_earth(0.0, 90.0));
    }

    #[test]
    fn equal_area() {
        // A 1° cell's projected area is its share of the sphere's: the area
        // between two parallels is 2π(sin φ2 − sin φ1) for the whole band.
        for lat in [0.0, 30.0, 60.0, 80.0] {
            let corner = |lo: f64, la: f64| equal_earth(lo, la);
            let (a, b, c, d) = (corner(10.0, lat), corner(11.0, lat), corner(11.0, lat + 1.0), corner(10.0, lat + 1.0));
            let area = 0.5 * ((a.0 * b.1 - b.0 * a.1) + (b.0 * c.1 - c.0 * b.1) + (c.0 * d.1 - d.0 * c.1) + (d.0 * a.1 - a.0 * d.1));
            let sphere = (1.0f64).to_radians() * ((lat + 1.0f64).to_radians().sin() - f64::to_radians(lat).sin());
            assert!((area / sphere - 1.0).abs() < 2e-3, "lat {lat}: {area} vs {sphere}");
        }
    }
}
