// What the bench's reports share to say how sure a figure is (bench/run.mjs's
// intervals for one run, bench/pool.mjs's for runs taken together).

/** The `q` quantile (0..1) of the finite numbers in `xs`, interpolated; null if there are none. */
export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}

/**
 * A bootstrap's resampling: returns a function that draws `a.length` items
 * of `a` with replacement. Its random numbers come from xorshift32 with a
 * fixed seed, so that the same samples give the same interval (a report
 * can be written again from its JSON).
 */
export function resampler(seed = 0x2545f491) {
  let x = seed;
  const random = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  return (a) => a.map(() => a[Math.floor(random() * a.length)]);
}
