//! Standard normal draws by the Ziggurat method (Marsaglia and Tsang 2000),
//! 256 layers.
//!
//! The tables are computed once, deterministically, with `libm` (`exp`, `log`,
//! `erfc`) and `sqrt` from the tail start R = 3.654152885361008796 and the
//! layer area V = R f(R) + sqrt(pi/2) erfc(R / sqrt 2), f(x) = exp(-x^2/2).
//! The fast path (about 99 % of draws) uses one 64-bit output and no
//! transcendental function: the low 8 bits pick the layer, the top 53 bits
//! give a uniform in [-1, 1).

use crate::rng::RunRng;
use std::sync::OnceLock;

/// Number of layers.
const LAYERS: usize = 256;

/// Start of the tail, x_1 = R (3.654152885361008796, Marsaglia and Tsang 2000).
const R: f64 = 3.654_152_885_361_009;

/// 2^-52: spacing of the symmetric uniforms.
const TWO_POW_M52: f64 = 1.0 / 4_503_599_627_370_496.0;

/// Ziggurat tables: layer edges `x` (x_0 = V / f(R) > R, x_1 = R, ...,
/// x_256 = 0) and `f[i]` = f(x_i).
#[derive(Debug)]
pub struct Ziggurat {
    x: [f64; LAYERS + 1],
    f: [f64; LAYERS + 1],
}

/// Unnormalised standard normal density f(x) = exp(-x^2 / 2).
fn density(x: f64) -> f64 {
    libm::exp(-0.5 * x * x)
}

impl Ziggurat {
    /// Builds the tables (about 260 `libm` calls).
    fn build() -> Ziggurat {
        let f_r = density(R);
        let v = R * f_r + libm::sqrt(std::f64::consts::FRAC_PI_2) * libm::erfc(R / std::f64::consts::SQRT_2);
        let mut x = [0.0; LAYERS + 1];
        x[0] = v / f_r;
        x[1] = R;
        for i in 1..LAYERS - 1 {
            let next = v / x[i] + density(x[i]);
            // next < 1 for every layer; the max guards the last layer against rounding.
            x[i + 1] = (-2.0 * libm::log(next)).max(0.0).sqrt();
        }
        x[LAYERS] = 0.0;
        let mut f = [0.0; LAYERS + 1];
        for i in 0..=LAYERS {
            f[i] = density(x[i]);
        }
        Ziggurat { x, f }
    }

    /// The shared tables, built on first use.
    pub fn get() -> &'static Ziggurat {
        static TABLES: OnceLock<Ziggurat> = OnceLock::new();
        TABLES.get_or_init(Ziggurat::build)
    }

    /// One standard normal draw (mean 0, sd 1).
    #[inline]
    pub fn sample(&self, rng: &mut RunRng) -> f64 {
        loop {
            let bits = rng.next_u64();
            let i = (bits & 0xff) as usize;
            let u = (bits >> 11) as f64 * TWO_POW_M52 - 1.0;
            let x = u * self.x[i];
            if x.abs() < self.x[i + 1] {
                return x;
            }
            if i == 0 {
                return tail(rng, u < 0.0);
            }
            let y = self.f[i + 1] + (self.f[i] - self.f[i + 1]) * rng.uniform();
            if y < density(x) {
                return x;
            }
        }
    }
}

/// A draw from the normal tail beyond R (Marsaglia 1964), negated when `negative`.
#[cold]
fn tail(rng: &mut RunRng, negative: bool) -> f64 {
    loop {
        let x = libm::log(rng.open01()) / R;
        let y = libm::log(rng.open01());
        if -2.0 * y >= x * x {
            return if negative { x - R } else { R - x };
        }
    }
}

/// One standard normal draw from the shared tables.
#[inline]
pub fn standard_normal(rng: &mut RunRng) -> f64 {
    Ziggurat::get().sample(rng)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_close_at_zero() {
        let z = Ziggurat::get();
        assert!(z.x[0] > R && z.x[1] == R);
        for i in 1..LAYERS {
            assert!(z.x[i + 1] < z.x[i], "layer {i}");
        }
        // The top layer must have the same area V as the others (checks R against V).
        let v = z.x[0] * z.f[1];
        let top = z.x[LAYERS - 1] * (1.0 - z.f[LAYERS - 1]);
        assert!((top - v).abs() < 1e-9 * v, "top {top} vs V {v}");
    }
}
