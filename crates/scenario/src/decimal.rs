//! Plain decimals (`123`, `-0.3`, `0.30000000000000004`) to `f64`, rounded
//! correctly: the nearest double, ties to even, the same bits as
//! `str::parse::<f64>` (tested against it).
//!
//! Why not `str::parse`: the page reads numbers only in this plain form (a
//! link's values, a typed field, a pasted count), and the standard parser
//! brings a 10 KB table of powers of five and its general algorithm into the
//! page's WebAssembly for exponents and lengths the page never accepts. Here
//! a decimal of at most [`MAX_DIGITS`] digits is a ratio of two integers below
//! 2^80, divided exactly one bit at a time in `u128` arithmetic.

/// The most digits (whole and fraction together) read: 10^24 < 2^80, so the
/// numerator and denominator and twice the remainder fit a `u128`.
pub const MAX_DIGITS: usize = 24;

/// The value of `-?digits(.digits)?` with at most [`MAX_DIGITS`] digits in
/// all, correctly rounded; `None` for anything else (empty parts around the
/// point are allowed as long as one side has a digit: `.5`, `5.`).
pub fn parse_plain(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let count = whole.len() + fraction.len();
    if count == 0 || count > MAX_DIGITS {
        return None;
    }
    let mut numerator: u128 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        numerator = numerator * 10 + u128::from(b - b'0');
    }
    let denominator = 10u128.pow(fraction.len() as u32);
    let value = ratio(numerator, denominator);
    Some(if negative { -value } else { value })
}

/// `numerator / denominator` rounded to the nearest `f64`, ties to even, for
/// `numerator` < 2^81 and 0 < `denominator` < 2^81 (the quotient then lies
/// between 2^-81 and 2^81, where every double is normal). Long division one
/// bit at a time, with no 128-bit division (which would bring its own routine).
fn ratio(numerator: u128, denominator: u128) -> f64 {
    if numerator == 0 {
        return 0.0;
    }
    // Line the divisor's top bit up with the dividend's: the quotient of the
    // two is then below 2, and the first bit drawn weighs 2^shift.
    let shift = denominator.leading_zeros() as i32 - numerator.leading_zeros() as i32;
    let (mut rest, divisor) =
        if shift >= 0 { (numerator, denominator << shift) } else { (numerator << -shift, denominator) };
    // `mantissa` gathers the quotient's bits until it has 54 (53 and a rounding
    // bit); `scale` is the weight (a power of two) of the last bit drawn.
    // `rest` stays below twice the divisor, so below 2^82.
    let (mut mantissa, mut scale) = (0u64, shift + 1);
    while mantissa < 1 << 53 {
        let bit = rest >= divisor;
        if bit {
            rest -= divisor;
        }
        mantissa = mantissa << 1 | u64::from(bit);
        rest <<= 1;
        scale -= 1;
    }
    let sticky = rest != 0;
    let round_up = mantissa & 1 == 1 && (sticky || mantissa & 2 == 2);
    let (mut mantissa, mut scale) = (mantissa >> 1, scale + 1);
    if round_up {
        mantissa += 1;
        if mantissa == 1 << 53 {
            mantissa >>= 1;
            scale += 1;
        }
    }
    // Both factors are exact doubles and so is their product (a normal number).
    mantissa as f64 * f64::from_bits(((1023 + scale) as u64) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SplitMix64: a fixed, portable stream of test inputs.
    struct Inputs(u64);

    impl Inputs {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// Plain decimals of every shape the grammar allows: random digit strings
    /// (with leading and trailing zeros), the shortest forms of random doubles
    /// (up to 17 significant digits) and the halfway points between neighbouring doubles.
    fn cases() -> Vec<String> {
        let mut inputs = Inputs(20261202);
        let mut cases = Vec::new();
        for _ in 0..200_000 {
            let len = 1 + inputs.below(MAX_DIGITS as u64) as usize;
            let digits: String = (0..len).map(|_| char::from(b'0' + inputs.below(10) as u8)).collect();
            let point = inputs.below(len as u64 + 2) as usize;
            cases.push(if point > len { digits } else { format!("{}.{}", &digits[..point], &digits[point..]) });
        }
        for _ in 0..200_000 {
            // Doubles between 2^-70 and 2^70 in their shortest form.
            let exponent = inputs.below(140) as i32 - 70;
            let x = (1.0 + inputs.below(1 << 52) as f64 / (1u64 << 52) as f64) * 2f64.powi(exponent);
            let text = x.to_string();
            if text.len() <= MAX_DIGITS {
                cases.push(text);
            }
            // Exact halfway points between two neighbouring doubles, where
            // rounding must go to the even one: whole numbers above 2^53, and
            // `n.5` between 2^52 and 2^53.
            let big =
                (1.0 + inputs.below(1 << 52) as f64 / (1u64 << 52) as f64) * 2f64.powi(53 + inputs.below(26) as i32);
            let ulp = f64::from_bits(big.to_bits() + 1) - big;
            cases.push((big as u128 + (ulp as u128) / 2).to_string());
            let mid = (1u64 << 52) + inputs.below(1 << 52);
            cases.push(format!("{mid}.5"));
        }
        for m in [1u64 << 53, (1 << 53) + 1, (1 << 53) + 2, (1 << 53) + 3, (1 << 54) + 2, (1 << 54) + 6] {
            cases.push(m.to_string());
        }
        cases.extend(["0", "0.0", ".5", "5.", "0.1", "0.3", "0.30000000000000004", "-0", "-0.3"].map(String::from));
        cases.extend(["999999999999999999999999", "0.00000000000000000000001", "9007199254740993.0"].map(String::from));
        cases
    }

    #[test]
    fn every_plain_decimal_reads_to_the_standard_parsers_bits() {
        let cases = cases();
        assert!(cases.len() > 350_000);
        for text in &cases {
            let ours = parse_plain(text).unwrap_or_else(|| panic!("{text} is plain"));
            let standard: f64 = text.parse().unwrap();
            assert_eq!(ours.to_bits(), standard.to_bits(), "{text}");
        }
    }

    #[test]
    fn ties_go_to_the_even_double() {
        // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: the even one is 2^53.
        assert_eq!(parse_plain("9007199254740993"), Some(9007199254740992.0));
        // 2^53 + 3 lies halfway between 2^53 + 2 and 2^53 + 4: the even one is 2^53 + 4.
        assert_eq!(parse_plain("9007199254740995"), Some(9007199254740996.0));
        // Just above the halfway point rounds up.
        assert_eq!(parse_plain("9007199254740993.00000001"), Some(9007199254740994.0));
    }

    #[test]
    fn the_comparison_catches_a_parser_that_is_almost_right() {
        // Negative control: digits over a power of ten in f64 arithmetic is
        // right for short decimals but not for every one; the same cases find it.
        let naive = |text: &str| {
            let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
            let digits: f64 = format!("{whole}{fraction}").parse().unwrap();
            digits / 10f64.powi(fraction.len() as i32)
        };
        let wrong = cases().iter().filter(|t| naive(t).to_bits() != t.parse::<f64>().unwrap().to_bits()).count();
        assert!(wrong > 1000, "only {wrong} cases tell the naive parser apart");
    }

    #[test]
    fn anything_else_is_refused() {
        for text in ["", "-", ".", "-.", "1e3", "+1", "1.2.3", "0x10", " 1", "1 ", "inf", "NaN", "1,5", "−1"] {
            assert_eq!(parse_plain(text), None, "{text:?}");
        }
        assert_eq!(parse_plain(&"1".repeat(MAX_DIGITS + 1)), None);
        assert_eq!(parse_plain(&format!("0.{}", "1".repeat(MAX_DIGITS - 1))).map(f64::is_finite), Some(true));
        assert_eq!(parse_plain("-0").map(f64::to_bits), Some((-0.0f64).to_bits()));
    }
}
