//! A map from text keys to text values kept as one vector sorted by key: the answers of a quiz
//! (a few dozen entries) and a language's messages (a few hundred). It iterates in key order like
//! the `BTreeMap` it replaced, so rendering and saving stay deterministic, without the ~8 KB of
//! tree code that map cost the wasm.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StrMap(Vec<(String, String)>);

impl StrMap {
    pub fn new() -> StrMap {
        StrMap::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&String> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaced.
    pub fn insert(&mut self, key: String, value: String) -> Option<String> {
        // Sorted input (the built-in English messages) appends; anything else is placed.
        if self.0.last().is_none_or(|(last, _)| *last < key) {
            self.0.push((key, value));
            return None;
        }
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<String> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String, &String) -> bool) {
        self.0.retain(|(k, v)| keep(k, v));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> Iter<'_> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

pub type Iter<'a> = std::iter::Map<
    std::slice::Iter<'a, (String, String)>,
    fn(&(String, String)) -> (&String, &String),
>;

impl<'a> IntoIterator for &'a StrMap {
    type Item = (&'a String, &'a String);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl IntoIterator for StrMap {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<(String, String)> for StrMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> StrMap {
        let mut map = StrMap::new();
        map.extend(pairs);
        map
    }
}

impl Extend<(String, String)> for StrMap {
    fn extend<I: IntoIterator<Item = (String, String)>>(&mut self, pairs: I) {
        for (k, v) in pairs {
            self.insert(k, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::StrMap;

    fn map(pairs: &[(&str, &str)]) -> StrMap {
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
            let mut ours = StrMap::new();
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
