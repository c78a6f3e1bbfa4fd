//! The one stable sort every list is ordered with: positions sorted by a comparison behind a
//! reference, so the sort is compiled once, not once per call site (nineteen copies were 74 KB
//! of the page's code).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .iter()
            .map(|&i| slots[i].take().expect("each position once")),
    );
}

/// Sorts `v` stably by a key, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in its own order, as `slice::sort` does.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Sorts positions (indices into something else) stably by `cmp`: the one compiled sort.
#[inline(never)]
pub fn sort_positions(positions: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut v: Vec<(u8, char)> = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        let mut want = v.clone();
        want.sort_by_key(|x| x.0);
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, want);
        let mut s = vec!["b".to_string(), "a".to_string(), "c".to_string()];
        sort(&mut s);
        assert_eq!(s, ["a", "b", "c"]);
        let mut p = vec![3, 1, 2, 0];
        let keys = [9, 7, 7, 1];
        sort_positions(&mut p, &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(p, [3, 1, 2, 0]);
    }
}
