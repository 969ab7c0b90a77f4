//! Sorting by a key of two numbers, through one copy of the standard library's sort.
//!
//! Each `sort_by_key` with a closure or an element type of its own puts another copy of the sort in the
//! binary, 6-8 KB of wasm each; the page's module has a size budget (the Makefile's `WASM_BUDGET`) and
//! the engine sorts in a dozen places. Sorting `(key, key, index)` triples instead uses the one copy that
//! sorts `(usize, usize, usize)`, whatever is sorted, and the index makes the order stable.

/// `items` in order of `key`; items of equal keys keep their order in `items`.
pub(crate) fn sorted_by_key<T>(items: Vec<T>, key: impl Fn(&T) -> (usize, usize)) -> Vec<T> {
    let order = order_by_key(items.len(), |i| key(&items[i]));
    let mut items: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().map(|i| items[i].take().expect("each index comes once")).collect()
}

/// The indices `0..n` in order of `key`, equal keys in increasing index.
pub(crate) fn order_by_key(n: usize, key: impl Fn(usize) -> (usize, usize)) -> Vec<usize> {
    let mut order: Vec<(usize, usize, usize)> = (0..n)
        .map(|i| {
            let (first, second) = key(i);
            (first, second, i)
        })
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, _, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_key_and_keeps_ties_in_order() {
        let words = vec!["pear", "fig", "apple", "kiwi", "date", "plum"];
        let by_length = sorted_by_key(words.clone(), |word| (word.len(), 0));
        assert_eq!(by_length, ["fig", "pear", "kiwi", "date", "plum", "apple"]);
        assert_eq!(order_by_key(words.len(), |i| (usize::MAX - words[i].len(), 0)), [2, 0, 3, 4, 5, 1]);
    }
}
