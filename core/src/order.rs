//! Sorting for the short lists here (at most a few dozen items).
//!
//! Why not `slice::sort*`: each element type instantiates the whole of std's sort (driftsort or
//! quicksort plus small-sort networks), built for long lists; an insertion sort is enough here and
//! one small function. (What each cost, measured: docs/performance.md.)

/// Stable sort by key, ascending.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_stably() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut w = [5, 4, 3, 2, 1, 0];
        sort_by_key(&mut w, |&x| std::cmp::Reverse(x));
        assert_eq!(w, [5, 4, 3, 2, 1, 0]);
        sort_by_key(&mut w, |&x| x);
        assert_eq!(w, [0, 1, 2, 3, 4, 5]);
    }
}
