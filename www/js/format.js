// How numbers read on the page.

const integer = new Intl.NumberFormat('en');

/** `number(1200)` -> "1,200". */
export function number(n) {
  return integer.format(n);
}

/** `count(1, 'word')` -> "1 word", `count(1200, 'word')` -> "1,200 words". */
export function count(n, noun) {
  return `${number(n)} ${n === 1 ? noun : `${noun}s`}`;
}

/** A share as a whole percentage that never rounds a little to nothing or nearly all to all. */
export function percent(ratio) {
  if (ratio > 0 && ratio < 0.01) return '<1%';
  if (ratio > 0.99 && ratio < 1) return '>99%';
  return `${Math.round(ratio * 100)}%`;
}
