//! A map from text keys (or ids that read as text) to values, kept as one vector sorted by key:
//! the answers of a quiz (a few dozen entries) and a language's messages (a few hundred). It iterates in key order like
//! a `BTreeMap`, so rendering and saving stay deterministic; for a few dozen entries a binary
//! search over one vector does the same with a fraction of the code (docs/performance.md).

use std::borrow::Borrow;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrMap<K = String, V = String>(Vec<(K, V)>);

impl<K, V> Default for StrMap<K, V> {
    fn default() -> Self {
        StrMap(Vec::new())
    }
}

impl<K: Borrow<str> + Ord, V> StrMap<K, V> {
    pub fn new() -> Self {
        StrMap::default()
    }

    /// An empty map with room for `n` entries: filling it then moves nothing.
    pub fn with_capacity(n: usize) -> Self {
        StrMap(Vec::with_capacity(n))
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        // Sorted input (the built-in English messages) appends; anything else is placed.
        if self.0.last().is_none_or(|(last, _)| *last < key) {
            self.0.push((key, value));
            return None;
        }
        match self.find(key.borrow()) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&K, &V) -> bool) {
        self.0.retain(|(k, v)| keep(k, v));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }
}

pub type Iter<'a, K, V> = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&(K, V)) -> (&K, &V)>;

impl<'a, K: Borrow<str> + Ord, V> IntoIterator for &'a StrMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

impl<K, V> IntoIterator for StrMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<K: Borrow<str> + Ord, V> FromIterator<(K, V)> for StrMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = StrMap::new();
        map.extend(pairs);
        map
    }
}

impl<K: Borrow<str> + Ord, V> Extend<(K, V)> for StrMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        for (k, v) in pairs {
            self.insert(k, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::StrMap;

    fn map(pairs: &[(&str, &str)]) -> StrMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn keeps_keys_sorted_and_unique_whatever_the_insertion_order() {
        let mut m = map(&[("q3", "a"), ("q1", "b"), ("q2", "c"), ("q1", "d")]);
        let keys: Vec<&str> = m.keys().map(String::as_str).collect();
        assert_eq!(keys, ["q1", "q2", "q3"]);
        assert_eq!(
            m.get("q1").map(String::as_str),
            Some("d"),
            "the later value wins"
        );
        assert_eq!(m.insert("q2".into(), "e".into()).as_deref(), Some("c"));
        assert_eq!(m.remove("q3").as_deref(), Some("a"));
        assert_eq!(m.remove("q3"), None);
        assert!(m.contains_key("q2") && !m.contains_key("q3"));
        assert_eq!(m.len(), 2);
        m.retain(|k, _| k != "q1");
        assert_eq!(m, map(&[("q2", "e")]));
    }

    proptest::proptest! {
        /// Any sequence of inserts and removes leaves the same entries, in the same order, as a
        /// `BTreeMap` given the same sequence.
        #[test]
        fn behaves_like_a_btree_map(ops in proptest::collection::vec((0u8..3, 0u8..12, 0u8..4), 0..80)) {
            let mut ours = StrMap::<String, String>::new();
            let mut tree = std::collections::BTreeMap::new();
            for (op, k, v) in ops {
                let (k, v) = (format!("k{k}"), format!("v{v}"));
                if op == 0 {
                    proptest::prop_assert_eq!(ours.remove(&k), tree.remove(&k));
                } else {
                    proptest::prop_assert_eq!(ours.insert(k.clone(), v.clone()), tree.insert(k, v));
                }
            }
            let tree: Vec<_> = tree.iter().collect();
            proptest::prop_assert_eq!(ours.iter().collect::<Vec<_>>(), tree);
        }
    }

    #[test]
    fn equal_maps_compare_equal_whatever_the_insertion_order() {
        assert_eq!(
            map(&[("b", "2"), ("a", "1"), ("c", "3")]),
            map(&[("c", "3"), ("a", "1"), ("b", "2")])
        );
    }
}
